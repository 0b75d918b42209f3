package io.rhythm.platform.events.payload;

import java.math.BigDecimal;
import java.util.Objects;

/** A money amount as a decimal string plus ISO 4217 currency, e.g. {@code {"amount":"578000.00","currency":"AUD"}}. */
public record Money(String amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString(), currency);
    }
}
