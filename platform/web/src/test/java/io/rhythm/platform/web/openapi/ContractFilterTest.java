package io.rhythm.platform.web.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The limits and examples the OpenAPI filter writes into every service's document (issue 10, requirement 3). */
class ContractFilterTest {

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    private static OpenAPI document() {
        Schema money = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("amount", string().pattern("^\\d{1,15}(\\.\\d{1,2})?$").maxLength(18))
                .addProperty("currency", string().pattern("^[A-Z]{3}$"))
                .required(List.of("amount", "currency"));
        Schema request = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("name", string().minLength(1).maxLength(200).examples(List.of("SA Health")))
                .addProperty("note", string())
                .addProperty("day", string().format("date"))
                .addProperty("stage", string().enumeration(List.of("ONBOARDING", "ADOPTION")))
                .addProperty("count", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(BigDecimal.valueOf(7)).maximum(BigDecimal.valueOf(30)))
                .addProperty("tags", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(string()))
                .addProperty("revenue", OASFactory.createSchema().ref("#/components/schemas/Money"))
                .addProperty("id", string().format("uuid").readOnly(true));
        var operation = OASFactory.createOperation()
                .addParameter(OASFactory.createParameter().name("owner").in(Parameter.In.QUERY).schema(string()))
                .addParameter(OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER).schema(string()))
                .requestBody(OASFactory.createRequestBody().content(OASFactory.createContent().addMediaType("application/json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/Request")))));
        return OASFactory.createOpenAPI()
                .components(OASFactory.createComponents().addSchema("Money", money).addSchema("Request", request))
                .paths(OASFactory.createPaths().addPathItem("/api/v1/things", OASFactory.createPathItem().POST(operation)));
    }

    @Test
    void everyStringIsBoundedAndRestrictedAsTheCodeEnforcesIt() {
        OpenAPI openAPI = document();
        new ContractFilter().filterOpenAPI(openAPI);
        Schema request = openAPI.getComponents().getSchemas().get("Request");
        Schema note = request.getProperties().get("note");
        assertThat(note.getMaxLength()).isEqualTo(ContractFilter.BODY_STRING_LIMIT);
        assertThat(note.getPattern()).isEqualTo(ContractFilter.BODY_TEXT);
        // a field's own bounds and restrictions win
        assertThat(request.getProperties().get("name").getMaxLength()).isEqualTo(200);
        assertThat(request.getProperties().get("day").getPattern()).isNull();
        assertThat(request.getProperties().get("stage").getPattern()).isNull();
        assertThat(request.getProperties().get("tags").getMaxItems()).isEqualTo(ContractFilter.ARRAY_LIMIT);
        // a pattern that bounds its matches states that bound, not the generic limit
        Schema money = openAPI.getComponents().getSchemas().get("Money");
        assertThat(money.getProperties().get("currency").getMaxLength()).isEqualTo(3);
        assertThat(money.getProperties().get("amount").getMaxLength()).isEqualTo(18);
        assertThat(request.getProperties().get("tags").getItems().getPattern()).isEqualTo(ContractFilter.BODY_TEXT);
        var parameters = openAPI.getPaths().getPathItem("/api/v1/things").getPOST().getParameters();
        assertThat(parameters.get(0).getSchema().getPattern()).isEqualTo(ContractFilter.PARAMETER_TEXT);
        assertThat(parameters.get(0).getSchema().getMaxLength()).isEqualTo(ContractFilter.PARAMETER_STRING_LIMIT);
        assertThat(parameters.get(1).getSchema().getPattern()).isEqualTo(ContractFilter.HEADER_TEXT);
    }

    @Test
    void theDocumentedPatternsAreTheCharactersTheCodeRefuses() {
        // the same characters json.StrictJson and hardening.RequestGuard refuse (ECMA-262 \\uXXXX reads the same in Java)
        Pattern body = Pattern.compile(ContractFilter.BODY_TEXT);
        Pattern parameter = Pattern.compile(ContractFilter.PARAMETER_TEXT);
        Pattern header = Pattern.compile(ContractFilter.HEADER_TEXT);
        for (char c = 0; c < 0x80; c++) {
            String text = "a" + c + "b";
            boolean control = c < 0x20 || c == 0x7f;
            assertThat(body.matcher(text).matches()).as("body U+%04X", (int) c)
                    .isEqualTo(io.rhythm.platform.web.json.StrictJson.controlCharacterAt(text) < 0);
            assertThat(parameter.matcher(text).matches()).as("parameter U+%04X", (int) c).isEqualTo(!control);
            assertThat(header.matcher(text).matches()).as("header U+%04X", (int) c).isEqualTo(!control || c == '\t');
        }
    }

    @Test
    void everyJsonRequestBodyGetsAnExampleValidAgainstItsSchema() {
        OpenAPI openAPI = document();
        new ContractFilter().filterOpenAPI(openAPI);
        MediaType media = openAPI.getPaths().getPathItem("/api/v1/things").getPOST().getRequestBody().getContent()
                .getMediaType("application/json");
        @SuppressWarnings("unchecked")
        Map<String, Object> example = (Map<String, Object>) media.getExample();
        assertThat(example).containsEntry("name", "SA Health").containsEntry("note", "example").containsEntry("day", "2026-07-01")
                .containsEntry("stage", "ONBOARDING").containsEntry("tags", List.of("example"))
                .doesNotContainKey("id");
        assertThat(example.get("count")).hasToString("7");
        @SuppressWarnings("unchecked")
        Map<String, Object> revenue = (Map<String, Object>) example.get("revenue");
        assertThat(revenue).containsEntry("amount", "578000.00").containsEntry("currency", "AUD");
    }
}
