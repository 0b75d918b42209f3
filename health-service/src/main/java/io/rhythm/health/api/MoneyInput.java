package io.rhythm.health.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** Money in a request: a decimal amount (string or number) and an ISO 4217 currency code. */
public record MoneyInput(
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 2)
        @Schema(type = SchemaType.STRING, pattern = "^[0-9]{1,15}(\\.[0-9]{1,2})?$", maxLength = 18, example = "578000.00",
                description = "A decimal string (the API's money convention), not negative, at most 2 decimals; a JSON number is read too")
        BigDecimal amount,
        @NotNull @Size(max = 3) @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as AUD") String currency) {
}
