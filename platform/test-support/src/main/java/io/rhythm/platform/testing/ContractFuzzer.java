package io.rhythm.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The fuzz gate (README "API contract"): walks an OpenAPI document and sends, for every operation, a
 * request built from its schema (with the token, as a CSE, with a malformed token and without one) and a fixed
 * set of invalid variants (NUL in path and query, a
 * duplicated JSON key, NUL in a body string, an unknown body field, 5,000-deep nesting, a wrong type, a
 * bad UUID, numbers beyond int64 and double in the query and the body, invalid UTF-8 in the query and the body,
 * a list of 10,001 items, a string or list one beyond its field's documented {@code maxLength}/{@code maxItems}
 * (sampled, see {@link #FIELD_LIMIT_VARIANTS}), an overlong URI and header, a wrong content type; once per run a
 * 10 MB body with its Content-Length and chunked, and a string beyond the platform's 1,000,000 characters), with
 * an authorised token and without one, against the real running service. It records a finding for any
 * 5xx, any 2xx for an invalid request, any 4xx that is not {@code application/problem+json} with a
 * matching {@code status}, and any status the operation does not document. Seeded and bounded:
 * every operation gets its whole first round whatever the request budget (see {@link #run()});
 * {@code -Drhythm.fuzz.seed} (default 10), {@code -Drhythm.fuzz.requests} (total requests: further valid
 * requests are sent round-robin until this many, default 600), {@code -Drhythm.fuzz.seconds} (default 180: a bound
 * for a loaded machine; an unloaded run takes a fraction of it, and the report says how long it took).
 */
public final class ContractFuzzer {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The valid request is also sent as this user (a CSE: no admin, leader or finance role). */
    private static final String FEWER_ROLES = "cse";
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    /**
     * The body-limit variants (5,000-deep nesting, invalid UTF-8 and numbers beyond int64/double in the body, a list
     * of 10,001 items, a string or list one beyond its field's documented {@code maxLength}/{@code maxItems}, a 10 MB
     * body with Content-Length and chunked, a string beyond the platform's length): on by default, every service's
     * gate runs green with them; {@code -Drhythm.fuzz.body-limits=false} leaves them out.
     */
    private static final boolean BODY_LIMITS = Boolean.parseBoolean(System.getProperty("rhythm.fuzz.body-limits", "true"));
    /**
     * At most this many per-field limit variants per operation (a string one character over its {@code maxLength},
     * a list one item over its {@code maxItems}), chosen by a random seeded with the run's seed and the operation, so
     * that the same seed sends the same ones ({@code -Drhythm.fuzz.field-limits}, default 4; each variant is one
     * request, with the token only: without one it is refused before the body is read).
     */
    private static final int FIELD_LIMIT_VARIANTS = Integer.getInteger("rhythm.fuzz.field-limits", 4);
    /** A field documented with this {@code maxLength} or more carries only the platform's limit, tried once per run. */
    private static final int PLATFORM_STRING_LIMIT = 1_000_000;
    /** A list documented with this {@code maxItems} or more carries only the platform's limit (the 10,001-item variant). */
    private static final int PLATFORM_ARRAY_LIMIT = 10_000;

    private final String baseUrl;
    private final JsonNode document;
    private final String token;
    private final String otherToken;
    private final Random random;
    private final long seed;
    private final int maxRequests;
    private final Duration budget;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> findings = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private int requests;

    private ContractFuzzer(String baseUrl, JsonNode document, String token, String otherToken) {
        this(baseUrl, document, token, otherToken, Long.getLong("rhythm.fuzz.seed", 10L));
    }

    private ContractFuzzer(String baseUrl, JsonNode document, String token, String otherToken, long seed) {
        this.baseUrl = baseUrl;
        this.document = document;
        this.token = token;
        this.otherToken = otherToken;
        this.random = new Random(seed);
        this.seed = seed;
        this.maxRequests = Integer.getInteger("rhythm.fuzz.requests", 600);
        this.budget = Duration.ofSeconds(Long.getLong("rhythm.fuzz.seconds", 180L));
    }

    /** Against the service under test (its own {@code /q/openapi}), authorised as {@code user}. */
    public static ContractFuzzer againstOwnDocument(int port, String user) {
        String base = "http://localhost:" + port;
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new ContractFuzzer(base, JSON.readTree(response.body()), Tokens.forUser(user),
                    user.equals(FEWER_ROLES) ? null : Tokens.forUser(FEWER_ROLES));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the OpenAPI document at " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * First every operation gets its whole first round (the valid request with and without a token, and every
     * invalid variant, authorised and unauthorised), sent interleaved across operations so that a time budget
     * running out cannot starve the operations late in the document; then, while requests and time are left,
     * further schema-built valid requests round-robin over all operations. A first round cut short by the time
     * budget is itself a finding (the gate must not be thinner than it looks).
     */
    public Report run() {
        Instant deadline = Instant.now().plus(budget);
        List<Map.Entry<String, String>> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> {
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    operations.add(Map.entry(path.getKey(), method));
                }
            }
        });
        List<List<Case>> firstRounds = new ArrayList<>();
        for (Map.Entry<String, String> operation : operations) {
            firstRounds.add(cases(operation.getKey(), operation.getValue(), 0));
        }
        if (BODY_LIMITS) {
            firstRounds.add(oversized(operations));
        }
        int longest = firstRounds.stream().mapToInt(List::size).max().orElse(0);
        int unsent = 0;
        for (int i = 0; i < longest; i++) {
            for (List<Case> round : firstRounds) {
                if (i >= round.size()) {
                    continue;
                }
                if (Instant.now().isAfter(deadline)) {
                    unsent++;
                } else {
                    exchange(round.get(i));
                }
            }
        }
        if (unsent > 0) {
            findings.add("time budget (" + budget.toSeconds() + " s) spent before every operation had its variants: "
                    + unsent + " requests of the first round not sent");
        }
        int round = 1;
        while (requests < maxRequests && Instant.now().isBefore(deadline) && !operations.isEmpty()) {
            for (Map.Entry<String, String> operation : operations) {
                if (requests >= maxRequests || Instant.now().isAfter(deadline)) {
                    break;
                }
                cases(operation.getKey(), operation.getValue(), round).forEach(this::exchange);
            }
            round++;
        }
        return new Report(requests, operations.size(), new TreeMap<>(statuses), List.copyOf(findings),
                Duration.between(deadline.minus(budget), Instant.now()));
    }

    /**
     * One request to send: where, what, with which token, and whether it is invalid (must get a 4xx); {@code inList}:
     * the invalid value is in an item of a list, which an operation reading its rows one by one may refuse in its
     * per-row results instead (a 2xx naming {@code errors}).
     */
    private record Case(String path, String method, JsonNode operation, String url, String body, String contentType,
                        String bearer, boolean invalid, String header, String headerValue, byte[] rawBody, boolean chunked,
                        boolean inList) {

        Case(String path, String method, JsonNode operation, String url, String body, String contentType,
             String bearer, boolean invalid, String header, String headerValue, byte[] rawBody, boolean chunked) {
            this(path, method, operation, url, body, contentType, bearer, invalid, header, headerValue, rawBody, chunked, false);
        }

        Case(String path, String method, JsonNode operation, String url, String body, String contentType,
             String bearer, boolean invalid, String header, String headerValue) {
            this(path, method, operation, url, body, contentType, bearer, invalid, header, headerValue, null, false);
        }

        Case withBearer(String other) {
            return new Case(path, method, operation, url, body, contentType, other, invalid, header, headerValue, rawBody,
                    chunked, inList);
        }
    }

    /** The body's bytes with one 'é' sent as ISO-8859-1: not valid UTF-8. */
    private static byte[] invalidUtf8(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[bytes.length + 2];
        System.arraycopy(bytes, 0, out, 0, bytes.length - 1);
        out[bytes.length - 1] = ' ';
        out[bytes.length] = (byte) 0xE9;
        out[bytes.length + 1] = bytes[bytes.length - 1];
        return out;
    }

    /** The body with its first top-level number replaced by {@code replacement}, or null when it has none. */
    private String withNumber(String body, String replacement) {
        return withFirstField(body, JsonNode::isNumber, number -> JSON.getNodeFactory().rawValueNode(
                new com.fasterxml.jackson.databind.util.RawValue(replacement)));
    }

    /** The body with its first top-level array holding one item more than the platform accepts (10,000). */
    private String withLongArray(String body) {
        return withFirstField(body, field -> field.isArray() && field.size() > 0, array -> {
            ArrayNode items = JSON.createArrayNode();
            for (int i = 0; i < 10_001; i++) {
                items.add(array.get(0));
            }
            return items;
        });
    }

    /**
     * The body (a JSON object) with its first top-level field that {@code matches} replaced by what
     * {@code replacement} makes of it, or null when the body is no object or has no such field.
     */
    private static String withFirstField(String body, java.util.function.Predicate<JsonNode> matches,
                                         java.util.function.UnaryOperator<JsonNode> replacement) {
        try {
            if (JSON.readTree(body) instanceof ObjectNode object) {
                Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (matches.test(field.getValue())) {
                        object.set(field.getKey(), replacement.apply(field.getValue()));
                        return JSON.writeValueAsString(object);
                    }
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /**
     * Round 0: the valid request (with the token, with a token of a user without extra roles, without a token),
     * then every invalid variant, each with the token and (secured operations) without; later rounds: one new
     * schema-built valid request.
     */
    private List<Case> cases(String path, String method, int round) {
        JsonNode operation = document.path("paths").path(path).path(method);
        List<JsonNode> parameters = parameters(path, operation);
        boolean secured = operation.path("security").size() > 0;
        Map<String, String> pathValues = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        String body = sampleRequest(parameters, operation, pathValues, query, true);
        boolean hasBody = body != null;
        String validUrl = url(path, pathValues, query);
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(path, method, operation, validUrl, body, "application/json", token, false, null, null));
        if (round > 0) {
            return cases;
        }
        if (secured) {
            cases.add(new Case(path, method, operation, validUrl, body, "application/json", null, false, null, null));
            if (otherToken != null) {
                cases.add(new Case(path, method, operation, validUrl, body, "application/json", otherToken, false, null, null));
            }
            cases.add(new Case(path, method, operation, validUrl, body, "application/json", "not-a-jwt", false, null, null));
        }
        List<Case> invalid = new ArrayList<>();
        for (String name : pathValues.keySet()) {
            Map<String, String> bad = new LinkedHashMap<>(pathValues);
            bad.put(name, "a%00b");
            invalid.add(invalid(path, method, operation, url(path, bad, query), body, "application/json"));
            if (schemaOf(parameters, name).path("format").asText().equals("uuid") || isUuid(schemaOf(parameters, name))) {
                bad.put(name, "not-a-uuid");
                invalid.add(invalid(path, method, operation, url(path, bad, query), body, "application/json"));
            }
        }
        for (JsonNode parameter : parameters) {
            if (!parameter.path("in").asText().equals("query")) {
                continue;
            }
            String name = parameter.path("name").asText();
            Map<String, String> bad = new LinkedHashMap<>(query);
            bad.put(name, "a%00b");
            invalid.add(invalid(path, method, operation, url(path, pathValues, bad), body, "application/json"));
            String type = resolve(parameter.path("schema")).path("type").asText();
            if (type.equals("integer") || type.equals("number")) {
                bad.put(name, "99999999999999999999999");
                invalid.add(invalid(path, method, operation, url(path, pathValues, bad), body, "application/json"));
                bad.put(name, "ten");
                invalid.add(invalid(path, method, operation, url(path, pathValues, bad), body, "application/json"));
            }
            bad.put(name, "%C3%28");
            invalid.add(invalid(path, method, operation, url(path, pathValues, bad), body, "application/json"));
        }
        Map<String, String> longQuery = new LinkedHashMap<>(query);
        longQuery.put("padding", "x".repeat(9_000));
        invalid.add(invalid(path, method, operation, url(path, pathValues, longQuery), body, "application/json"));
        invalid.add(new Case(path, method, operation, validUrl, body, "application/json", token, true,
                "X-Padding", "y".repeat(20_000)));
        if (hasBody && body.startsWith("{") && body.length() > 2) {
            String firstKey = body.substring(1, body.indexOf(':'));
            String duplicated = "{" + firstKey + ":" + body.substring(body.indexOf(':') + 1, body.length() - 1)
                    + "," + firstKey + ":null}";
            invalid.add(invalid(path, method, operation, validUrl, duplicated, "application/json"));
            invalid.add(invalid(path, method, operation, validUrl, "{\"fuzzUnknownField\":1," + body.substring(1),
                    "application/json"));
            String nul = withNulString(body);
            if (nul != null) {
                invalid.add(invalid(path, method, operation, validUrl, nul, "application/json"));
            }
            invalid.add(invalid(path, method, operation, validUrl, "[".repeat(200) + "]".repeat(200), "application/json"));
        }
        // the body-limit variants: with the token only (without one, the request is refused before its body is read)
        List<Case> limits = new ArrayList<>();
        if (hasBody && body.startsWith("{") && body.length() > 2 && BODY_LIMITS) {
            limits.add(invalid(path, method, operation, validUrl, "[".repeat(5_000) + "]".repeat(5_000), "application/json"));
            limits.add(new Case(path, method, operation, validUrl, body, "application/json", token, true, null, null,
                    invalidUtf8(body), false));
            for (String number : List.of("1e400", "-1e400", "99999999999999999999999")) {
                String beyond = withNumber(body, number);
                if (beyond != null) {
                    limits.add(invalid(path, method, operation, validUrl, beyond, "application/json"));
                }
            }
            String longArray = withLongArray(body);
            if (longArray != null) {
                limits.add(invalid(path, method, operation, validUrl, longArray, "application/json"));
            }
        }
        if (hasBody && body.startsWith("{") && body.length() > 2) {
            invalid.add(invalid(path, method, operation, validUrl, "not json", "text/plain"));
            invalid.add(invalid(path, method, operation, validUrl, "{\"a\":", "application/json"));
        }
        for (Case bad : invalid) {
            cases.add(bad);
            if (secured) {
                cases.add(bad.withBearer(null));
            }
        }
        cases.addAll(limits);
        if (hasBody && BODY_LIMITS) {
            for (FieldLimit over : overFieldLimits(path, method, body, bodySchema(operation))) {
                cases.add(new Case(path, method, operation, validUrl, over.body(), "application/json", token, true, null,
                        null, null, false, over.inList()));
            }
        }
        return cases;
    }

    private static JsonNode bodySchema(JsonNode operation) {
        return operation.path("requestBody").path("content").path("application/json").path("schema");
    }

    /** One field of a sample body with a documented limit below the platform's: where it is, and the value beyond it. */
    private record FieldLimit(String pointer, JsonNode beyond, String body) {

        boolean inList() {
            return pointer.matches(".*/[0-9]+/.*");
        }
    }

    /**
     * The valid body with one field just beyond its documented limit (a string of {@code maxLength + 1} characters,
     * a list of {@code maxItems + 1} copies of its first item), for at most {@link #FIELD_LIMIT_VARIANTS} of the
     * body's limited fields, chosen by a random seeded with the run's seed and the operation. Fields at the
     * platform's limits are left to the variants that try those.
     */
    private List<FieldLimit> overFieldLimits(String path, String method, String body, JsonNode schema) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (IOException e) {
            return List.of();
        }
        List<FieldLimit> limits = new ArrayList<>();
        fieldLimits(tree, schema, "", limits, 0);
        java.util.Collections.shuffle(limits, new Random(seed * 31 + (method + " " + path).hashCode()));
        List<FieldLimit> bodies = new ArrayList<>();
        for (FieldLimit limit : limits.subList(0, Math.min(FIELD_LIMIT_VARIANTS, limits.size()))) {
            JsonNode copy = tree.deepCopy();
            com.fasterxml.jackson.core.JsonPointer pointer = com.fasterxml.jackson.core.JsonPointer.compile(limit.pointer());
            JsonNode parent = copy.at(pointer.head());
            if (parent instanceof ObjectNode object) {
                object.set(pointer.last().getMatchingProperty(), limit.beyond());
            } else if (parent instanceof ArrayNode array) {
                array.set(pointer.last().getMatchingIndex(), limit.beyond());
            }
            bodies.add(new FieldLimit(limit.pointer(), limit.beyond(), copy.toString()));
        }
        return bodies;
    }

    private void fieldLimits(JsonNode value, JsonNode raw, String pointer, List<FieldLimit> out, int depth) {
        JsonNode schema = resolve(raw);
        if (schema.has("allOf") && schema.path("allOf").size() > 0) {
            schema = resolve(schema.path("allOf").get(0));
        }
        if (depth > 8 || schema.has("enum") || schema.has("oneOf") || schema.has("anyOf")) {
            return;
        }
        if (value.isTextual() && schema.has("maxLength") && schema.path("maxLength").asInt() < PLATFORM_STRING_LIMIT) {
            out.add(new FieldLimit(pointer, JSON.getNodeFactory().textNode("x".repeat(schema.path("maxLength").asInt() + 1)), null));
        } else if (value.isArray() && value.size() > 0) {
            if (schema.has("maxItems") && schema.path("maxItems").asInt() < PLATFORM_ARRAY_LIMIT) {
                ArrayNode items = JSON.createArrayNode();
                for (int i = 0; i <= schema.path("maxItems").asInt(); i++) {
                    items.add(value.get(0));
                }
                out.add(new FieldLimit(pointer, items, null));
            }
            fieldLimits(value.get(0), schema.path("items"), pointer + "/0", out, depth + 1);
        } else if (value.isObject()) {
            JsonNode properties = schema.path("properties");
            value.fields().forEachRemaining(field -> fieldLimits(field.getValue(), properties.path(field.getKey()),
                    pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1"), out, depth + 1));
        }
    }

    /**
     * Once per run (they are large): a 10 MB JSON body with its Content-Length, and the same body chunked (no
     * Content-Length), to the first operation that takes a JSON body, with the token; both must be a 413 problem;
     * and a string one character beyond the platform's length (1,000,000), which must be refused (a 4xx).
     */
    private List<Case> oversized(List<Map.Entry<String, String>> operations) {
        for (Map.Entry<String, String> entry : operations) {
            JsonNode operation = document.path("paths").path(entry.getKey()).path(entry.getValue());
            if (operation.path("requestBody").path("content").has("application/json") && !entry.getKey().contains("{")) {
                String big = "{\"padding\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";
                String url = url(entry.getKey(), Map.of(), Map.of());
                List<Case> cases = new ArrayList<>(List.of(
                        new Case(entry.getKey(), entry.getValue(), operation, url, big, "application/json", token, true, null, null, null, false),
                        new Case(entry.getKey(), entry.getValue(), operation, url, big, "application/json", token, true, null, null, null, true)));
                // sampled by a fuzzer of its own: the run's random values stay those of the seed without this variant
                ContractFuzzer own = new ContractFuzzer(baseUrl, document, token, otherToken, seed);
                String longString = withString(own.sample(bodySchema(operation), 0).toString(), "x".repeat(PLATFORM_STRING_LIMIT + 1));
                if (longString != null) {
                    cases.add(invalid(entry.getKey(), entry.getValue(), operation, url, longString, "application/json"));
                }
                return cases;
            }
        }
        return List.of();
    }

    /**
     * The valid request the fuzzer starts from for one operation of {@code document}, built from its schema alone
     * (path parameters, the required query parameters, the JSON body), seeded: the same seed gives the same request
     * except for UUIDs, which are random. For tests that need a well-formed request to reach what comes after
     * validation, e.g. the gateway's access matrix.
     */
    public static ValidRequest validRequest(JsonNode document, String path, String method, long seed) {
        ContractFuzzer fuzzer = new ContractFuzzer("", document, null, null, seed);
        JsonNode operation = document.path("paths").path(path).path(method);
        Map<String, String> pathValues = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        String body = fuzzer.sampleRequest(fuzzer.parameters(path, operation), operation, pathValues, query, false);
        return new ValidRequest(fuzzer.url(path, pathValues, query), body);
    }

    /**
     * The per-field limit variants the gate sends for one operation of {@code document} (bodies, each with one field
     * just beyond its documented limit), seeded like a run: for tests of the fuzzer itself.
     */
    static List<String> fieldLimitBodies(JsonNode document, String path, String method, long seed) {
        ContractFuzzer fuzzer = new ContractFuzzer("", document, null, null, seed);
        JsonNode operation = document.path("paths").path(path).path(method);
        String body = fuzzer.sample(bodySchema(operation), 0).toString();
        return fuzzer.overFieldLimits(path, method, body, bodySchema(operation)).stream().map(FieldLimit::body).toList();
    }

    /** A request built from an operation's schema: its path and query (percent-encoded), and its JSON body or null. */
    public record ValidRequest(String pathAndQuery, String body) {
    }

    private List<JsonNode> parameters(String path, JsonNode operation) {
        List<JsonNode> parameters = new ArrayList<>();
        document.path("paths").path(path).path("parameters").forEach(parameters::add);
        operation.path("parameters").forEach(parameters::add);
        return parameters;
    }

    /** Fills path and query values from the parameters' schemas (optional query ones at random when asked); the body. */
    private String sampleRequest(List<JsonNode> parameters, JsonNode operation, Map<String, String> pathValues,
                                 Map<String, String> query, boolean someOptional) {
        JsonNode bodySchema = operation.path("requestBody").path("content").path("application/json").path("schema");
        for (JsonNode parameter : parameters) {
            String in = parameter.path("in").asText();
            boolean required = parameter.path("required").asBoolean();
            if (!someOptional && in.equals("query") && !required) {
                continue;
            }
            JsonNode value = sample(parameter.path("schema"), 0);
            String text = value.isTextual() ? value.asText() : value.toString();
            switch (in) {
                case "path" -> pathValues.put(parameter.path("name").asText(), text);
                case "query" -> {
                    if (required || random.nextBoolean()) {
                        query.put(parameter.path("name").asText(), text);
                    }
                }
                default -> { }
            }
        }
        return bodySchema.isMissingNode() ? null : sample(bodySchema, 0).toString();
    }

    private Case invalid(String path, String method, JsonNode operation, String url, String body, String contentType) {
        return new Case(path, method, operation, url, body, contentType, token, true, null, null);
    }

    private static boolean isUuid(JsonNode schema) {
        return schema.path("$ref").asText().endsWith("/UUID");
    }

    private static JsonNode schemaOf(List<JsonNode> parameters, String name) {
        for (JsonNode parameter : parameters) {
            if (parameter.path("name").asText().equals(name)) {
                return parameter.path("schema");
            }
        }
        return JSON.missingNode();
    }

    private String withNulString(String body) {
        return withString(body, "a\u0000b");
    }

    /** The body with its first top-level string replaced by {@code text}, or null when it has none. */
    private String withString(String body, String text) {
        return withFirstField(body, JsonNode::isTextual, string -> JSON.getNodeFactory().textNode(text));
    }

    private String url(String path, Map<String, String> pathValues, Map<String, String> query) {
        String resolved = path;
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            String raw = value.getValue().contains("%") ? value.getValue()
                    : URLEncoder.encode(value.getValue(), StandardCharsets.UTF_8).replace("+", "%20");
            resolved = resolved.replace("{" + value.getKey() + "}", raw);
        }
        StringBuilder url = new StringBuilder(baseUrl).append(resolved);
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            String raw = parameter.getValue().contains("%") ? parameter.getValue()
                    : URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8);
            url.append(separator).append(parameter.getKey()).append('=').append(raw);
            separator = '&';
        }
        return url.toString();
    }

    private void exchange(Case c) {
        String path = c.path();
        String method = c.method();
        JsonNode operation = c.operation();
        String url = c.url();
        String body = c.body();
        String bearer = c.bearer();
        boolean invalid = c.invalid();
        requests++;
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        } catch (IllegalArgumentException e) {
            return;
        }
        HttpRequest.BodyPublisher publisher = c.rawBody() != null ? HttpRequest.BodyPublishers.ofByteArray(c.rawBody())
                : body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        if (c.chunked()) {
            // no Content-Length: the client sends it chunked, and only the body's size tells
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            publisher = HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes));
        }
        request.method(method.toUpperCase(), publisher);
        if (body != null || c.rawBody() != null) {
            request.header("Content-Type", c.contentType());
        }
        request.header("Accept", "application/json, application/problem+json, */*;q=0.1");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (c.header() != null) {
            request.header(c.header(), c.headerValue());
        }
        String what = method.toUpperCase() + " " + path + (invalid ? " (invalid: " + abbreviate(url, body) + ")" : "")
                + (bearer == null ? " without token" : bearer.equals(token) ? "" : bearer.equals(otherToken)
                ? " as a user with fewer roles" : " with a malformed token");
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            findings.add(what + ": no answer (" + e + ")");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        int status = response.statusCode();
        statuses.merge(status, 1, Integer::sum);
        if (status >= 500) {
            findings.add(what + ": " + status + " " + abbreviate(response.body(), null));
        }
        if (invalid && status < 400 && !(c.inList() && status < 300 && refusedInRows(response.body()))) {
            findings.add(what + ": accepted with " + status);
        }
        if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                findings.add(what + ": " + status + " is not problem+json (Content-Type '" + type + "')");
            } else {
                try {
                    if (JSON.readTree(response.body()).path("status").asInt() != status) {
                        findings.add(what + ": problem status differs from HTTP status " + status);
                    }
                } catch (IOException e) {
                    findings.add(what + ": " + status + " problem body is not JSON");
                }
            }
        }
        JsonNode documented = operation.path("responses");
        if (!documented.has(String.valueOf(status)) && !documented.has("default")) {
            findings.add(what + ": status " + status + " is not documented (documented: "
                    + iterate(documented.fieldNames()) + ")");
        }
    }

    /** Whether an answer's body lists a non-empty {@code errors} anywhere: rows refused one by one. */
    private static boolean refusedInRows(String body) {
        try {
            return JSON.readTree(body).findValues("errors").stream().anyMatch(errors -> errors.isArray() && !errors.isEmpty());
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> iterate(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    private static String abbreviate(String text, String body) {
        String all = text + (body == null ? "" : " " + body);
        return all.length() <= 160 ? all : all.substring(0, 160) + "…";
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.path("$ref").asText();
            current = document.at(ref.substring(1));
        }
        return current;
    }

    /** A value the schema allows (as far as the schema says), random within it. */
    JsonNode sample(JsonNode raw, int depth) {
        JsonNode schema = resolve(raw);
        if (schema.has("allOf") && schema.path("allOf").size() > 0) {
            schema = resolve(schema.path("allOf").get(0));
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            JsonNode choices = schema.has("oneOf") ? schema.path("oneOf") : schema.path("anyOf");
            if (choices.size() > 0) {
                return sample(choices.get(random.nextInt(choices.size())), depth + 1);
            }
        }
        if (schema.has("enum") && schema.path("enum").size() > 0) {
            return schema.path("enum").get(random.nextInt(schema.path("enum").size()));
        }
        String type = schema.path("type").isArray() ? schema.path("type").path(0).asText() : schema.path("type").asText();
        if (type.isEmpty() && schema.has("properties")) {
            type = "object";
        }
        switch (type) {
            case "integer": {
                long min = schema.has("minimum") ? schema.path("minimum").asLong() : 0;
                long max = schema.has("maximum") ? schema.path("maximum").asLong() : Math.max(min, 100);
                return JSON.getNodeFactory().numberNode(min + (max > min ? Math.floorMod(random.nextLong(), max - min + 1) : 0));
            }
            case "number":
                return JSON.getNodeFactory().numberNode(Math.round(random.nextDouble() * 10_000) / 100.0);
            case "boolean":
                return JSON.getNodeFactory().booleanNode(random.nextBoolean());
            case "array": {
                ArrayNode array = JSON.createArrayNode();
                if (depth < 4) {
                    int items = 1 + random.nextInt(2);
                    for (int i = 0; i < items; i++) {
                        array.add(sample(schema.path("items"), depth + 1));
                    }
                }
                return array;
            }
            case "object": {
                ObjectNode object = JSON.createObjectNode();
                if (depth < 5) {
                    schema.path("properties").fields().forEachRemaining(property ->
                            object.set(property.getKey(), sample(property.getValue(), depth + 1)));
                }
                return object;
            }
            default:
                return JSON.getNodeFactory().textNode(string(schema));
        }
    }

    private String string(JsonNode schema) {
        return switch (schema.path("format").asText()) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date" -> "2026-" + String.format("%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28));
            case "date-time" -> "2026-11-" + String.format("%02d", 1 + random.nextInt(28)) + "T09:00:00Z";
            case "email" -> "fuzz" + random.nextInt(1000) + "@example.com";
            default -> {
                if (schema.has("pattern") && schema.path("pattern").asText().contains("[0-9]")) {
                    yield String.valueOf(random.nextInt(1000));
                }
                int max = schema.has("maxLength") ? Math.max(1, schema.path("maxLength").asInt()) : 12;
                String text = "fuzz-" + Integer.toString(random.nextInt(1_000_000), 36);
                yield text.length() > max ? text.substring(0, max) : text;
            }
        };
    }

    /** What a run did: requests sent, operations walked, answers by status, and the findings. */
    public record Report(int requests, int operations, Map<Integer, Integer> statuses, List<String> findings,
                         Duration took) {

        @Override
        public String toString() {
            return requests + " requests over " + operations + " operations in " + took.toMillis() / 1000.0 + " s; statuses "
                    + statuses + "; "
                    + findings.size() + " findings" + (findings.isEmpty() ? "" : ":\n  " + String.join("\n  ",
                    findings.subList(0, Math.min(80, findings.size()))));
        }
    }
}
