package io.rhythm.health.domain.scoring;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NormalisationTest {

    @Test
    void linearBetweenWorstAndBest() {
        Normalisation activeUsers = new Normalisation(20, 80);

        assertThat(activeUsers.normalise(20)).isEqualTo(0.0);
        assertThat(activeUsers.normalise(50)).isCloseTo(50.0, within(1e-9));
        assertThat(activeUsers.normalise(80)).isEqualTo(100.0);
        assertThat(activeUsers.lowerIsBetter()).isFalse();
    }

    @Test
    void clampedOutsideTheRange() {
        Normalisation activeUsers = new Normalisation(20, 80);

        assertThat(activeUsers.normalise(5)).isEqualTo(0.0);
        assertThat(activeUsers.normalise(120)).isEqualTo(100.0);
    }

    @Test
    void lowerIsBetterWhenWorstIsAboveBest() {
        Normalisation urgentTickets = new Normalisation(2, 0);

        assertThat(urgentTickets.lowerIsBetter()).isTrue();
        assertThat(urgentTickets.normalise(0)).isEqualTo(100.0);
        assertThat(urgentTickets.normalise(1)).isEqualTo(50.0);
        assertThat(urgentTickets.normalise(2)).isEqualTo(0.0);
        assertThat(urgentTickets.normalise(7)).isEqualTo(0.0);
        assertThat(urgentTickets.normalise(-1)).isEqualTo(100.0);
    }
}
