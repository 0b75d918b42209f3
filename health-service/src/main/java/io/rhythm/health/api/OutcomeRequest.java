package io.rhythm.health.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.LocalDate;
import java.util.UUID;

/** What happened to a client: CHURNED or RENEWED, on a date. */
public record OutcomeRequest(@NotNull UUID clientId,
                             @NotNull @Pattern(regexp = "CHURNED|RENEWED", message = "must be CHURNED or RENEWED") String outcome,
                             @NotNull LocalDate date) {
}
