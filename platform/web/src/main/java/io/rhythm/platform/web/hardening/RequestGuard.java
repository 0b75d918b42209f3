package io.rhythm.platform.web.hardening;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.rhythm.platform.web.correlation.CorrelationIdFilter;
import io.rhythm.platform.web.problem.FieldError;
import io.rhythm.platform.web.problem.ProblemType;
import io.rhythm.platform.web.problem.RoutingProblems;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs on every HTTP request of every Rhythm service and the gateway, first (it takes the correlation
 * id itself), before authentication and any resource: refuses with a problem+json
 * <ul>
 *   <li>413 a declared body ({@code Content-Length}) over {@code quarkus.http.limits.max-body-size},</li>
 *   <li>414 a request line longer than {@code rhythm.http.max-uri-length} (default 8192 characters),</li>
 *   <li>431 headers larger than {@code rhythm.http.max-header-size} (default 16384 bytes, names and values),</li>
 *   <li>400 a path segment, query name or value that is not valid percent-encoded UTF-8 or holds a control
 *       character (U+0000–U+001F, U+007F), and a header value holding one (tab allowed), naming it
 *       ({@code path}, {@code query.<name>}, {@code header.<name>}).</li>
 * </ul>
 * Vert.x itself refuses what is larger still ({@code quarkus.http.limits.max-initial-line-length},
 * {@code max-header-size}, set well above these so that this guard answers first) with an empty body.
 */
@ApplicationScoped
public class RequestGuard {

    /** Before Quarkus's own body-size check (order -2, which answers 413 with an empty body) and authentication. */
    static final int ORDER = -3;

    @ConfigProperty(name = "rhythm.http.max-uri-length", defaultValue = "8192")
    int maxUriLength;
    @ConfigProperty(name = "rhythm.http.max-header-size", defaultValue = "16384")
    int maxHeaderSize;
    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    void check(RoutingContext context) {
        CorrelationIdFilter.establish(context);
        var request = context.request();
        String uri = request.uri();
        if (uri.length() > maxUriLength) {
            RoutingProblems.respond(context, mapper, ProblemType.URI_TOO_LONG, ProblemType.URI_TOO_LONG.status(),
                    "The request URI has " + uri.length() + " characters; at most " + maxUriLength + " are accepted",
                    List.of());
            return;
        }
        int headerSize = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerSize += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerSize > maxHeaderSize) {
            RoutingProblems.respond(context, mapper, ProblemType.HEADERS_TOO_LARGE, ProblemType.HEADERS_TOO_LARGE.status(),
                    "The request headers take " + headerSize + " bytes; at most " + maxHeaderSize + " are accepted",
                    List.of());
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                && Long.parseLong(length) > maxBodySize.asLongValue()) {
            context.response().putHeader("Connection", "close");
            RoutingProblems.respond(context, mapper, ProblemType.PAYLOAD_TOO_LARGE, ProblemType.PAYLOAD_TOO_LARGE.status(),
                    "The request body has " + length + " bytes; at most " + maxBodySize.asLongValue() + " are accepted",
                    List.of());
            return;
        }
        List<FieldError> errors = inspect(uri, request.headers());
        if (!errors.isEmpty()) {
            RoutingProblems.respond(context, mapper, ProblemType.MALFORMED_REQUEST, 400,
                    "The request holds characters that are not allowed", errors);
            return;
        }
        context.next();
    }

    /** The faults of a raw request URI (path and query, as sent) and its headers; empty when clean. */
    static List<FieldError> inspect(String uri, Iterable<Map.Entry<String, String>> headers) {
        List<FieldError> errors = new ArrayList<>();
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        int fragment = path.indexOf('#');
        if (fragment >= 0) {
            path = path.substring(0, fragment);
        }
        String pathFault = fault(path, false);
        if (pathFault != null) {
            errors.add(new FieldError("path", pathFault));
        }
        if (query >= 0) {
            for (String pair : uri.substring(query + 1).split("&")) {
                int equals = pair.indexOf('=');
                String rawName = equals < 0 ? pair : pair.substring(0, equals);
                String nameFault = fault(rawName, true);
                String name = nameFault == null ? decode(rawName, true) : "?";
                if (nameFault != null) {
                    errors.add(new FieldError("query", "a parameter name " + nameFault));
                    continue;
                }
                String valueFault = equals < 0 ? null : fault(pair.substring(equals + 1), true);
                if (valueFault != null) {
                    errors.add(new FieldError("query." + name, valueFault));
                }
            }
        }
        for (Map.Entry<String, String> header : headers) {
            String value = header.getValue();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if ((c < 0x20 && c != '\t') || c == 0x7f) {
                    errors.add(new FieldError("header." + header.getKey(),
                            String.format("control character U+%04X is not allowed", (int) c)));
                    break;
                }
            }
        }
        return errors;
    }

    /** Why a raw (percent-encoded) URI component is refused, or null. */
    static String fault(String raw, boolean query) {
        String decoded;
        try {
            decoded = decode(raw, query);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return String.format("control character U+%04X is not allowed", (int) c);
            }
        }
        return null;
    }

    private static String decode(String raw, boolean query) {
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 3);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    throw new IllegalArgumentException("is not valid percent-encoding");
                }
                bytes.put((byte) ((Character.digit(raw.charAt(i + 1), 16) << 4) + Character.digit(raw.charAt(i + 2), 16)));
                i += 2;
            } else if (c == '+' && query) {
                bytes.put((byte) ' ');
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("is not valid UTF-8");
        }
    }
}
