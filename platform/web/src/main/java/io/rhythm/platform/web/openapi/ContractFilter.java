package io.rhythm.platform.web.openapi;

import io.rhythm.platform.web.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes every service's OpenAPI document list the statuses the platform itself answers, so that no
 * resource has to repeat them and a new endpoint is born documented (registered for every service by
 * {@code mp.openapi.filter} in platform/web's microprofile-config.properties):
 * <ul>
 *   <li>400 on every operation that takes a parameter or a body (validation, strict JSON, the request guard),</li>
 *   <li>401 and 403 on every secured operation,</li>
 *   <li>404 on every operation with a path parameter,</li>
 *   <li>412 and 428 on every operation that takes {@code If-Match},</li>
 *   <li>413 and 415 on every operation with a body, 406 on every operation,</li>
 *   <li>414 and 431 on every operation (the request guard's limits),</li>
 * </ul>
 * each with the {@code Problem} schema as {@code application/problem+json}; an error response a resource
 * documented without a body gets that body too. The Jackson {@code JsonNode} schema (rows taken as the
 * source system exports them) becomes a documented free-form object instead of Jackson's internals
 * (and Jackson's {@code JsonNodeType} enum goes with them). Strings, integers and arrays get the limits the
 * code enforces where they declare none (see {@link #BODY_TEXT}), and every JSON request body without an
 * example gets one built from its schema ({@link RequestExamples}).
 */
public class ContractFilter implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    private static final List<String> JSON_NODE_SCHEMAS = List.of("JsonNode", "ObjectNode", "ArrayNode");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.setServers(new ArrayList<>(List.of(OASFactory.createServer().url("/")
                .description("The host that served this document (local environment: ./rhythm up; production: behind TLS)")
                .addExtension("x-internal", false))));
        var components = openAPI.getComponents();
        if (components.getSchemas() == null || !components.getSchemas().containsKey(FIELD_ERROR)) {
            components.addSchema(FIELD_ERROR, fieldErrorSchema());
        }
        if (!components.getSchemas().containsKey(PROBLEM)) {
            components.addSchema(PROBLEM, problemSchema());
        }
        for (String name : JSON_NODE_SCHEMAS) {
            if (components.getSchemas().containsKey(name)) {
                components.addSchema(name, OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                        .description("One record as the source system exports it (its own field names); "
                                + "each is read and validated on its own, and answered in the per-row results")
                        .maxProperties(500)
                        .additionalPropertiesSchema(OASFactory.createSchema()));
                // Jackson's own enum, referenced only by the JsonNode internals replaced above
                components.removeSchema("JsonNodeType");
            }
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
                PathItem item = path.getValue();
                limitParameters(item.getParameters());
                if (item.getOperations() == null) {
                    continue;
                }
                for (Operation operation : item.getOperations().values()) {
                    limitParameters(operation.getParameters());
                    complete(path.getKey(), item, operation);
                    limitContent(operation.getRequestBody() == null ? null : operation.getRequestBody().getContent());
                    if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                        operation.getResponses().getAPIResponses().values().forEach(r -> limitContent(r.getContent()));
                    }
                }
            }
        }
        Limits body = bodyLimits();
        components.getSchemas().values().forEach(schema -> limit(schema, body, 0));
        components.getSchemas().values().forEach(ContractFilter::withoutNulls);
        Schema localDateTime = components.getSchemas().get("LocalDateTime");
        if (localDateTime != null && "date-time".equals(localDateTime.getFormat())) {
            // java.time.LocalDateTime has no offset, which RFC 3339's date-time requires: say what Jackson reads
            localDateTime.setFormat(null);
            localDateTime.setPattern(LOCAL_DATE_TIME);
            localDateTime.setMaxLength(29);
            localDateTime.setExamples(new ArrayList<>(List.of("2026-12-10T10:00:00")));
            localDateTime.setDescription("A local date and time without offset (ISO 8601, seconds and fraction optional)");
        }
        RequestExamples examples = new RequestExamples(components);
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().stream()
                    .filter(item -> item.getOperations() != null)
                    .flatMap(item -> item.getOperations().values().stream())
                    .filter(operation -> operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                            && operation.getRequestBody().getContent().getMediaTypes() != null)
                    .forEach(operation -> operation.getRequestBody().getContent().getMediaTypes().forEach((type, media) -> {
                        if (type.contains("json")) {
                            stripNulls(media.getExample());
                            examples.complete(media);
                        }
                    }));
        }
    }

    /**
     * The platform-wide limits every input already has, written where a field declares no tighter one, with
     * the numbers of the configuration the code enforces (read when the document is built): a parameter string
     * is bounded by the URI limit ({@code rhythm.http.max-uri-length}, the request guard), a body string by
     * {@code rhythm.json.max-string-length} and an array by {@code rhythm.json.max-array-items} (strict JSON),
     * an integer by its format (int32 or int64). A field's own {@code @Size}/{@code @Min}/{@code @Max} win
     * (they are kept), and a pattern that bounds its matches ({@code FY(20)?\d{2}}) gives its own longest match.
     */
    static final int PARAMETER_STRING_LIMIT = 8192;
    static final int BODY_STRING_LIMIT = 1_000_000;
    static final int ARRAY_LIMIT = 10_000;

    /**
     * What a string without a {@code format}, {@code pattern}, {@code enum} or {@code const} of its own may hold,
     * as the code enforces it: in a JSON body no control character but tab, LF and CR (strict JSON); in a path
     * or query value none at all, and in a header value none but tab (the request guard). ECMA-262 syntax.
     */
    public static final String BODY_TEXT = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$";
    public static final String PARAMETER_TEXT = "^[^\\u0000-\\u001F\\u007F]*$";
    public static final String HEADER_TEXT = "^[^\\u0000-\\u0008\\u000A-\\u001F\\u007F]*$";

    /** What Jackson reads as a {@code LocalDateTime} (ISO_LOCAL_DATE_TIME). */
    static final String LOCAL_DATE_TIME = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?$";

    /**
     * An optional field is shown in an example by leaving it out: a {@code null} in an example object would not
     * validate against the field's type (Jackson reads an absent field and a null one alike).
     */
    private static void withoutNulls(Schema schema) {
        if (schema.getExamples() != null) {
            schema.getExamples().forEach(ContractFilter::stripNulls);
        }
        if (schema.getExample() != null) {
            stripNulls(schema.getExample());
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(ContractFilter::withoutNulls);
        }
    }

    static void stripNulls(Object example) {
        if (example instanceof Map<?, ?> map) {
            map.values().removeIf(value -> value == null || value instanceof com.fasterxml.jackson.databind.node.NullNode);
            map.values().forEach(ContractFilter::stripNulls);
        } else if (example instanceof List<?> list) {
            list.forEach(ContractFilter::stripNulls);
        } else if (example instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            List<String> nulls = new ArrayList<>();
            object.fields().forEachRemaining(field -> {
                if (field.getValue().isNull()) {
                    nulls.add(field.getKey());
                }
            });
            object.remove(nulls);
            object.forEach(ContractFilter::stripNulls);
        } else if (example instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
            array.forEach(ContractFilter::stripNulls);
        }
    }

    private record Limits(int string, String text, int array) {
    }

    private static int configured(String name, int fallback) {
        try {
            return org.eclipse.microprofile.config.ConfigProvider.getConfig().getOptionalValue(name, Integer.class)
                    .orElse(fallback);
        } catch (IllegalStateException | IllegalArgumentException e) {
            return fallback;
        }
    }

    private Limits bodyLimits() {
        return new Limits(configured("rhythm.json.max-string-length", BODY_STRING_LIMIT), BODY_TEXT,
                configured("rhythm.json.max-array-items", ARRAY_LIMIT));
    }

    private void limitParameters(List<Parameter> parameters) {
        if (parameters != null) {
            int uri = configured("rhythm.http.max-uri-length", PARAMETER_STRING_LIMIT);
            int header = configured("rhythm.http.max-header-size", 16384);
            int array = configured("rhythm.json.max-array-items", ARRAY_LIMIT);
            parameters.forEach(parameter -> limit(parameter.getSchema(), parameter.getIn() == Parameter.In.HEADER
                    ? new Limits(header, HEADER_TEXT, array) : new Limits(uri, PARAMETER_TEXT, array), 0));
        }
    }

    private void limitContent(Content content) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(media -> limit(media.getSchema(), bodyLimits(), 0));
        }
    }

    private static void limit(Schema schema, Limits limits, int depth) {
        if (schema == null || schema.getRef() != null || depth > 32) {
            return;
        }
        List<Schema.SchemaType> types = schema.getType() == null ? List.of() : schema.getType();
        boolean closed = schema.getEnumeration() != null || schema.getConstValue() != null;
        if (types.contains(Schema.SchemaType.STRING) && schema.getMaxLength() == null && !closed) {
            int bound = PatternBound.longestMatch(schema.getPattern()).orElse(limits.string());
            schema.setMaxLength(Math.min(bound, limits.string()));
        }
        if (types.contains(Schema.SchemaType.STRING) && schema.getFormat() == null && schema.getPattern() == null && !closed) {
            schema.setPattern(limits.text());
        }
        if (types.contains(Schema.SchemaType.INTEGER)) {
            boolean int32 = "int32".equals(schema.getFormat());
            if (schema.getMinimum() == null && schema.getExclusiveMinimum() == null) {
                schema.setMinimum(java.math.BigDecimal.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE));
            }
            if (schema.getMaximum() == null && schema.getExclusiveMaximum() == null) {
                schema.setMaximum(java.math.BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE));
            }
            if (schema.getFormat() == null) {
                schema.setFormat("int64");
            }
        }
        if (types.contains(Schema.SchemaType.ARRAY) && schema.getMaxItems() == null) {
            schema.setMaxItems(limits.array());
        }
        limit(schema.getItems(), limits, depth + 1);
        limit(schema.getAdditionalPropertiesSchema(), limits, depth + 1);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> limit(property, limits, depth + 1));
        }
        for (List<Schema> group : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (group != null) {
                group.forEach(member -> limit(member, limits, depth + 1));
            }
        }
    }

    private static void complete(String path, PathItem item, Operation operation) {
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        boolean body = operation.getRequestBody() != null;
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        boolean pathParameters = path.contains("{");
        boolean ifMatch = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()));

        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        // every operation: the request guard checks every request's headers (a control character is a 400)
        add(responses, "400", "The request is invalid: a parameter, header or body field is missing, malformed or out of range (field errors say which)");
        add(responses, "500", "An unexpected fault of the service (never an answer to client input; the correlationId ties it to the logs)");
        rolesAsExtension(operation);
        if (secured) {
            add(responses, "401", "No bearer token, or one that is expired or not issued by realm rhythm");
            add(responses, "403", "The caller's roles do not allow this operation");
        }
        if (pathParameters) {
            add(responses, "404", "No such resource, or not one the caller may see");
        }
        if (ifMatch) {
            add(responses, "412", "If-Match does not match the current version (someone changed it meanwhile)");
            add(responses, "428", "If-Match is required");
        }
        if (body) {
            add(responses, "413", "The request body is larger than the service accepts");
            add(responses, "415", "The request body is not application/json");
        }
        add(responses, "406", "The Accept header asks for a media type this operation cannot produce");
        add(responses, "414", "The request URI is longer than the service accepts");
        add(responses, "431", "The request headers are larger than the service accepts");
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((status, response) -> {
                if ((status.startsWith("4") || status.startsWith("5")) && response.getRef() == null
                        && (response.getContent() == null || response.getContent().getMediaTypes() == null
                        || response.getContent().getMediaTypes().isEmpty())) {
                    response.setContent(problemContent());
                }
            });
        }
    }

    /**
     * The roles of a secured operation go to {@code x-roles} (and its description), not into the bearer
     * requirement's scope list: scopes are OAuth2's, and a bearer scheme has none (issue 10, requirement 3:
     * "roles in the description or an x- extension").
     */
    private static void rolesAsExtension(Operation operation) {
        if (operation.getSecurity() == null) {
            return;
        }
        java.util.Set<String> roles = new java.util.LinkedHashSet<>();
        for (var requirement : operation.getSecurity()) {
            if (requirement.getSchemes() == null) {
                continue;
            }
            for (var scheme : new ArrayList<>(requirement.getSchemes().entrySet())) {
                if (scheme.getValue() != null && !scheme.getValue().isEmpty()) {
                    roles.addAll(scheme.getValue());
                    requirement.addScheme(scheme.getKey(), new ArrayList<>());
                }
            }
        }
        if (roles.isEmpty()) {
            return;
        }
        operation.addExtension("x-roles", new ArrayList<>(roles));
        String description = operation.getDescription() == null ? "" : operation.getDescription().strip();
        if (!description.contains("Roles:")) {
            operation.setDescription((description.isEmpty() ? "" : description + (description.endsWith(".") ? " " : ". "))
                    + "Roles: " + String.join(", ", roles) + ".");
        }
    }

    private static void add(APIResponses responses, String status, String description) {
        if (responses.getAPIResponses() != null && responses.getAPIResponses().containsKey(status)) {
            return;
        }
        APIResponse response = OASFactory.createAPIResponse().description(description).content(problemContent());
        responses.addAPIResponse(status, response);
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static Schema string(String description, int maxLength) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description).maxLength(maxLength);
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One invalid field of a request")
                .addProperty("field", string("The field as the client sent it: a body path (annualRevenue.currency), "
                        + "a parameter name, path, query.<name> or header.<name>", 500))
                .addProperty("message", string("What is wrong with it", 2000))
                .required(List.of("field", "message"));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details, the body of every error (application/problem+json)")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri").maxLength(200)
                        .description("Stable problem type, e.g. https://rhythm.io/problems/validation"))
                .addProperty("title", string("Short summary of the problem type", 200))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599))
                        .description("The HTTP status"))
                .addProperty("detail", string("What went wrong with this request", 4000))
                .addProperty("instance", string("The request path", 8192))
                .addProperty("correlationId", string("Ties the answer to the logs (X-Correlation-Id)", 100))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).maxItems(1000)
                        .items(OASFactory.createSchema().ref("#/components/schemas/" + FIELD_ERROR)))
                .required(List.of("type", "title", "status"));
    }
}
