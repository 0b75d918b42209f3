package io.rhythm.platform.web.problem;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Finds which path or query parameter of the matched resource method could not be converted to its
 * declared type (the framework's exception does not say), so that the 400 names it.
 */
final class ParameterFaults {

    private ParameterFaults() {
    }

    static FieldError find(SimpleResourceInfo resource, UriInfo uri) {
        Method method = method(resource);
        if (method == null) {
            return null;
        }
        for (Parameter parameter : method.getParameters()) {
            for (Annotation annotation : parameter.getAnnotations()) {
                String name = null;
                List<String> values = List.of();
                if (annotation instanceof PathParam path) {
                    name = path.value();
                    values = uri.getPathParameters().getOrDefault(name, List.of());
                } else if (annotation instanceof QueryParam query) {
                    name = query.value();
                    values = uri.getQueryParameters().getOrDefault(name, List.of());
                }
                if (name == null) {
                    continue;
                }
                Class<?> type = parameter.getType();
                for (String value : values) {
                    String expected = unconvertible(type, value);
                    if (expected != null) {
                        return new FieldError(name, "cannot read '" + abbreviate(value) + "' as " + expected);
                    }
                }
            }
        }
        return new FieldError("parameters", "a path or query parameter has the wrong type");
    }

    private static Method method(SimpleResourceInfo resource) {
        for (Class<?> type = resource.getResourceClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            try {
                return type.getDeclaredMethod(resource.getMethodName(), resource.parameterTypes());
            } catch (NoSuchMethodException e) {
                // declared further up
            }
        }
        return null;
    }

    /** What the value should have been, when it cannot be read as {@code type}; null when it can. */
    private static String unconvertible(Class<?> type, String value) {
        try {
            if (type == UUID.class) {
                UUID.fromString(value);
                return value.length() == 36 ? null : "a UUID";
            } else if (type == Integer.class || type == int.class) {
                Integer.parseInt(value);
            } else if (type == Long.class || type == long.class) {
                Long.parseLong(value);
            } else if (type == LocalDate.class) {
                LocalDate.parse(value);
            } else if (type == Instant.class) {
                Instant.parse(value);
            } else if (type == BigDecimal.class) {
                new BigDecimal(value);
            } else if (type == Boolean.class || type == boolean.class) {
                return value.equals("true") || value.equals("false") ? null : "true or false";
            } else if (type.isEnum()) {
                for (Object constant : type.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(value)) {
                        return null;
                    }
                }
                return "one of " + java.util.Arrays.toString(type.getEnumConstants());
            }
            return null;
        } catch (RuntimeException e) {
            return switch (type.getSimpleName()) {
                case "UUID" -> "a UUID";
                case "Integer", "int" -> "an integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE;
                case "Long", "long" -> "an integer between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE;
                case "LocalDate" -> "an ISO date (yyyy-mm-dd)";
                case "Instant" -> "an ISO-8601 timestamp";
                default -> "a decimal number";
            };
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "…";
    }
}
