package io.rhythm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The survey links out of env up's mail sink (GreenMail's REST API: {@code GET /api/user},
 * {@code GET /api/user/{email}/messages/INBOX}, {@code DELETE /api/user/{email}}). A drainer thread reads the
 * mailboxes of the bench's own domain while invitations are being sent, takes the token out of each message and
 * deletes the mailbox at once, so the sink (a small JVM, messages in memory) never holds more than the backlog.
 * Nothing outside the bench's domain is read or deleted.
 */
final class MailSink implements AutoCloseable {

    private static final Pattern LINK = Pattern.compile("/api/v1/surveys/respond/([A-Za-z0-9_\\-]{20,})");

    private final URI api;
    private final String domain;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong withoutToken = new AtomicLong();
    private final AtomicLong lastMessageNanos = new AtomicLong(System.nanoTime());
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private Thread thread;
    private volatile boolean stopping;

    MailSink(URI api, String domain) {
        this.api = api;
        this.domain = "@" + domain;
    }

    /** Starts draining in the background. */
    void start() {
        thread = new Thread(() -> {
            while (!stopping) {
                try {
                    if (drainOnce() == 0) {
                        Thread.sleep(200);
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }, "mail-sink-drainer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Reads and deletes every bench mailbox there is now; returns how many messages it read. */
    int drainOnce() throws Exception {
        HttpResponse<String> users = get("/api/user");
        if (users.statusCode() != 200) {
            throw new IllegalStateException("GET " + api + "/api/user answered " + users.statusCode());
        }
        int read = 0;
        for (JsonNode user : json.readTree(users.body())) {
            String email = user.path("email").asText("");
            if (!email.toLowerCase().endsWith(domain)) {
                continue;
            }
            String path = "/api/user/" + URLEncoder.encode(email, StandardCharsets.UTF_8);
            HttpResponse<String> inbox = get(path + "/messages/INBOX");
            if (inbox.statusCode() != 200) {
                continue;
            }
            JsonNode inboxMessages = json.readTree(inbox.body());
            if (inboxMessages.isEmpty()) {
                continue; // the sink creates the user before the message is in: leave it for the next round
            }
            for (JsonNode message : inboxMessages) {
                read++;
                messages.incrementAndGet();
                String token = token(message.path("mimeMessage").asText(""));
                if (token == null) {
                    withoutToken.incrementAndGet();
                } else {
                    tokens.putIfAbsent(email.toLowerCase(), token);
                }
            }
            http.send(HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(30)).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        if (read > 0) {
            lastMessageNanos.set(System.nanoTime());
        }
        return read;
    }

    /** The survey token in a raw message (quoted-printable soft line breaks undone first). */
    static String token(String mime) {
        String text = mime.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
        Matcher m = LINK.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    Map<String, String> tokens() {
        return tokens;
    }

    long messages() {
        return messages.get();
    }

    long withoutToken() {
        return withoutToken.get();
    }

    long quietNanos() {
        return System.nanoTime() - lastMessageNanos.get();
    }

    Throwable failure() {
        return failure.get();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        if (thread != null) {
            thread.join(10_000);
        }
    }
}
