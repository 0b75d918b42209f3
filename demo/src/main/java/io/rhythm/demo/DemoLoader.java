package io.rhythm.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Loads the demo portfolio through the public API (the gateway), idempotently: clients by external id,
 * contacts only for clients that have none yet, signals by event id; checks that every health band is
 * represented; then the NPS cycles ({@link DemoNpsLoader}), the calendar ({@link DemoCalendarLoader}), segments
 * ({@link DemoSegmentsLoader}), account plans ({@link DemoPlanningLoader}) and workflows ({@link DemoWorkflowLoader}). Usage: {@code java -jar rhythm-demo.jar [gateway-url] [keycloak-url] [seed]}.
 */
public final class DemoLoader {

    public static final long DEFAULT_SEED = 2026;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** How often one request is sent while the gateway answers 429 (about ten minutes of Retry-After waits at most). */
    private static final int MAX_RATE_LIMITED_ATTEMPTS = 600;
    private boolean rateLimitNoted;
    private final String gateway;
    private final String tokenUrl;
    private final Map<String, Token> tokens = new HashMap<>();
    private final String integration;
    final String admin;
    final String evp;

    private DemoLoader(String gateway, String keycloak, String integrationSecret) throws IOException, InterruptedException {
        this.gateway = gateway;
        this.tokenUrl = keycloak + "/realms/rhythm/protocol/openid-connect/token";
        this.integration = token(tokenUrl, Map.of("grant_type", "client_credentials", "client_id", "rhythm-integration",
                "client_secret", integrationSecret));
        this.admin = as("admin");
        this.evp = as("evp");
    }

    public static void main(String[] args) throws Exception {
        String gateway = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        String keycloak = args.length > 1 ? args[1] : "http://127.0.0.1:18080";
        long seed = args.length > 2 ? Long.parseLong(args[2]) : DEFAULT_SEED;
        String secret = System.getenv().getOrDefault("RHYTHM_INTEGRATION_SECRET", "integration-secret");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        DemoPortfolio.Portfolio portfolio = DemoPortfolio.generate(seed, today);
        new DemoLoader(gateway, keycloak, secret).load(portfolio, today);
    }

    private void load(DemoPortfolio.Portfolio portfolio, LocalDate today) throws IOException, InterruptedException {
        Map<String, String> ids = clients(portfolio.clients());
        contacts(portfolio.contacts(), ids);
        signals(portfolio.signals(), ids, today);
        billing(DemoPortfolio.billing(portfolio, today), ids);
        checkBands();
        new DemoNpsLoader(this, portfolio, ids).load();
        System.out.println("Calendar: a year of engagement activities, the fortnight ahead, deliverables on " + DemoCalendarLoader.SEED_DAY);
        String last = ids.get(portfolio.clients().getLast().key());
        awaitVisible("/api/v1/calendar/activities?clientId=" + last);
        awaitVisible("/api/v1/plans?clientId=" + last);
        awaitVisible("/api/v1/segments/clients/" + last);
        DemoCalendarLoader calendar = new DemoCalendarLoader(this, portfolio, ids);
        calendar.load(today);
        System.out.println("Segments");
        DemoSegmentsLoader segments = new DemoSegmentsLoader(this, ids);
        segments.load(today);
        System.out.println("Account plans, registers, quotas, renewals");
        DemoPlanningLoader planning = new DemoPlanningLoader(this, portfolio, ids);
        planning.load(today);
        System.out.println("Workflows");
        new DemoWorkflowLoader(this, portfolio, ids).load(today);
        System.out.println("Demo figures");
        planning.printMetrics();
        segments.printSummary(today);
        System.out.println("  iCalendar feed of the demo user cse (subscribe in a calendar app): " + calendar.feedUrl());
        if (calendar.briefPath() != null) {
            System.out.println("  Meeting brief of a planned meeting with a client without NPS answers (NPS shown as missing; bearer token of "
                    + calendar.briefReader() + " or a leader): " + gateway + calendar.briefPath());
        }
    }

    private Map<String, String> clients(List<DemoPortfolio.Client> clients) throws IOException, InterruptedException {
        String rows = clients.stream().map(c -> "{" + String.join(",",
                field("name", c.name()), field("region", "APAC"), field("businessUnit", c.businessUnit()),
                field("ownerCse", c.ownerCse()), field("ownerCam", c.ownerCam()), field("tier", c.tier()),
                field("lifecycleStage", c.lifecycleStage()), field("renewalDate", c.renewalDate().toString()),
                field("customerSince", DemoPortfolio.customerSince(c).toString()),
                "\"annualRevenue\":{" + field("amount", c.maintenanceRevenue().toPlainString()) + "," + field("currency", "AUD") + "}",
                "\"externalIds\":{" + field("demo", c.key()) + "}") + "}").collect(Collectors.joining(","));
        String body = send("POST", "/api/v1/clients/bulk", integration, "{\"source\":\"demo\",\"rows\":[" + rows + "]}", null);
        Map<String, String> ids = new HashMap<>();
        Matcher result = Pattern.compile("\"status\":\"(\\w+)\",\"externalId\":\"([^\"]*)\",\"clientId\":\"([0-9a-f-]+)\"").matcher(body);
        Map<String, Integer> outcomes = new HashMap<>();
        while (result.find()) {
            ids.put(result.group(2), result.group(3));
            outcomes.merge(result.group(1), 1, Integer::sum);
        }
        if (ids.size() != clients.size()) {
            throw new IllegalStateException("not every demo client was stored: " + body);
        }
        System.out.printf("  clients   %d %s%n", ids.size(), outcomes);
        return ids;
    }

    private void contacts(List<DemoPortfolio.Contact> contacts, Map<String, String> ids) throws IOException, InterruptedException {
        int created = 0;
        int skipped = 0;
        Map<String, List<DemoPortfolio.Contact>> byClient = contacts.stream()
                .collect(Collectors.groupingBy(DemoPortfolio.Contact::clientKey));
        for (var entry : byClient.entrySet()) {
            String clientId = ids.get(entry.getKey());
            String existing = send("GET", "/api/v1/clients/" + clientId + "/contacts?limit=1&active=false", admin, null, null);
            if (existing.contains("\"id\"")) {
                skipped += entry.getValue().size();
                continue;
            }
            for (int i = 0; i < entry.getValue().size(); i++) {
                DemoPortfolio.Contact contact = entry.getValue().get(i);
                String roles = contact.stakeholderRoles().stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(","));
                send("POST", "/api/v1/clients/" + clientId + "/contacts", integration, "{" + String.join(",",
                        field("name", contact.name()), field("email", contact.email()), field("title", contact.title()),
                        "\"stakeholderRoles\":[" + roles + "]", "\"subscribed\":" + contact.subscribed()) + "}",
                        "demo-contact-" + clientId + "-" + i); // names repeat within a large client
                created++;
            }
        }
        System.out.printf("  contacts  %d created, %d already there%n", created, skipped);
    }

    private void signals(List<DemoPortfolio.Signal> signals, Map<String, String> ids, LocalDate today)
            throws IOException, InterruptedException {
        Map<String, Integer> outcomes = new HashMap<>();
        List<String> batch = new ArrayList<>();
        // oldest month first, each month in calls of its own: a bulk call rescores a client once, with the
        // newest of its values, so month by month leaves each client a short score history with its drivers
        signals = signals.stream().sorted(Comparator.comparingInt(DemoPortfolio.Signal::monthsAgo).reversed()).toList();
        for (int i = 0; i < signals.size(); i++) {
            DemoPortfolio.Signal s = signals.get(i);
            LocalDate day = s.monthsAgo() == 0 ? today : today.minusMonths(s.monthsAgo()).withDayOfMonth(1);
            batch.add("{" + String.join(",", field("eventId", "demo-" + s.clientKey() + "-" + s.metric() + "-m" + s.monthsAgo()),
                    field("clientId", ids.get(s.clientKey())), field("metric", s.metric()), "\"value\":" + s.value(),
                    field("occurredAt", day.atStartOfDay(ZoneOffset.UTC).toInstant().toString())) + "}");
            if (batch.size() == 500 || i == signals.size() - 1 || signals.get(i + 1).monthsAgo() != s.monthsAgo()) {
                String body = send("POST", "/api/v1/signals", integration, "{\"signals\":[" + String.join(",", batch) + "]}", null);
                Matcher outcome = Pattern.compile("\"outcome\":\"(\\w+)\"").matcher(body);
                while (outcome.find()) {
                    outcomes.merge(outcome.group(1), 1, Integer::sum);
                }
                if (outcomes.containsKey("REJECTED")) {
                    throw new IllegalStateException("a demo signal was rejected: " + body);
                }
                batch.clear();
                System.out.printf("  signals   %d/%d %s%n", Math.min(i + 1, signals.size()), signals.size(), outcomes);
            }
        }
    }

    /** The demo invoices as billing-system events (idempotent by event id: a second run answers DUPLICATE). */
    private void billing(List<DemoPortfolio.BillingEvent> events, Map<String, String> ids) throws IOException, InterruptedException {
        List<String> items = new ArrayList<>();
        for (DemoPortfolio.BillingEvent e : events) {
            List<String> fields = new ArrayList<>(List.of(field("eventId", e.eventId()), field("type", e.type()),
                    field("invoiceId", e.invoiceId()), field("clientId", ids.get(e.clientKey())),
                    field("occurredAt", e.day().atStartOfDay(ZoneOffset.UTC).toInstant().toString())));
            if (e.amount() != null) {
                fields.add(field("amount", e.amount()));
                fields.add(field("currency", e.currency()));
                fields.add(field("dueDate", e.dueDate().toString()));
            }
            items.add("{" + String.join(",", fields) + "}");
        }
        if (items.isEmpty()) {
            return;
        }
        String body = send("POST", "/api/v1/signals/billing", integration, "{\"events\":[" + String.join(",", items) + "]}", null);
        if (body.contains("\"REJECTED\"") || body.contains("\"UNMATCHED\"")) {
            throw new IllegalStateException("a demo billing event was not taken: " + body);
        }
        System.out.printf("  billing   %d events (aged receivables)%n", items.size());
    }

    private void checkBands() throws IOException, InterruptedException {
        String body = send("GET", "/api/v1/health/portfolio?limit=1", admin, null, null);
        Matcher counts = Pattern.compile("\"countsByBand\":\\{([^}]*)}").matcher(body);
        if (!counts.find()) {
            throw new IllegalStateException("no counts by band in " + body);
        }
        System.out.printf("  bands     %s%n", counts.group(1));
        for (String band : List.of("CRITICAL", "AT_RISK", "STABLE", "HEALTHY")) {
            if (counts.group(1).contains("\"" + band + "\":0")) {
                throw new IllegalStateException("no demo client is " + band + ": " + counts.group(1));
            }
        }
    }

    /** An answer: status and body. */
    record Reply(int status, String body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        Map<String, Object> json() {
            return MiniJson.object(body);
        }
    }

    /** Sends a request; 2xx and 409 are fine, anything else stops the load. */
    String send(String method, String path, String token, String json, String idempotencyKey)
            throws IOException, InterruptedException {
        Reply reply = call(method, path, token, json, idempotencyKey);
        if (reply.status() >= 300 && reply.status() != 409) {
            throw new IllegalStateException(method + " " + path + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.body();
    }

    /** GET, parsed; anything but 2xx stops the load. */
    Map<String, Object> get(String path, String token) throws IOException, InterruptedException {
        return MiniJson.object(send("GET", path, token, null, null));
    }

    /** Every item of a cursor-paged list. */
    List<Map<String, Object>> all(String path, String token) throws IOException, InterruptedException {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        do {
            String page = path + (path.contains("?") ? "&" : "?") + "limit=200"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            Map<String, Object> body = get(page, token);
            items.addAll(MiniJson.list(body, "items"));
            cursor = MiniJson.str(body, "nextCursor");
        } while (cursor != null);
        return items;
    }

    /** Waits (up to a minute) until a service answers 200 on a path: it learns of the demo clients from clients.v1. */
    void awaitVisible(String path) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 120 && call("GET", path, as("admin"), null, null).status() != 200; attempt++) {
            Thread.sleep(500);
        }
    }

    /**
     * A user's token (password grant, every demo user's password is "rhythm"), fetched again after 20 minutes (the
     * realm's tokens live 30): a load on a busy machine takes longer than one token.
     */
    String as(String username) throws IOException, InterruptedException {
        Token cached = tokens.get(username);
        if (cached == null || cached.fetchedAt() < System.nanoTime() - Duration.ofMinutes(20).toNanos()) {
            cached = new Token(token(tokenUrl, Map.of("grant_type", "password", "client_id", "rhythm-frontend",
                    "username", username, "password", "rhythm")), System.nanoTime());
            tokens.put(username, cached);
        }
        return cached.value();
    }

    private record Token(String value, long fetchedAt) {
    }

    /** Sends a request and returns whatever the gateway answered. */
    Reply call(String method, String path, String token, String json, String idempotencyKey)
            throws IOException, InterruptedException {
        return call(method, path, token, json, idempotencyKey, null);
    }

    /** Sends a request, with If-Match when {@code ifMatch} is given, and returns whatever the gateway answered. */
    Reply call(String method, String path, String token, String json, String idempotencyKey, String ifMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(120));
        if (token != null) { // the public links and feeds take none
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return exchange(request.build());
    }

    /** PUTs a file (its bytes as the body, its type as Content-Type); token null for a public link. */
    Reply upload(String path, String token, String contentType, byte[] content) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(content));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return exchange(request.build());
    }

    /**
     * Sends a request as a well-behaved client of the gateway's rate limit: a 429 is retried after the Retry-After it
     * gives (the limit is per caller and per minute; a full load sends a few thousand requests as a handful of users).
     */
    private Reply exchange(HttpRequest request) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 429 || attempt == MAX_RATE_LIMITED_ATTEMPTS) {
                return new Reply(response.statusCode(), response.body());
            }
            long seconds = response.headers().firstValue("Retry-After").map(DemoLoader::seconds).orElse(1L);
            if (!rateLimitNoted) {
                System.out.printf("  (the gateway's rate limit was reached: waiting as its Retry-After says, %d s)%n", seconds);
                rateLimitNoted = true;
            }
            Thread.sleep(Duration.ofSeconds(Math.clamp(seconds, 1, 60)));
        }
    }

    private static long seconds(String retryAfter) {
        try {
            return Long.parseLong(retryAfter.trim());
        } catch (NumberFormatException notSeconds) { // an HTTP date: wait a little and ask again
            return 1;
        }
    }

    private String token(String url, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("Keycloak refused a token (" + response.statusCode() + "): " + response.body());
        }
        return token.group(1);
    }

    /** {@code "name":"value"} with JSON escaping, or {@code "name":null}. */
    static String field(String name, String value) {
        if (value == null) {
            return "\"" + name + "\":null";
        }
        StringBuilder escaped = new StringBuilder();
        for (char ch : value.toCharArray()) {
            switch (ch) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                default -> escaped.append(ch < 0x20 ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
            }
        }
        return "\"" + name + "\":\"" + escaped + "\"";
    }
}
