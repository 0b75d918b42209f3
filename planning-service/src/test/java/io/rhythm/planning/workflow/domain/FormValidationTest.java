package io.rhythm.planning.workflow.domain;

import io.rhythm.platform.web.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FormValidationTest {

    private static final List<WorkflowDefinition.Field> FIELDS = List.of(
            new WorkflowDefinition.Field("accountName", "Account Name", FieldType.TEXT_SINGLE_LINE, true, null),
            new WorkflowDefinition.Field("contractEndDate", "Contract End Date", FieldType.DATE, true, null),
            new WorkflowDefinition.Field("currentArr", "Current ARR", FieldType.NUMBER, true, null),
            new WorkflowDefinition.Field("seats", "Number of Licenses / Seats", FieldType.NUMBER, false, null),
            new WorkflowDefinition.Field("risks", "Renewal Risk Factors", FieldType.TEXT_MULTI_LINE, false, null),
            new WorkflowDefinition.Field("satisfaction", "Overall Satisfaction", FieldType.DROPDOWN, true,
                    List.of("Satisfied", "Neutral", "Dissatisfied")));

    @Test
    void aValidSubmissionIsNormalised() {
        FormValidation.Result result = FormValidation.validate(FIELDS, Map.of("accountName", "  Te Whatu Ora  ",
                "contractEndDate", "2027-06-30", "currentArr", 578000.50, "seats", "120", "risks", "Champion left\nBudget cut",
                "satisfaction", "Neutral"));
        assertThat(result.errors()).isEmpty();
        assertThat(result.values()).containsEntry("accountName", "Te Whatu Ora").containsEntry("currentArr", "578000.5")
                .containsEntry("seats", "120").containsEntry("contractEndDate", "2027-06-30");
    }

    @Test
    void everyBadFieldGetsItsOwnError() {
        Map<String, Object> input = new HashMap<>();
        input.put("accountName", "two\nlines");
        input.put("contractEndDate", "2027-02-30");
        input.put("currentArr", "lots");
        input.put("seats", true);
        input.put("satisfaction", "Ecstatic");
        input.put("colour", "blue");
        FormValidation.Result result = FormValidation.validate(FIELDS, input);
        assertThat(result.valid()).isFalse();
        assertThat(result.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("formData.colour",
                "formData.accountName", "formData.contractEndDate", "formData.currentArr", "formData.seats",
                "formData.satisfaction");
        assertThat(result.errors()).filteredOn(e -> e.field().equals("formData.contractEndDate"))
                .extracting(FieldError::message).containsExactly("must be a date (YYYY-MM-DD)");
        assertThat(result.errors()).filteredOn(e -> e.field().equals("formData.satisfaction"))
                .extracting(FieldError::message).containsExactly("must be one of [Satisfied, Neutral, Dissatisfied]");
        assertThat(result.values()).isEmpty();
    }

    @Test
    void requiredFieldsMustBePresentAndNotBlankOptionalOnesMayBeMissing() {
        FormValidation.Result result = FormValidation.validate(FIELDS, Map.of("accountName", " ", "currentArr", 1));
        assertThat(result.errors()).extracting(FieldError::field)
                .containsExactly("formData.accountName", "formData.contractEndDate", "formData.satisfaction");
        assertThat(result.errors().get(0).message()).isEqualTo("is required (Account Name)");
        assertThat(FormValidation.validate(FIELDS, null).errors()).hasSize(4);
    }
}
