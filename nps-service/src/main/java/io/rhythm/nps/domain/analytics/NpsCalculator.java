package io.rhythm.nps.domain.analytics;

import io.rhythm.nps.domain.NpsCategory;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * NPS arithmetic for a group of 0–10 scores.
 *
 * <ul>
 *   <li><b>NPS</b> = % promoters (9–10) − % detractors (0–6); passives (7–8) count in the base only
 *       (seed 001 categories; DESIGN "Domain anchors"). Reported exactly and rounded half away from
 *       zero ({@link NpsRounding}).</li>
 *   <li><b>Average, min, max, standard deviation</b> of the raw scores — the "volatility" view of
 *       seed 000 ("SA Health: 6.1 avg (range 1-9)"). The standard deviation is the <b>sample</b>
 *       standard deviation (divisor n − 1, like a spreadsheet's STDEV.S): a cycle's respondents are a
 *       sample of a client's stakeholders, and the figure is used to judge the client, not just the
 *       people who answered. It is 0 for a single response.</li>
 *   <li><b>95 % confidence interval</b> of the NPS: each response is +1 (promoter), 0 (passive) or
 *       −1 (detractor); the NPS is 100 × the mean of these values. With p and d the promoter and
 *       detractor shares, the per-response variance is {@code (p + d) − (p − d)²}, the variance of the
 *       mean is that divided by n, and the margin is {@code 1.96 × sqrt(variance / n) × 100} NPS points.
 *       The interval is NPS ± margin clamped to [−100, 100] (normal approximation, "Wald" interval).</li>
 *   <li><b>Small sample</b>: fewer than {@value #SMALL_SAMPLE_THRESHOLD} responses. The normal
 *       approximation behind the interval is commonly trusted from about 30 observations; below that
 *       the summary carries a plain-words caveat (issue 5: "it is a noisy number on small samples —
 *       say so"). Note that with one response, or all responses in one category, the computed
 *       margin is 0 — which is exactly why the caveat exists.</li>
 * </ul>
 */
public final class NpsCalculator {

    /** Below this many responses a summary is flagged {@code smallSample}. */
    public static final int SMALL_SAMPLE_THRESHOLD = 30;
    /** Confidence level of {@link NpsSummary#confidenceInterval()}. */
    public static final double CONFIDENCE_LEVEL = 0.95;
    /** Two-sided standard-normal quantile for {@link #CONFIDENCE_LEVEL}. */
    public static final double Z_95 = 1.96;

    private NpsCalculator() {
    }

    /** See {@link #summarise(Collection)}. */
    public static NpsSummary summarise(int... scores) {
        return summarise(IntStream.of(scores).boxed().toList());
    }

    /**
     * Summarises a group of scores.
     *
     * @param scores 0–10 scores, one per response, in any order; empty gives {@link NpsSummary#empty()}
     * @throws IllegalArgumentException if a score is outside 0–10
     * @throws NullPointerException     if the collection or a score is null
     */
    public static NpsSummary summarise(Collection<Integer> scores) {
        Objects.requireNonNull(scores, "scores");
        if (scores.isEmpty()) {
            return NpsSummary.empty();
        }
        List<Integer> values = List.copyOf(scores); // rejects null elements
        int n = values.size();
        int promoters = 0;
        int passives = 0;
        int detractors = 0;
        long sum = 0;
        int min = NpsCategory.MAX_SCORE;
        int max = NpsCategory.MIN_SCORE;
        for (int score : values) {
            switch (NpsCategory.of(score)) {
                case PROMOTER -> promoters++;
                case PASSIVE -> passives++;
                case DETRACTOR -> detractors++;
            }
            sum += score;
            min = Math.min(min, score);
            max = Math.max(max, score);
        }
        double average = (double) sum / n;
        double nps = 100.0 * (promoters - detractors) / n;
        return new NpsSummary(n, promoters, passives, detractors,
                percent(promoters, n), percent(passives, n), percent(detractors, n),
                nps, NpsRounding.percentHalfAwayFromZero(promoters - detractors, n),
                average, min, max, sampleStandardDeviation(values, average),
                confidenceInterval(promoters, detractors, n), n < SMALL_SAMPLE_THRESHOLD);
    }

    /**
     * {@link #summarise(Collection)} of the scores a histogram counts, without one object per response
     * (the same figures: used for large groups, read from the database already counted).
     *
     * @param histogram responses per score, index 0–10 (length 11), no negative count
     */
    public static NpsSummary summarise(long[] histogram) {
        Objects.requireNonNull(histogram, "histogram");
        if (histogram.length != NpsCategory.MAX_SCORE + 1) {
            throw new IllegalArgumentException("a histogram has one count per score 0-10");
        }
        long total = 0;
        long sum = 0;
        int promoters = 0;
        int passives = 0;
        int detractors = 0;
        int min = NpsCategory.MAX_SCORE;
        int max = NpsCategory.MIN_SCORE;
        for (int score = 0; score < histogram.length; score++) {
            long count = histogram[score];
            if (count < 0) {
                throw new IllegalArgumentException("negative count for score " + score);
            }
            if (count == 0) {
                continue;
            }
            total += count;
            sum += count * score;
            min = Math.min(min, score);
            max = Math.max(max, score);
            switch (NpsCategory.of(score)) {
                case PROMOTER -> promoters += Math.toIntExact(count);
                case PASSIVE -> passives += Math.toIntExact(count);
                case DETRACTOR -> detractors += Math.toIntExact(count);
            }
        }
        if (total == 0) {
            return NpsSummary.empty();
        }
        int n = Math.toIntExact(total);
        double average = (double) sum / n;
        double squares = 0;
        for (int score = 0; score < histogram.length; score++) {
            squares += histogram[score] * (score - average) * (score - average);
        }
        double sd = n < 2 ? 0 : Math.sqrt(squares / (n - 1));
        return new NpsSummary(n, promoters, passives, detractors,
                percent(promoters, n), percent(passives, n), percent(detractors, n),
                100.0 * (promoters - detractors) / n, NpsRounding.percentHalfAwayFromZero(promoters - detractors, n),
                average, min, max, sd, confidenceInterval(promoters, detractors, n), n < SMALL_SAMPLE_THRESHOLD);
    }

    /**
     * The 95 % confidence interval of an NPS from its counts (see the class comment for the formula).
     *
     * @throws IllegalArgumentException if counts are negative or exceed n
     */
    public static ConfidenceInterval confidenceInterval(int promoters, int detractors, int n) {
        if (promoters < 0 || detractors < 0 || promoters + detractors > n) {
            throw new IllegalArgumentException("need 0 <= promoters + detractors <= n");
        }
        if (n == 0) {
            return ConfidenceInterval.noInformation(CONFIDENCE_LEVEL);
        }
        double p = (double) promoters / n;
        double d = (double) detractors / n;
        double perResponseVariance = Math.max(0, (p + d) - (p - d) * (p - d));
        double margin = Z_95 * Math.sqrt(perResponseVariance / n) * 100;
        return ConfidenceInterval.around(100 * (p - d), margin, CONFIDENCE_LEVEL);
    }

    /**
     * Summarises responses weighted by client value (see {@link WeightedNpsSummary} for the rule); the
     * unweighted summary of the same scores is included.
     *
     * @throws NullPointerException if the list or an element is null
     */
    public static WeightedNpsSummary summariseWeighted(Collection<WeightedScore> responses) {
        List<WeightedScore> values = List.copyOf(Objects.requireNonNull(responses, "responses"));
        Map<WeightedScore, Long> counted = new java.util.HashMap<>();
        for (WeightedScore r : values) {
            counted.merge(r, 1L, Long::sum);
        }
        return summariseWeighted(counted);
    }

    /**
     * {@link #summariseWeighted(Collection)} of responses counted by (score, weight): the same figures, one
     * multiplication per distinct pair instead of one addition per response.
     *
     * @param counted responses per (score, weight); no count below 1
     */
    public static WeightedNpsSummary summariseWeighted(Map<WeightedScore, Long> counted) {
        Objects.requireNonNull(counted, "counted");
        long[] histogram = new long[NpsCategory.MAX_SCORE + 1];
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal promoters = BigDecimal.ZERO;
        BigDecimal passives = BigDecimal.ZERO;
        BigDecimal detractors = BigDecimal.ZERO;
        BigDecimal scoreSum = BigDecimal.ZERO;
        BigDecimal squares = BigDecimal.ZERO;
        for (Map.Entry<WeightedScore, Long> entry : counted.entrySet()) {
            WeightedScore r = entry.getKey();
            long count = entry.getValue();
            if (count < 1) {
                throw new IllegalArgumentException("a counted response needs a count of at least 1, was " + count);
            }
            histogram[r.score()] += count;
            BigDecimal c = BigDecimal.valueOf(count);
            BigDecimal w = r.weight().multiply(c);
            total = total.add(w);
            scoreSum = scoreSum.add(w.multiply(BigDecimal.valueOf(r.score())));
            squares = squares.add(r.weight().multiply(r.weight()).multiply(c));
            switch (r.category()) {
                case PROMOTER -> promoters = promoters.add(w);
                case PASSIVE -> passives = passives.add(w);
                case DETRACTOR -> detractors = detractors.add(w);
            }
        }
        NpsSummary unweighted = summarise(histogram);
        if (total.signum() == 0) {
            return new WeightedNpsSummary(unweighted, total, 0, 0, 0, 0, 0, 0, 0);
        }
        BigDecimal npsExact = promoters.subtract(detractors).multiply(BigDecimal.valueOf(100))
                .divide(total, MathContext.DECIMAL128);
        int npsRounded = npsExact.setScale(0, RoundingMode.HALF_UP).intValueExact(); // away from zero
        return new WeightedNpsSummary(unweighted, total,
                share(promoters, total), share(passives, total), share(detractors, total),
                npsExact.doubleValue(), npsRounded,
                scoreSum.divide(total, MathContext.DECIMAL128).doubleValue(),
                total.multiply(total).divide(squares, MathContext.DECIMAL128).doubleValue());
    }

    private static double share(BigDecimal part, BigDecimal total) {
        return part.multiply(BigDecimal.valueOf(100)).divide(total, MathContext.DECIMAL128).doubleValue();
    }

    static double percent(double part, double whole) {
        return whole == 0 ? 0 : 100 * part / whole;
    }

    private static double sampleStandardDeviation(List<Integer> values, double mean) {
        if (values.size() < 2) {
            return 0;
        }
        double squares = 0;
        for (int v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.size() - 1));
    }
}
