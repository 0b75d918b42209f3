package io.rhythm.platform.web.problem;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Field errors name the field as it stands in the JSON the client sent, list indexes included. */
class FieldNameTest {

    record Step(@NotBlank String name, @Min(0) int dueDays) {
    }

    record Template(@NotBlank String name, @NotNull @Valid List<Step> steps, List<@NotBlank String> tags,
                    Map<String, @Valid Step> byCode) {
    }

    private static final ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
    private final Validator validator = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void anIndexBelongsToTheListNotToTheFieldInsideIt() {
        Template template = new Template("Renewal", List.of(new Step("Prepare", 3), new Step("", -1)),
                List.of("ok", " "), Map.of("x", new Step("Close", -2)));

        assertThat(ProblemMappers.fieldErrors(validator.validate(template))).extracting(FieldError::field)
                .containsExactly("byCode[x].dueDays", "steps[1].dueDays", "steps[1].name", "tags[1]");
    }

    @Test
    void aPlainPropertyKeepsItsName() {
        Template template = new Template(" ", List.of(), List.of(), Map.of());

        assertThat(ProblemMappers.fieldErrors(validator.validate(template))).extracting(FieldError::field)
                .containsExactly("name");
    }
}
