package io.rhythm.platform.web.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;

/**
 * Strict JSON for every Rhythm request body, in every service and the gateway: a duplicated key is
 * refused (not last-one-wins), a string holding NUL or another control character (other than tab,
 * newline, carriage return) is refused before it can reach PostgreSQL, and nesting depth, string and
 * number lengths are bounded ({@code rhythm.json.max-nesting-depth}, {@code rhythm.json.max-string-length},
 * {@code rhythm.json.max-number-length}), and so is the size of every list ({@code rhythm.json.max-array-items}). Every refusal becomes a 400 problem naming the field
 * ({@link io.rhythm.platform.web.problem.ProblemMappers}). The same holds inside raw JSON trees (rows taken
 * as a source system exports them), and a number beyond a double's range is refused rather than read as Infinity.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @ConfigProperty(name = "rhythm.json.max-nesting-depth", defaultValue = "64")
    int maxNestingDepth;
    @ConfigProperty(name = "rhythm.json.max-string-length", defaultValue = "1000000")
    int maxStringLength;
    @ConfigProperty(name = "rhythm.json.max-number-length", defaultValue = "100")
    int maxNumberLength;
    @ConfigProperty(name = "rhythm.json.max-array-items", defaultValue = "10000")
    int maxArrayItems;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(maxNestingDepth)
                .maxStringLength(maxStringLength)
                .maxNumberLength(maxNumberLength)
                .build());
        SimpleModule strict = new SimpleModule("rhythm-strict-json").addDeserializer(String.class, new NoControlCharacters())
                .addDeserializer(JsonNode.class, new CleanTree())
                .addDeserializer(Double.class, new FiniteDouble(Double.class, null))
                .addDeserializer(Double.TYPE, new FiniteDouble(Double.TYPE, 0.0));
        strict.setDeserializerModifier(new BoundedCollections(maxArrayItems));
        mapper.registerModule(strict);
    }

    /** The control character at the first offending position, or -1 when the text is clean. */
    public static int controlCharacterAt(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return i;
            }
        }
        return -1;
    }

    /** Every list or set in a request DTO holds at most {@code rhythm.json.max-array-items} elements. */
    static final class BoundedCollections extends BeanDeserializerModifier {

        private final int maxItems;

        BoundedCollections(int maxItems) {
            this.maxItems = maxItems;
        }

        @Override
        public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                                                                BeanDescription description, JsonDeserializer<?> deserializer) {
            return new Bounded(deserializer, maxItems);
        }
    }

    static final class Bounded extends DelegatingDeserializer {

        private final int maxItems;

        Bounded(JsonDeserializer<?> delegate, int maxItems) {
            super(delegate);
            this.maxItems = maxItems;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Bounded(delegate, maxItems);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            if (value instanceof java.util.Collection<?> collection && collection.size() > maxItems) {
                throw MismatchedInputException.from(parser, java.util.Collection.class,
                        "holds " + collection.size() + " items; at most " + maxItems + " are accepted");
            }
            return value;
        }
    }

    /**
     * Raw JSON taken as a tree (the CRM rows, the signal and event batches, a model document): Jackson's own
     * tree reading, then the same refusal of control characters in every string value and field name, named by
     * its place in the tree, before a row can reach PostgreSQL.
     */
    static final class CleanTree extends StdDeserializer<JsonNode> {

        private static final JsonDeserializer<? extends JsonNode> TREE = JsonNodeDeserializer.getDeserializer(JsonNode.class);

        CleanTree() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = TREE.deserialize(parser, context);
            String fault = fault(tree, "");
            if (fault != null) {
                throw MismatchedInputException.from(parser, JsonNode.class, fault);
            }
            return tree;
        }

        @Override
        public JsonNode getNullValue(DeserializationContext context) {
            return NullNode.getInstance();
        }

        static String fault(JsonNode node, String where) {
            if (node.isTextual()) {
                int at = controlCharacterAt(node.textValue());
                return at < 0 ? null : String.format("control character U+%04X at %s position %d is not allowed",
                        (int) node.textValue().charAt(at), where.isEmpty() ? "the value's" : where, at);
            }
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    String fault = fault(node.get(i), where + "[" + i + "]");
                    if (fault != null) {
                        return fault;
                    }
                }
            }
            if (node.isObject()) {
                var fields = node.fields();
                while (fields.hasNext()) {
                    var field = fields.next();
                    String name = where.isEmpty() ? field.getKey() : where + "." + field.getKey();
                    if (controlCharacterAt(field.getKey()) >= 0) {
                        return "a field name holds a control character, which is not allowed";
                    }
                    String fault = fault(field.getValue(), name);
                    if (fault != null) {
                        return fault;
                    }
                }
            }
            return null;
        }
    }

    /** A number beyond a double's range (1e400) would be read as Infinity, and "NaN" as NaN: both refused. */
    static final class FiniteDouble extends NumberDeserializers.DoubleDeserializer {

        FiniteDouble(Class<Double> type, Double nullValue) {
            super(type, nullValue);
        }

        @Override
        public Double deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Double value = super.deserialize(parser, context);
            if (value != null && !Double.isFinite(value)) {
                throw MismatchedInputException.from(parser, Double.class,
                        "is beyond the range of a double (at most about 1.8e308, finite)");
            }
            return value;
        }
    }

    /** Jackson's own string reading, then a refusal of control characters. */
    static final class NoControlCharacters extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && parser.currentToken() == JsonToken.VALUE_STRING) {
                int at = controlCharacterAt(value);
                if (at >= 0) {
                    throw MismatchedInputException.from(parser, String.class, String.format(
                            "control character U+%04X at position %d is not allowed", (int) value.charAt(at), at));
                }
            }
            return value;
        }
    }
}
