package io.rhythm.health.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.math.BigDecimal;

/** Money in a request: a decimal amount (string or number) and an ISO 4217 currency code. */
public record MoneyInput(
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as AUD") String currency) {
}
