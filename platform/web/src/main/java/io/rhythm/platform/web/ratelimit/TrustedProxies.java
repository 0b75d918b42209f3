package io.rhythm.platform.web.ratelimit;

import io.vertx.core.http.HttpServerRequest;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The proxies whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are believed, as CIDR blocks
 * ({@code 10.0.0.0/8}, {@code ::1/128}; a bare address is one host). The caller's address is found by walking
 * {@code X-Forwarded-For} from the right (the entry the nearest proxy appended) while the hop is a trusted proxy:
 * the first untrusted hop is the client. A request whose peer is not a trusted proxy is answered for its peer
 * address alone, whatever it claims in {@code X-Forwarded-For}, so that nobody escapes a per-address limit by
 * writing a header. With no trusted proxies configured, the peer is always the client.
 */
public final class TrustedProxies {

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** @param cidrs e.g. {@code ["127.0.0.1/32", "10.0.0.0/8", "::1"]}; blanks are ignored */
    public static TrustedProxies of(List<String> cidrs) {
        List<Block> blocks = new ArrayList<>();
        for (String cidr : cidrs) {
            if (cidr != null && !cidr.isBlank()) {
                blocks.add(Block.parse(cidr.strip()));
            }
        }
        return new TrustedProxies(blocks);
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /** True when {@code address} (a literal IPv4 or IPv6 address) lies in a trusted block. */
    public boolean trusts(String address) {
        byte[] bytes = literal(address);
        return bytes != null && blocks.stream().anyMatch(block -> block.contains(bytes));
    }

    /** The client's address: see the class comment. */
    public String clientAddress(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        return clientAddress(peer, request.headers().getAll("X-Forwarded-For"));
    }

    /** The same from a peer address and the {@code X-Forwarded-For} header values, in order. */
    public String clientAddress(String peer, List<String> forwardedFor) {
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0 && trusts(client); i--) {
            if (literal(hops.get(i)) == null) {
                break; // garbage in the header: stop at the last proxy we trust
            }
            client = hops.get(i);
        }
        return client;
    }

    /** True when the request came through TLS: directly, or a trusted proxy says {@code X-Forwarded-Proto: https}. */
    public boolean isSecure(HttpServerRequest request) {
        if (request.isSSL()) {
            return true;
        }
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        String proto = request.getHeader("X-Forwarded-Proto");
        return proto != null && peer != null && trusts(peer) && "https".equalsIgnoreCase(proto.split(",", 2)[0].strip());
    }

    /** The bytes of a literal address, or null when it is not one (never a DNS look-up). */
    static byte[] literal(String address) {
        if (address == null || address.isEmpty()) {
            return null;
        }
        String plain = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        boolean ipv4 = plain.chars().allMatch(c -> Character.isDigit(c) || c == '.') && plain.chars().filter(c -> c == '.').count() == 3;
        boolean ipv6 = plain.indexOf(':') >= 0 && plain.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
        if (!ipv4 && !ipv6) {
            return null;
        }
        if (ipv4) {
            for (String part : plain.split("\\.", -1)) {
                if (part.isEmpty() || part.length() > 3 || Integer.parseInt(part) > 255) {
                    return null;
                }
            }
        }
        try {
            return InetAddress.getByName(plain).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Block(byte[] network, int prefix) {

        static Block parse(String cidr) {
            int slash = cidr.indexOf('/');
            String address = slash < 0 ? cidr : cidr.substring(0, slash);
            byte[] network = literal(address);
            if (network == null) {
                throw new IllegalArgumentException("not a CIDR block: " + cidr);
            }
            int prefix;
            try {
                prefix = slash < 0 ? network.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR block: " + cidr);
            }
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("not a CIDR block: " + cidr);
            }
            return new Block(network, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int bits = network.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
            return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }
}
