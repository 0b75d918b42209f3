package io.rhythm.platform.web.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.rhythm.platform.web.correlation.CorrelationId;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The one place where exceptions become HTTP answers. Every error is RFC 9457 problem+json with a
 * stable type; nothing leaks a stack trace; unexpected failures are logged with the correlation id
 * and answered with a 500 that carries it.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final java.util.regex.Pattern DUPLICATE_KEY = java.util.regex.Pattern.compile("Duplicate field '([^']*)'");

    @ServerExceptionMapper
    public Response apiException(ApiException e, UriInfo uri) {
        Response response = respond(e.type(), e.getMessage(), e.errors(), uri);
        if (e instanceof TooManyRequests limited) {
            return Response.fromResponse(response).header("Retry-After", limited.retryAfterSeconds()).build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response violation(ResteasyReactiveViolationException e, UriInfo uri) {
        if (isReturnValueViolation(e.getConstraintViolations())) {
            return internal(e, uri); // our answer broke its own contract: a bug, not bad input
        }
        return respond(ProblemType.VALIDATION, null, fieldErrors(e.getConstraintViolations()), uri);
    }

    @ServerExceptionMapper
    public Response violation(ConstraintViolationException e, UriInfo uri) {
        return respond(ProblemType.VALIDATION, null, fieldErrors(e.getConstraintViolations()), uri);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = jsonPath(e);
        return respond(ProblemType.VALIDATION, null,
                List.of(new FieldError(field, "unknown field; allowed fields are " + e.getKnownPropertyIds())), uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        return respond(ProblemType.VALIDATION, null,
                List.of(new FieldError(jsonPath(e), "cannot read '" + e.getValue() + "' as " + expected)), uri);
    }

    /** Also replaces quarkus-rest-jackson's built-in answer for this type, which is not problem+json. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return mapping(e, uri);
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e);
        String message = e.getOriginalMessage() == null ? "invalid value" : firstLine(e.getOriginalMessage());
        return respond(ProblemType.VALIDATION, null, List.of(new FieldError(field.isEmpty() ? "$" : field, message)), uri);
    }

    @ServerExceptionMapper
    public Response unparseable(JsonParseException e, UriInfo uri) {
        String message = firstLine(e.getOriginalMessage());
        java.util.regex.Matcher duplicate = DUPLICATE_KEY.matcher(message);
        if (duplicate.find()) {
            return respond(ProblemType.MALFORMED_REQUEST, "Request body has a duplicated JSON key '" + duplicate.group(1) + "'",
                    List.of(new FieldError(duplicate.group(1), "duplicated key; a key may appear once per object")), uri);
        }
        return respond(ProblemType.MALFORMED_REQUEST, "Request body is not valid JSON: " + message, List.of(), uri);
    }

    /** Beyond the JSON limits (nesting depth, string or number length, a number out of its type's range). */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        return respond(ProblemType.MALFORMED_REQUEST, "Request body cannot be read: " + firstLine(e.getOriginalMessage()),
                List.of(), uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return challenge(respond(ProblemType.UNAUTHORIZED,
                "A bearer token is required (Authorization: Bearer <access token from realm rhythm>)", List.of(), uri));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return challenge(respond(ProblemType.UNAUTHORIZED,
                "The bearer token was not accepted: it is malformed, expired or not issued by realm rhythm", List.of(), uri));
    }

    private static Response challenge(Response response) {
        return Response.fromResponse(response).header("WWW-Authenticate", "Bearer realm=\"rhythm\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemType.FORBIDDEN, "Your roles do not allow this operation", List.of(), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, SimpleResourceInfo resource) {
        if ((e instanceof jakarta.ws.rs.NotFoundException || e instanceof jakarta.ws.rs.BadRequestException)
                && e.getCause() != null && !(e.getCause() instanceof JsonProcessingException) && resource != null
                && resource.getResourceClass() != null) {
            // a path, query or header parameter that cannot be converted to its declared type
            // (JAX-RS makes that a 404 for path and query parameters): a 400 naming it
            FieldError fault = ParameterFaults.find(resource, uri);
            if (fault != null) {
                return respond(ProblemType.VALIDATION, null, List.of(fault), uri);
            }
        }
        if (e.getCause() instanceof JsonParseException parse) {
            return unparseable(parse, uri);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return mapping(mapping, uri);
        }
        if (e.getCause() instanceof JsonProcessingException processing) {
            return unreadable(processing, uri);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e, uri);
        }
        ProblemType type = ProblemType.forStatus(status);
        return respond(type, status, e.getMessage(), List.of(), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        return internal(e, uri);
    }

    private Response internal(Throwable e, UriInfo uri) {
        LOG.errorf(e, "Unexpected failure on %s (correlation id %s)", uri.getPath(), CorrelationId.current());
        return respond(ProblemType.INTERNAL, "The request failed unexpectedly; quote the correlation id when reporting it",
                List.of(), uri);
    }

    private static Response respond(ProblemType type, String detail, List<FieldError> errors, UriInfo uri) {
        return respond(type, type.status(), detail, errors, uri);
    }

    private static Response respond(ProblemType type, int status, String detail, List<FieldError> errors, UriInfo uri) {
        String text = detail;
        if (text == null && !errors.isEmpty()) {
            text = errors.size() + (errors.size() == 1 ? " field is" : " fields are") + " invalid";
        }
        Problem problem = new Problem(type.uri(), type.title(), status, text, uri == null ? null : uri.getPath(),
                CorrelationId.current(), errors.isEmpty() ? null : errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static boolean isReturnValueViolation(Set<? extends ConstraintViolation<?>> violations) {
        for (ConstraintViolation<?> violation : violations) {
            for (Path.Node node : violation.getPropertyPath()) {
                if (node.getKind() == ElementKind.RETURN_VALUE) {
                    return true;
                }
            }
        }
        return false;
    }

    static List<FieldError> fieldErrors(Set<? extends ConstraintViolation<?>> violations) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations) {
            errors.add(new FieldError(fieldName(violation.getRootBeanClass(), violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return errors;
    }

    /**
     * The property path as a client sees it: the method and parameter nodes of a REST call are dropped,
     * so {@code create.request.annualRevenue.currency} reads {@code annualRevenue.currency}; a violation
     * on a whole parameter is named as the client sends it (the query, path or header name, or
     * {@code body} for the entity). An index or key belongs to the list or map it is in, as in JSON:
     * {@code steps[0].dueDays}, {@code tags[2]}, {@code [0].email} for a body that is itself a list
     * (Hibernate Validator puts it on the node after the container).
     */
    static String fieldName(Class<?> resource, Path path) {
        StringBuilder name = new StringBuilder();
        String parameter = null;
        Path.MethodNode method = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD) {
                method = node.as(Path.MethodNode.class);
                continue;
            }
            if (node.getKind() == ElementKind.CONSTRUCTOR || node.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = clientName(resource, method, node.as(Path.ParameterNode.class));
                continue;
            }
            if (node.isInIterable() && (node.getIndex() != null || node.getKey() != null)) {
                if (name.isEmpty() && parameter != null && !parameter.equals("body")) {
                    name.append(parameter);
                }
                name.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() == null || node.getKind() == ElementKind.CONTAINER_ELEMENT
                    || node.getKind() == ElementKind.BEAN) {
                continue;
            }
            if (!name.isEmpty()) {
                name.append('.');
            }
            name.append(node.getName());
        }
        if (name.isEmpty()) {
            return parameter == null ? "body" : parameter;
        }
        return name.toString();
    }

    /** Walks up from the (possibly generated) resource subclass to the method that declares the JAX-RS annotations. */
    private static String clientName(Class<?> resource, Path.MethodNode method, Path.ParameterNode parameter) {
        if (resource == null || method == null) {
            return parameter.getName();
        }
        Class<?>[] types = method.getParameterTypes().toArray(Class<?>[]::new);
        for (Class<?> type = resource; type != null && type != Object.class; type = type.getSuperclass()) {
            try {
                var declared = type.getDeclaredMethod(method.getName(), types);
                for (var annotation : declared.getParameterAnnotations()[parameter.getParameterIndex()]) {
                    if (annotation instanceof jakarta.ws.rs.QueryParam q) {
                        return q.value();
                    }
                    if (annotation instanceof jakarta.ws.rs.PathParam p) {
                        return p.value();
                    }
                    if (annotation instanceof jakarta.ws.rs.HeaderParam h) {
                        return h.value();
                    }
                    if (annotation instanceof jakarta.ws.rs.FormParam f) {
                        return f.value();
                    }
                }
            } catch (NoSuchMethodException e) {
                // declared further up
            }
        }
        return "body";
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "an ISO date (yyyy-mm-dd)";
            case "Instant", "OffsetDateTime" -> "an ISO-8601 timestamp";
            case "UUID" -> "a UUID";
            case "BigDecimal" -> "a decimal number";
            case "Integer", "int", "Long", "long" -> "an integer";
            case "Boolean", "boolean" -> "true or false";
            default -> type.getSimpleName();
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
