package io.rhythm.planning.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Gross and net revenue retention of one fiscal year, as percentages with 2 decimals:
 * GRR = (starting revenue − lost revenue) / starting revenue; NRR adds the expansion won from the
 * same clients. Lost revenue is the confirmed attrition plus the probability-weighted at-risk
 * attrition of that fiscal year.
 */
public record RetentionRates(String fiscalYear, BigDecimal startingRevenue, BigDecimal lostRevenue,
                             BigDecimal expansionRevenue, BigDecimal grossRetentionPercent,
                             BigDecimal netRetentionPercent) {

    public static RetentionRates of(String fiscalYear, BigDecimal startingRevenue, BigDecimal lostRevenue,
                                    BigDecimal expansionRevenue) {
        if (startingRevenue.signum() <= 0) {
            return new RetentionRates(fiscalYear, startingRevenue, lostRevenue, expansionRevenue, null, null);
        }
        BigDecimal kept = startingRevenue.subtract(lostRevenue);
        return new RetentionRates(fiscalYear, startingRevenue, lostRevenue, expansionRevenue,
                percent(kept, startingRevenue), percent(kept.add(expansionRevenue), startingRevenue));
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_EVEN);
    }
}
