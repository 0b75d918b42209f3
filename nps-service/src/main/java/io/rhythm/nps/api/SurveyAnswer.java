package io.rhythm.nps.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.rhythm.nps.service.delivery.SurveyResponses;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.FieldError;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;

/**
 * A respondent's answer. {@code score} is read as raw JSON so that 7.5 or "7" are refused rather than
 * silently coerced to 7.
 */
public record SurveyAnswer(
        @Schema(implementation = Integer.class, type = SchemaType.INTEGER, minimum = "0", maximum = "10", required = true, example = "9",
                description = "0 = not at all likely … 10 = extremely likely") JsonNode score,
        @Schema(maxLength = SurveyResponses.COMMENT_MAX_LENGTH, example = "Great team, but the product feels outdated")
        String comment) {

    /** The score, once everything is valid. */
    public int validScore() {
        return score.intValue();
    }

    /**
     * @throws ApiException 400 with every invalid field
     */
    public static SurveyAnswer requireValid(SurveyAnswer answer) {
        List<FieldError> errors = new ArrayList<>();
        if (answer == null || answer.score() == null || answer.score().isNull() || answer.score().isMissingNode()) {
            errors.add(new FieldError("score", "is required: a whole number from 0 to 10"));
        } else if (!answer.score().isIntegralNumber()) {
            errors.add(new FieldError("score", "must be a whole number from 0 to 10, was " + answer.score()));
        } else if (!answer.score().canConvertToInt() || answer.score().intValue() < 0 || answer.score().intValue() > 10) {
            errors.add(new FieldError("score", "must be between 0 and 10, was " + answer.score()));
        }
        if (answer != null && answer.comment() != null && answer.comment().length() > SurveyResponses.COMMENT_MAX_LENGTH) {
            errors.add(new FieldError("comment", "must be at most " + SurveyResponses.COMMENT_MAX_LENGTH
                    + " characters, was " + answer.comment().length()));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return answer;
    }
}
