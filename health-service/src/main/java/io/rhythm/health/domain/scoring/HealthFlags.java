package io.rhythm.health.domain.scoring;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Decides which {@link HealthFlag}s a new score raises. All comparisons are on published
 * (one-decimal) scores, in whole tenths, so boundaries are exact.
 *
 * <ul>
 *   <li>{@link HealthFlag#MONTH_OVER_MONTH_SWING}: |current − month earlier| &gt; 15 points, up or
 *       down (seed 001). Exactly 15.0 raises nothing; 15.1 does.</li>
 *   <li>{@link HealthFlag#DECLINE_OVER_10_PERCENT}: (month earlier − current) / month earlier
 *       &gt; 10 % (seed 000, monitored monthly). Exactly 10 % raises nothing; from 0 nothing can decline.</li>
 *   <li>{@link HealthFlag#ENTERED_AT_RISK}: previous score Stable or Healthy (≥ 70), current
 *       At-Risk (50–69). Critical → At-Risk is an improvement and raises nothing.</li>
 *   <li>{@link HealthFlag#ENTERED_CRITICAL}: previous score ≥ 50, current &lt; 50. A drop from
 *       Stable or Healthy straight to Critical raises this flag only.</li>
 *   <li>{@link HealthFlag#RECOVERED_ABOVE_70}: previous score &lt; 70, current ≥ 70.</li>
 * </ul>
 * The two movement flags compare with the score a month earlier; the three band flags with the
 * immediately previous score. Without a previous (or month-earlier) score the flags that need it
 * are not raised: a client's first score is not a transition (level rules such as "score &lt; 50
 * escalates within 24 h" are alerts, not flags).
 */
public final class HealthFlags {

    private static final int SWING_TENTHS = 150;
    private static final int DECLINE_PERCENT = 10;

    private HealthFlags() {
    }

    /**
     * The flags raised by a new score.
     *
     * @param currentScore  the new published score
     * @param previousScore the client's score just before it, or {@code null} for a first score
     * @param scoreMonthAgo the client's score a month before the new one, or {@code null} if unknown
     * @return the raised flags, in declaration order (unmodifiable, possibly empty)
     */
    public static Set<HealthFlag> evaluate(double currentScore, Double previousScore, Double scoreMonthAgo) {
        EnumSet<HealthFlag> flags = EnumSet.noneOf(HealthFlag.class);
        int current = Tenths.of(currentScore);
        if (scoreMonthAgo != null) {
            int monthAgo = Tenths.of(scoreMonthAgo);
            if (Math.abs(current - monthAgo) > SWING_TENTHS) {
                flags.add(HealthFlag.MONTH_OVER_MONTH_SWING);
            }
            if (monthAgo > 0 && (monthAgo - current) * 100 > monthAgo * DECLINE_PERCENT) {
                flags.add(HealthFlag.DECLINE_OVER_10_PERCENT);
            }
        }
        if (previousScore != null) {
            Band before = Band.of(Tenths.toPoints(Tenths.of(previousScore)));
            Band after = Band.of(Tenths.toPoints(current));
            boolean wasAtLeastStable = before == Band.STABLE || before == Band.HEALTHY;
            if (wasAtLeastStable && after == Band.AT_RISK) {
                flags.add(HealthFlag.ENTERED_AT_RISK);
            }
            if (before != Band.CRITICAL && after == Band.CRITICAL) {
                flags.add(HealthFlag.ENTERED_CRITICAL);
            }
            if (before.isChurnWarning() && !after.isChurnWarning()) {
                flags.add(HealthFlag.RECOVERED_ABOVE_70);
            }
        }
        return Collections.unmodifiableSet(flags);
    }
}
