package io.rhythm.health.api;

import io.rhythm.health.domain.LifecycleStage;
import io.rhythm.health.domain.crm.ClientUpsert;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.Map;

/**
 * A client as created or replaced through the API.
 *
 * @param lifecycleStage ONBOARDING, ADOPTION, MATURE, EXPANSION or RENEWAL
 * @param customerSince  the day the company became a customer (tenure: seed 001 surveys customers of more than
 *                       90 days quarterly); optional, not in the future; absent means unknown
 */
@Schema(name = "ClientRequest", example = """
        {"name": "SA Health", "region": "APAC", "businessUnit": "Health", "ownerCse": "cse", "ownerCam": "cam",
         "tier": "Enterprise", "lifecycleStage": "MATURE", "renewalDate": "2027-06-30", "customerSince": "2019-07-01",
         "annualRevenue": {"amount": "578000.00", "currency": "AUD"}, "externalIds": {"hubspot": "1234567"}}""")
public record ClientRequest(
        @NotBlank @Size(max = ClientUpsert.NAME_MAX) String name,
        @NotBlank @Size(max = ClientUpsert.REGION_MAX) String region,
        @Size(max = ClientUpsert.BUSINESS_UNIT_MAX) String businessUnit,
        @NotBlank @Size(max = ClientUpsert.USERNAME_MAX) String ownerCse,
        @Size(max = ClientUpsert.USERNAME_MAX) String ownerCam,
        @Size(max = ClientUpsert.TIER_MAX) String tier,
        @NotNull LifecycleStage lifecycleStage,
        LocalDate renewalDate,
        @Valid MoneyInput annualRevenue,
        @Schema(description = "The day the company became a customer (yyyy-mm-dd); not in the future; absent = unknown",
                example = "2019-07-01") LocalDate customerSince,
        @Size(max = 10) Map<@NotBlank @Pattern(regexp = "[a-z][a-z0-9_-]{0,29}",
                message = "must be a lower-case source name such as hubspot or salesforce") String,
                @NotBlank @Size(max = ClientUpsert.EXTERNAL_ID_MAX) String> externalIds) {
}
