package io.rhythm.segmentation.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A segment model version as the API reads and writes it (and as it is stored). Segment codes, band names,
 * activity types and cadences accept the seed's spellings on input ("Sleeping Giant", "Bi-annual",
 * "Partnership Meetings"); they are stored and returned canonical.
 */
@Schema(description = "A segment model: satisfaction and spend axes with their bands (from inclusive, to exclusive; HIGH "
        + "unbounded), the satisfaction × spend grid, the confirmation rule and the six segments.", example = """
        {"name": "2H 2026 review",
         "satisfaction": {"npsWeight": 0.6, "healthWeight": 0.4, "npsWindowDays": 365,
           "bands": [{"band": "LOW", "from": 0, "to": 60}, {"band": "MODERATE", "from": 60, "to": 75},
                     {"band": "HIGH", "from": 75, "to": null}]},
         "spend": {"basis": "ABSOLUTE", "currency": "AUD",
           "bands": [{"band": "LOW", "from": 0, "to": 250000}, {"band": "MODERATE", "from": 250000, "to": 1000000},
                     {"band": "HIGH", "from": 1000000, "to": null}]},
         "grid": {"LOW": {"LOW": "MAINTAIN", "MODERATE": "NURTURE", "HIGH": "NURTURE"},
                  "MODERATE": {"LOW": "MAINTAIN", "MODERATE": "SLEEPING_GIANTS", "HIGH": "SLEEPING_GIANTS"},
                  "HIGH": {"LOW": "LEVERAGE", "MODERATE": "COLLABORATE", "HIGH": "GIANTS"}},
         "confirmation": {"consecutiveInputs": 2, "days": 14},
         "segments": [{"code": "MAINTAIN", "definition": "Low satisfaction, low spend",
           "csStrategy": "Increase satisfaction through intensive support and communication",
           "salesStrategy": "Prevent attrition; re-establish trust before sales conversations",
           "cadences": {"PARTNERSHIP_MEETING": "MONTHLY", "SERVICE_REVIEW": "MONTHLY", "HEALTH_CHECK": "QUARTERLY",
                        "QBR": "QUARTERLY", "EXECUTIVE_ENGAGEMENT": "AS_NEEDED"}}]}""")
public record ModelDocument(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Valid Satisfaction satisfaction,
        @NotNull @Valid Spend spend,
        @NotNull @Size(max = 3) @Schema(description = "satisfaction band → spend band → segment")
        Map<@NotBlank @Size(max = 20) String, @NotNull @Size(max = 3) Map<@NotBlank @Size(max = 20) String, @NotBlank @Size(max = 40) String>> grid,
        @NotNull @Valid Confirmation confirmation,
        @NotNull @Size(max = 6) List<@NotNull @Valid SegmentEntry> segments) {

    public record Satisfaction(
            @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal npsWeight,
            @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal healthWeight,
            @NotNull @Min(1) @Max(1095) Integer npsWindowDays,
            @NotNull @Size(max = 3) List<@NotNull @Valid Band> bands) {
    }

    public record Spend(
            @NotBlank @Size(max = 20) @Schema(description = "ABSOLUTE (annual maintenance revenue) or SHARE (fraction of the portfolio, 0–1)") String basis,
            @NotBlank @Size(max = 3) @Pattern(regexp = "[A-Z]{3}") String currency,
            @NotNull @Size(max = 3) List<@NotNull @Valid Band> bands) {
    }

    public record Band(
            @NotBlank @Size(max = 20) String band,
            @NotNull @DecimalMin("0") @DecimalMax("1000000000000") BigDecimal from,
            @DecimalMin("0") @DecimalMax("1000000000000") @Schema(description = "exclusive; null for HIGH (unbounded)") BigDecimal to) {
    }

    @Schema(description = "A new segment is taken once consecutiveInputs consecutive assessments put the client in it, or "
            + "once the client has sat in it for days days (no assessment elsewhere since), whichever comes first; at "
            + "least one of the two")
    public record Confirmation(
            @Min(1) @Max(10) @Schema(description = "consecutive assessments in the new cell; null: no input rule") Integer consecutiveInputs,
            @Min(1) @Max(365) @Schema(description = "days in the new cell; null: no day rule") Integer days) {
    }

    public record SegmentEntry(
            @NotBlank @Size(max = 40) String code,
            @Size(max = 500) String definition,
            @NotBlank @Size(max = 1000) String csStrategy,
            @NotBlank @Size(max = 1000) String salesStrategy,
            @NotNull @Size(max = 5) @Schema(description = "activity type → MONTHLY, QUARTERLY, BI_ANNUAL or AS_NEEDED")
            Map<@NotBlank @Size(max = 40) String, @NotBlank @Size(max = 20) String> cadences) {
    }
}
