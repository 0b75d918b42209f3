package io.rhythm.segmentation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Places one client in exactly one cell of a model's grid, or leaves it UNASSIGNED saying why. Pure. */
public final class SegmentClassifier {

    private static final BigDecimal TEN = BigDecimal.TEN;

    private SegmentClassifier() {
    }

    public static Classification classify(SegmentModel model, ClassifierInput input) {
        boolean useNps = input.npsAverage() != null && model.npsWeight().signum() > 0;
        boolean useHealth = input.healthScore() != null && model.healthWeight().signum() > 0;
        BigDecimal satisfaction = null;
        String basis;
        if (useNps && useHealth) {
            satisfaction = input.npsAverage().multiply(TEN).multiply(model.npsWeight())
                    .add(input.healthScore().multiply(model.healthWeight()));
            basis = "NPS mean " + input.npsAverage().stripTrailingZeros().toPlainString() + " (" + input.npsResponses()
                    + " answers) and health " + input.healthScore().stripTrailingZeros().toPlainString();
        } else if (useNps) {
            satisfaction = input.npsAverage().multiply(TEN);
            basis = "NPS mean " + input.npsAverage().stripTrailingZeros().toPlainString() + " (" + input.npsResponses()
                    + " answers; no health score)";
        } else if (useHealth) {
            satisfaction = input.healthScore();
            basis = "health " + input.healthScore().stripTrailingZeros().toPlainString() + " (no NPS answer in the last "
                    + model.npsWindowDays() + " days)";
        } else {
            basis = null;
        }
        BigDecimal spend = spend(model, input);
        AxisBand satisfactionBand = satisfaction == null ? null
                : SegmentModel.bandOf(model.satisfactionBands(), satisfaction.max(BigDecimal.ZERO));
        AxisBand spendBand = spend == null ? null : SegmentModel.bandOf(model.spendBands(), spend.max(BigDecimal.ZERO));
        if (satisfaction == null) {
            return new Classification(null, "no satisfaction input: no NPS answer in the last " + model.npsWindowDays()
                    + " days and no health score", null, null, spend, spendBand);
        }
        if (spend == null) {
            return new Classification(null, input.revenue() == null ? "no annual maintenance revenue known"
                    : "the portfolio has no maintenance revenue to take a share of", satisfaction, satisfactionBand, null, null);
        }
        Segment segment = model.cell(satisfactionBand, spendBand);
        String spendText = model.spendBasis() == SpendBasis.SHARE
                ? spend.multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " % of the portfolio"
                : input.revenue().setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " " + model.spendCurrency();
        return new Classification(segment, "satisfaction " + satisfaction.setScale(2, RoundingMode.HALF_EVEN).toPlainString()
                + " " + satisfactionBand + " from " + basis + "; spend " + spendText + " " + spendBand,
                satisfaction, satisfactionBand, spend, spendBand);
    }

    private static BigDecimal spend(SegmentModel model, ClassifierInput input) {
        if (input.revenue() == null) {
            return null;
        }
        if (model.spendBasis() == SpendBasis.ABSOLUTE) {
            return input.revenue();
        }
        if (input.portfolioRevenue() == null || input.portfolioRevenue().signum() <= 0) {
            return null;
        }
        return input.revenue().divide(input.portfolioRevenue(), 12, RoundingMode.HALF_EVEN);
    }
}
