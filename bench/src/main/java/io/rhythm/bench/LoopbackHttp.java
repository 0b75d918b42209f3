package io.rhythm.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 connection from a chosen local (loopback) address: what a survey respondent's browser does,
 * from its own address. The public respond endpoint is rate-limited per client address (the gateway passes the
 * peer address on as {@code X-Forwarded-For}), so 100,000 respondents have to come from many addresses, as they
 * would in reality; {@code java.net.http.HttpClient} cannot cheaply open one connection per local address.
 * Keep-alive: several requests may go over one connection, one at a time.
 */
final class LoopbackHttp implements Closeable {

    record Response(int status, String body) {
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String host;

    LoopbackHttp(InetAddress local, URI server) throws IOException {
        socket = new Socket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(local, 0));
        socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 10_000);
        socket.setSoTimeout(60_000);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = socket.getOutputStream();
        host = server.getHost() + ":" + server.getPort();
    }

    /** The address of respondent {@code n}: 127.c.b.a with every octet in 1..250, never 127.0.0.x. */
    static InetAddress respondentAddress(int n) throws IOException {
        int a = n % 250 + 1;
        int b = (n / 250) % 250 + 1;
        int c = n / 62_500 + 1;
        if (c > 254) {
            throw new IllegalArgumentException("respondent " + n + " has no loopback address left");
        }
        return InetAddress.getByAddress(new byte[] {127, (byte) c, (byte) b, (byte) a});
    }

    Response send(String method, String path, String json) throws IOException {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\nAccept: application/json\r\nUser-Agent: rhythm-bench\r\n");
        if (json != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        String status = line();
        if (status == null || !status.startsWith("HTTP/1.")) {
            throw new IOException("no HTTP answer: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        for (String h = line(); h != null && !h.isEmpty(); h = line()) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        if (chunked) {
            while (true) {
                String size = line();
                int n = Integer.parseInt(size.split(";", 2)[0].strip(), 16);
                if (n == 0) {
                    for (String t = line(); t != null && !t.isEmpty(); t = line()) {
                        // trailers
                    }
                    break;
                }
                content.write(in.readNBytes(n));
                line();
            }
        } else if (length >= 0) {
            content.write(in.readNBytes((int) length));
        } else {
            content.write(in.readAllBytes());
        }
        return new Response(code, content.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int len = s.length();
                return len > 0 && s.charAt(len - 1) == '\r' ? s.substring(0, len - 1) : s.toString();
            }
            s.append((char) c);
        }
        return s.isEmpty() ? null : s.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
