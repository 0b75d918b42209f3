package io.rhythm.health.domain.scoring;

import io.rhythm.health.domain.LifecycleStage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BandTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "0, CRITICAL", "49, CRITICAL", "49.9, CRITICAL",
            "50, AT_RISK", "50.0, AT_RISK", "69, AT_RISK", "69.9, AT_RISK",
            "70, STABLE", "84, STABLE", "84.9, STABLE",
            "85, HEALTHY", "85.0, HEALTHY", "100, HEALTHY"})
    void bandsOfPublishedScores(double score, Band band) {
        assertThat(Band.of(score)).isEqualTo(band);
    }

    /** The band is decided on the score as published (one decimal, half-up), not on the exact sum. */
    @ParameterizedTest(name = "exact {0} is published as {1} and is {2}")
    @CsvSource({
            "49.94, 49.9, CRITICAL", "49.95, 50.0, AT_RISK", "49.96, 50.0, AT_RISK",
            "69.94, 69.9, AT_RISK", "69.95, 70.0, STABLE", "69.96, 70.0, STABLE",
            "84.94, 84.9, STABLE", "84.95, 85.0, HEALTHY", "84.96, 85.0, HEALTHY",
            "49, 49.0, CRITICAL", "50, 50.0, AT_RISK", "69, 69.0, AT_RISK", "70, 70.0, STABLE",
            "84, 84.0, STABLE", "85, 85.0, HEALTHY"})
    void bandFollowsTheRoundedScore(double exact, double published, Band band) {
        HealthScore score = HealthScorer.score(TestModels.identity(), LifecycleStage.MATURE, Map.of("x", exact));

        assertThat(score.score()).isEqualTo(published);
        assertThat(score.band()).isEqualTo(band);
    }

    @ParameterizedTest
    @CsvSource({"CRITICAL, true", "AT_RISK, true", "STABLE, false", "HEALTHY, false"})
    void atRiskAndCriticalAreChurnWarnings(Band band, boolean warning) {
        assertThat(band.isChurnWarning()).isEqualTo(warning);
    }
}
