package io.rhythm.planning.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** Money in a request: a non-negative decimal with at most 2 decimals, and an ISO 4217 currency code. */
@Schema(example = """
        {"amount": "578000.00", "currency": "AUD"}""")
public record MoneyInput(
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as AUD") String currency) {
}
