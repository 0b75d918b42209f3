package io.rhythm.nps.domain.themes;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SentimentScorerTest {

    private static final SentimentScorer SCORER = new SentimentScorer();

    @AfterAll
    static void close() {
        SCORER.close();
    }

    @Test
    void negationTurnsPraiseIntoCriticism() {
        Sentiment s = SCORER.score("Support was not helpful");

        assertThat(s.score()).isEqualTo(-1);
        assertThat(s.label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(s.negative()).containsExactly("not helpful");
        assertThat(s.positive()).isEmpty();
    }

    @Test
    void praiseIsPositive() {
        Sentiment s = SCORER.score("Great onboarding, very responsive team");

        assertThat(s.score()).isEqualTo(1);
        assertThat(s.label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(s.positive()).containsExactly("Great", "responsive");
    }

    @Test
    void theSeedsProductPerceptionCommentIsNegative() {
        Sentiment s = SCORER.score("The product feels old-fashioned and the roadmap is unclear");

        assertThat(s.label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(s.negative()).containsExactly("unclear");
        assertThat(SCORER.thresholds().requiresIntervention(s.score())).isTrue();
    }

    @Test
    void negatedCriticismIsPraise() {
        Sentiment s = SCORER.score("No issues at all, and the system is never slow");

        assertThat(s.label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(s.positive()).containsExactly("No issues", "never slow");
    }

    @Test
    void negationStopsAtTheEndOfAClause() {
        Sentiment s = SCORER.score("Support wasn't great, but training was excellent.");

        assertThat(s.negative()).containsExactly("wasn't great");
        assertThat(s.positive()).containsExactly("excellent");
        assertThat(s.score()).isZero();
        assertThat(s.label()).isEqualTo(SentimentLabel.NEUTRAL);
    }

    @Test
    void handlesTypographicApostrophesAndWordsBetweenNegatorAndWord() {
        assertThat(SCORER.score("Support wasn\u2019t helpful").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(SCORER.score("not the most helpful").negative()).containsExactly("not the most helpful");
    }

    @Test
    void stemsTheLexiconLikeTheComment() {
        assertThat(SCORER.score("Frustrated with the outage").negative()).containsExactly("Frustrated", "outage");
        assertThat(SCORER.score("Frustrating!").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(SCORER.score("I LOVED it").label()).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void protectedWordsDoNotLeakIntoNeutralWords() {
        assertThat(SCORER.score("Keeps us informed on support tickets and response times").score()).isZero();
        assertThat(SCORER.score("Very useful reports").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(SCORER.score("Slow response times").label()).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void theScoreIsTheBalanceOfPositiveAndNegativeWords() {
        Sentiment mostlyBad = SCORER.score("Good people, but slow and buggy software");
        assertThat(mostlyBad.score()).isCloseTo(-1.0 / 3, within(1e-9));
        assertThat(mostlyBad.label()).isEqualTo(SentimentLabel.NEGATIVE); // below -0.3

        Sentiment mixed = SCORER.score("Great people, slow software");
        assertThat(mixed.score()).isZero();
        assertThat(mixed.label()).isEqualTo(SentimentLabel.NEUTRAL);
    }

    @Test
    void commentsWithoutLexiconWordsAreNeutral() {
        assertThat(SCORER.score("We met on Tuesday")).isEqualTo(Sentiment.neutral());
        assertThat(SCORER.score("")).isEqualTo(Sentiment.neutral());
        assertThat(SCORER.score(null)).isEqualTo(Sentiment.neutral());
    }

    @Test
    void thresholdsAreStrictAndConfigurable() {
        SentimentThresholds defaults = SentimentThresholds.DEFAULT;
        assertThat(defaults.label(-0.3)).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(defaults.label(-0.31)).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(defaults.label(0.3)).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(defaults.label(0.31)).isEqualTo(SentimentLabel.POSITIVE);

        try (SentimentScorer strict = new SentimentScorer(SentimentScorer.DEFAULT_POSITIVE, SentimentScorer.DEFAULT_NEGATIVE,
                new SentimentThresholds(-0.5, 0.5))) {
            assertThat(strict.score("Good people, but slow and buggy software").label()).isEqualTo(SentimentLabel.NEUTRAL);
        }
        assertThatThrownBy(() -> new SentimentThresholds(0.5, -0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsContradictoryOrMultiWordLexicons() {
        assertThatThrownBy(() -> new SentimentScorer(List.of("frustrated"), List.of("frustrating"), SentimentThresholds.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both");
        assertThatThrownBy(() -> new SentimentScorer(List.of("very good"), List.of("bad"), SentimentThresholds.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one searchable word");
    }
}
