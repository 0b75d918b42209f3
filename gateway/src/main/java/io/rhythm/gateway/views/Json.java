package io.rhythm.gateway.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Small helpers for reading the services' JSON answers. */
public final class Json {

    private Json() {
    }

    /** The {@code items} of a page (or the array itself). */
    public static List<JsonNode> items(JsonNode body) {
        JsonNode array = body == null ? null : body.isArray() ? body : body.get("items");
        List<JsonNode> items = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(items::add);
        }
        return items;
    }

    public static ArrayNode array(List<JsonNode> nodes) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        array.addAll(nodes);
        return array;
    }

    public static ArrayNode filter(JsonNode body, Predicate<JsonNode> keep) {
        return array(items(body).stream().filter(keep).toList());
    }

    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** {@code {"amount":"…"}} or a plain number/string as a decimal; empty when absent. */
    public static Optional<BigDecimal> money(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        JsonNode amount = node.isObject() ? node.get("amount") : node;
        if (amount == null || amount.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(amount.asText()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
