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
 * represented; then the NPS cycles ({@link DemoNpsLoader}). Usage: {@code java -jar rhythm-demo.jar [gateway-url] [keycloak-url] [seed]}.
 */
public final class DemoLoader {

    public static final long DEFAULT_SEED = 2026;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final String integration;
    final String admin;
    final String evp;

    private DemoLoader(String gateway, String keycloak, String integrationSecret) throws IOException, InterruptedException {
        this.gateway = gateway;
        String tokenUrl = keycloak + "/realms/rhythm/protocol/openid-connect/token";
        this.integration = token(tokenUrl, Map.of("grant_type", "client_credentials", "client_id", "rhythm-integration",
                "client_secret", integrationSecret));
        this.admin = token(tokenUrl, Map.of("grant_type", "password", "client_id", "rhythm-frontend", "username", "admin",
                "password", "rhythm"));
        this.evp = token(tokenUrl, Map.of("grant_type", "password", "client_id", "rhythm-frontend", "username", "evp",
                "password", "rhythm"));
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
        checkBands();
        new DemoNpsLoader(this, portfolio, ids).load();
    }

    private Map<String, String> clients(List<DemoPortfolio.Client> clients) throws IOException, InterruptedException {
        String rows = clients.stream().map(c -> "{" + String.join(",",
                field("name", c.name()), field("region", "APAC"), field("businessUnit", c.businessUnit()),
                field("ownerCse", c.ownerCse()), field("ownerCam", c.ownerCam()), field("tier", c.tier()),
                field("lifecycleStage", c.lifecycleStage()), field("renewalDate", c.renewalDate().toString()),
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

    String send(String method, String path, String token, String json, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300 && response.statusCode() != 409) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
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
