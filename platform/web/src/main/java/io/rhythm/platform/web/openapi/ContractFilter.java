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
 * (and Jackson's {@code JsonNodeType} enum goes with them).
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
        components.getSchemas().values().forEach(schema -> limit(schema, BODY_STRING_LIMIT, 0));
    }

    /**
     * The platform-wide limits every input already has, written where a field declares no tighter one:
     * a parameter string is bounded by the URI limit ({@code rhythm.http.max-uri-length}), a body string by
     * {@code rhythm.json.max-string-length}, an array by {@code rhythm.json.max-array-items}, an integer by its
     * format (int32 or int64). A field's own {@code @Size}/{@code @Min}/{@code @Max} win (they are kept).
     */
    static final int PARAMETER_STRING_LIMIT = 8192;
    static final int BODY_STRING_LIMIT = 1_000_000;
    static final int ARRAY_LIMIT = 10_000;

    private static void limitParameters(List<Parameter> parameters) {
        if (parameters != null) {
            parameters.forEach(parameter -> limit(parameter.getSchema(), PARAMETER_STRING_LIMIT, 0));
        }
    }

    private static void limitContent(Content content) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(media -> limit(media.getSchema(), BODY_STRING_LIMIT, 0));
        }
    }

    private static void limit(Schema schema, int stringLimit, int depth) {
        if (schema == null || schema.getRef() != null || depth > 32) {
            return;
        }
        List<Schema.SchemaType> types = schema.getType() == null ? List.of() : schema.getType();
        if (types.contains(Schema.SchemaType.STRING) && schema.getMaxLength() == null && schema.getEnumeration() == null) {
            schema.setMaxLength(stringLimit);
        }
        if (types.contains(Schema.SchemaType.INTEGER)) {
            boolean int32 = "int32".equals(schema.getFormat());
            if (schema.getMinimum() == null && schema.getExclusiveMinimum() == null) {
                schema.setMinimum(java.math.BigDecimal.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE));
            }
            if (schema.getMaximum() == null && schema.getExclusiveMaximum() == null) {
                schema.setMaximum(java.math.BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE));
            }
        }
        if (types.contains(Schema.SchemaType.ARRAY) && schema.getMaxItems() == null) {
            schema.setMaxItems(ARRAY_LIMIT);
        }
        limit(schema.getItems(), stringLimit, depth + 1);
        limit(schema.getAdditionalPropertiesSchema(), stringLimit, depth + 1);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> limit(property, stringLimit, depth + 1));
        }
        for (List<Schema> group : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (group != null) {
                group.forEach(member -> limit(member, stringLimit, depth + 1));
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
        if (!parameters.isEmpty() || body || pathParameters) {
            add(responses, "400", "The request is invalid: a parameter, header or body field is missing, malformed or out of range (field errors say which)");
        }
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
