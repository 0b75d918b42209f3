package io.rhythm.platform.web.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
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
 * ({@link io.rhythm.platform.web.problem.ProblemMappers}).
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
        SimpleModule strict = new SimpleModule("rhythm-strict-json").addDeserializer(String.class, new NoControlCharacters());
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
