package io.rhythm.nps.domain.analytics;

/**
 * The response rate of a survey population against its target.
 *
 * <p>Rule (seed 000, "Early Warning Indicators": "NPS response rates (target &gt;40%)"): rate =
 * responses / recipients, and the target is met only when the rate is <b>strictly greater</b> than
 * the target — exactly 40 % is not met. The comparison is done in whole numbers
 * ({@code responses × 100 > target × recipients}), so no floating-point edge can flip it. A
 * population without recipients has a rate of 0 and does not meet the target.
 *
 * @param responses     recipients who answered (each recipient counts once)
 * @param recipients    recipients the survey was sent to
 * @param targetPercent the target in percent (0–99), {@value #DEFAULT_TARGET_PERCENT} by default
 */
public record ResponseRate(int responses, int recipients, int targetPercent) {

    /** Seed 000: "NPS response rates (target &gt;40%)". */
    public static final int DEFAULT_TARGET_PERCENT = 40;

    public ResponseRate {
        if (responses < 0 || recipients < 0) {
            throw new IllegalArgumentException("responses and recipients must not be negative");
        }
        if (responses > recipients) {
            throw new IllegalArgumentException(
                    "responses (" + responses + ") cannot exceed recipients (" + recipients + ")");
        }
        if (targetPercent < 0 || targetPercent >= 100) { // "more than 100 %" could never be met
            throw new IllegalArgumentException("targetPercent must be 0-99, was " + targetPercent);
        }
    }

    /** Against the seed's &gt; 40 % target. */
    public static ResponseRate of(int responses, int recipients) {
        return new ResponseRate(responses, recipients, DEFAULT_TARGET_PERCENT);
    }

    /** 100 × responses / recipients; 0 without recipients. */
    public double percent() {
        return NpsCalculator.percent(responses, recipients);
    }

    /** Whether the rate is strictly above the target. */
    public boolean targetMet() {
        return recipients > 0 && (long) responses * 100 > (long) targetPercent * recipients;
    }

    /** How many more responses would meet the target (0 when it is met, or when there is nobody to ask). */
    public int responsesNeeded() {
        if (recipients == 0 || targetMet()) {
            return 0;
        }
        long smallestMeetingCount = (long) targetPercent * recipients / 100 + 1; // <= recipients as target < 100
        return (int) smallestMeetingCount - responses;
    }
}
