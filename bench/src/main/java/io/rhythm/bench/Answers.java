package io.rhythm.bench;

import java.util.List;

/**
 * The answers the bench gives, the same for every run: scores spread over 0–10 (about a third detractors), and a
 * comment on three answers in five — from phrases with the seeds' themes, so the theme tagger (Lucene) and the
 * sentiment scorer do real work on every commented answer.
 */
final class Answers {

    static final List<String> COMMENTS = List.of(
            "The product feels legacy and outdated compared to what we see elsewhere.",
            "Great support team, always responsive and helpful when we raise tickets.",
            "The roadmap is unclear and releases keep slipping; we need better communication.",
            "Onboarding was slow and the training material is old-fashioned.",
            "Our CSE understands our business and the quarterly reviews are valuable.",
            "Too expensive for what we get; pricing and licensing are confusing.",
            "Reliable platform, few outages, but reporting could be much better.",
            "Integration with our other systems was painful and took months.");

    private Answers() {
    }

    /** Score of answer {@code n}: a fixed mix, 0..10. */
    static int score(long n) {
        long h = (n * 0x9E3779B97F4A7C15L) >>> 33;
        int[] mix = {0, 2, 3, 4, 5, 6, 6, 7, 7, 8, 8, 8, 9, 9, 9, 10, 10, 10, 5, 9};
        return mix[(int) (h % mix.length)];
    }

    /** Comment of answer {@code n}, or null (two in five have none). */
    static String comment(long n) {
        if (n % 5 >= 3) {
            return null;
        }
        return COMMENTS.get((int) ((n / 5 + n) % COMMENTS.size()));
    }

    static String category(int score) {
        return score >= 9 ? "PROMOTER" : score >= 7 ? "PASSIVE" : "DETRACTOR";
    }
}
