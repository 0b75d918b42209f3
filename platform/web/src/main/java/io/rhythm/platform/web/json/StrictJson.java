package io.rhythm.platform.web.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
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
 * {@code rhythm.json.max-number-length}). Every refusal becomes a 400 problem naming the field
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

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(maxNestingDepth)
                .maxStringLength(maxStringLength)
                .maxNumberLength(maxNumberLength)
                .build());
        mapper.registerModule(new SimpleModule("rhythm-strict-strings").addDeserializer(String.class, new NoControlCharacters()));
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
