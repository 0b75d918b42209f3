package io.rhythm.planning.workflow.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/**
 * Completes the active step. What a step type takes: Form → {@code formData} (field key → value); To-Do → an
 * optional {@code comment}; Acknowledgement → nothing (who and when are recorded); Approval → {@code outcome}
 * APPROVED or REJECTED and an optional {@code comment} (rationale); Decision → {@code outcome} (one of the step's
 * outcome keys); E-Sign → {@code signerName} and {@code documentSha256}. File Request steps are completed by
 * uploading the file. Anything a step type does not take is a 400.
 */
@Schema(example = """
        {"formData": {"renewalDate": "2027-06-30", "annualRecurringRevenue": 578000, "keyWinsThisQuarter": "Rolled out to 3 new BUs"}}""")
public record StepCompletionRequest(
        @Size(max = 40) Map<@Size(max = 60) String, Object> formData,
        @Size(max = 40) @Pattern(regexp = "[A-Z_]+", message = "must be an outcome key such as APPROVED") String outcome,
        @Size(max = 2000) String comment,
        @Size(max = 200) String signerName,
        @Pattern(regexp = "[0-9a-f]{64}", message = "must be a lower-case hex SHA-256") String documentSha256) {
}
