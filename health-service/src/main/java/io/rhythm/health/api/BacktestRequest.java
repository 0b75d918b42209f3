package io.rhythm.health.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** Which outcomes to judge the model against, and how long before each outcome it must have seen it coming. */
public record BacktestRequest(@NotNull LocalDate from, @NotNull LocalDate to,
                              @Min(0) @Max(730) @Schema(defaultValue = "90", description = "default 90 (renewals reviewed 90 days ahead, seed 002)")
                              Integer horizonDays) {
}
