package io.rhythm.platform.web.openapi;

import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An example for every JSON request body that has none of its own (issue 10: "examples for every request
 * body"), built from its schema so that it is valid against it: a schema's or property's own {@code example}
 * (or first of its {@code examples}) first, then its enum's first value or its default, then a value of its type within its bounds (a string of
 * its format, or one of a few candidates matching its pattern; an integer or number inside minimum/maximum;
 * an array of {@code minItems} items, at least one). An object shows all its properties but read-only ones.
 * A property no candidate fits is left out (the lint gate's Redocly example check names it).
 */
final class RequestExamples {

    private static final int MAX_DEPTH = 16;
    private static final List<String> CANDIDATES = List.of("example", "AUD", "crm", "578000.00", "Example text", "1", "42", "A1",
            "FY2026", "2026-07-01", "2026-07-01T09:00:00Z", "2026-12-10T10:00:00", "09:00", "P30D", "a1b2c3", "example-1",
            "someone@example.com", "+61 8 8000 0000", "#1f6feb", "Australia/Adelaide", "en");

    private final Components components;

    RequestExamples(Components components) {
        this.components = components;
    }

    /** Sets an example on the media type when it has neither {@code example} nor {@code examples}. */
    void complete(MediaType media) {
        if (media == null || media.getSchema() == null || media.getExample() != null
                || (media.getExamples() != null && !media.getExamples().isEmpty())) {
            return;
        }
        Object example = of(media.getSchema(), 0);
        if (example != null) {
            media.setExample(example);
        }
    }

    Object of(Schema schema, int depth) {
        if (schema == null || depth > MAX_DEPTH) {
            return null;
        }
        if (schema.getRef() != null) {
            return of(resolve(schema.getRef()), depth + 1);
        }
        List<Schema.SchemaType> types = schema.getType() == null ? List.of() : schema.getType();
        if (schema.getExample() != null && !(schema.getExample() instanceof String
                && (types.contains(Schema.SchemaType.OBJECT) || types.contains(Schema.SchemaType.ARRAY)))) {
            return schema.getExample();
        }
        if (schema.getExamples() != null && !schema.getExamples().isEmpty() && schema.getExamples().get(0) != null
                && !(schema.getExamples().get(0) instanceof String && (types.contains(Schema.SchemaType.OBJECT)
                || types.contains(Schema.SchemaType.ARRAY)))) {
            return schema.getExamples().get(0);
        }
        if (schema.getConstValue() != null) {
            return schema.getConstValue();
        }
        if (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
            return schema.getEnumeration().stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
        }
        if (schema.getDefaultValue() != null) {
            return schema.getDefaultValue();
        }
        for (List<Schema> group : java.util.Arrays.asList(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf())) {
            if (group != null && !group.isEmpty()) {
                Object first = of(group.get(0), depth + 1);
                if (first != null) {
                    return first;
                }
            }
        }
        if (types.contains(Schema.SchemaType.OBJECT) || schema.getProperties() != null) {
            Map<String, Object> object = new LinkedHashMap<>();
            if (schema.getProperties() != null) {
                schema.getProperties().forEach((name, property) -> {
                    Schema resolved = property.getRef() != null ? resolve(property.getRef()) : property;
                    if (resolved != null && Boolean.TRUE.equals(resolved.getReadOnly())) {
                        return;
                    }
                    Object value = of(property, depth + 1);
                    if (value != null) {
                        object.put(name, value);
                    }
                });
            }
            return object;
        }
        if (types.contains(Schema.SchemaType.ARRAY)) {
            Object item = of(schema.getItems(), depth + 1);
            List<Object> list = new ArrayList<>();
            int size = Math.max(1, schema.getMinItems() == null ? 1 : Math.min(schema.getMinItems(), 3));
            if (item != null) {
                for (int i = 0; i < size; i++) {
                    list.add(item);
                }
            }
            return list;
        }
        if (types.contains(Schema.SchemaType.STRING)) {
            return string(schema);
        }
        if (types.contains(Schema.SchemaType.INTEGER)) {
            return within(schema, BigDecimal.ONE).toBigInteger();
        }
        if (types.contains(Schema.SchemaType.NUMBER)) {
            return within(schema, BigDecimal.ONE);
        }
        if (types.contains(Schema.SchemaType.BOOLEAN)) {
            return Boolean.TRUE;
        }
        return null;
    }

    private static BigDecimal within(Schema schema, BigDecimal preferred) {
        BigDecimal value = preferred;
        if (schema.getMinimum() != null && value.compareTo(schema.getMinimum()) < 0) {
            value = schema.getMinimum();
        }
        if (schema.getExclusiveMinimum() != null && value.compareTo(schema.getExclusiveMinimum()) <= 0) {
            value = schema.getExclusiveMinimum().add(BigDecimal.ONE);
        }
        if (schema.getMaximum() != null && value.compareTo(schema.getMaximum()) > 0) {
            value = schema.getMaximum();
        }
        return value;
    }

    private static String string(Schema schema) {
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        String byFormat = switch (format) {
            case "date" -> "2026-07-01";
            case "date-time" -> "2026-07-01T09:00:00Z";
            case "time", "local-time" -> "09:00:00";
            case "uuid" -> "3f0c1a52-8a4e-4f7e-9c55-0b2f3c6d7e81";
            case "email" -> "someone@example.com";
            case "uri", "url" -> "https://example.com/rhythm";
            case "duration" -> "P30D";
            case "binary", "byte" -> null;
            default -> "";
        };
        if (byFormat == null) {
            return null;
        }
        if (!byFormat.isEmpty()) {
            return byFormat;
        }
        String pattern = schema.getPattern();
        if (pattern == null || pattern.equals(ContractFilter.BODY_TEXT) || pattern.equals(ContractFilter.PARAMETER_TEXT)
                || pattern.equals(ContractFilter.HEADER_TEXT)) {
            return fit(schema, "example");
        }
        Pattern compiled;
        try {
            compiled = Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            return null;
        }
        // a pattern of literal alternatives (UPDATE|REVIEW, ^(track|group)$): its first alternative
        String literal = pattern.replaceAll("^\\^?\\(?(\\?:)?", "").split("[|)$]")[0];
        List<String> candidates = new ArrayList<>(CANDIDATES);
        if (literal.matches("[A-Za-z0-9_ .:-]+")) {
            candidates.add(0, literal);
        }
        for (String candidate : candidates) {
            String fitted = fit(schema, candidate);
            if (fitted != null && compiled.matcher(fitted).find()) {
                return fitted;
            }
        }
        return null;
    }

    /** The candidate cut or padded to the schema's length bounds, or null when it cannot fit. */
    private static String fit(Schema schema, String candidate) {
        String text = candidate;
        int min = schema.getMinLength() == null ? 0 : schema.getMinLength();
        while (text.length() < min) {
            text = text + "x";
        }
        if (schema.getMaxLength() != null && text.length() > schema.getMaxLength()) {
            text = text.substring(0, schema.getMaxLength());
        }
        return text.length() < min ? null : text;
    }

    private Schema resolve(String ref) {
        String prefix = "#/components/schemas/";
        if (components == null || components.getSchemas() == null || !ref.startsWith(prefix)) {
            return null;
        }
        return components.getSchemas().get(ref.substring(prefix.length()));
    }
}
