package io.rhythm.planning.readiness.domain;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MaturityTest {

    @Test
    void theSeedsBoundaries() {
        assertThat(Maturity.of(new BigDecimal("1.0"))).isEqualTo(Maturity.INITIAL);
        assertThat(Maturity.of(new BigDecimal("1.9"))).isEqualTo(Maturity.INITIAL);
        assertThat(Maturity.of(new BigDecimal("2.0"))).isEqualTo(Maturity.DEVELOPING);
        assertThat(Maturity.of(new BigDecimal("2.9"))).isEqualTo(Maturity.DEVELOPING);
        assertThat(Maturity.of(new BigDecimal("3.0"))).isEqualTo(Maturity.DEFINED);
        assertThat(Maturity.of(new BigDecimal("3.9"))).isEqualTo(Maturity.DEFINED);
        assertThat(Maturity.of(new BigDecimal("4.0"))).isEqualTo(Maturity.MANAGED);
        assertThat(Maturity.of(new BigDecimal("4.9"))).isEqualTo(Maturity.MANAGED);
        assertThat(Maturity.of(new BigDecimal("5.0"))).isEqualTo(Maturity.OPTIMIZED);
        assertThatThrownBy(() -> Maturity.of(new BigDecimal("0.9"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMeanIsRoundedHalfUpToOneDecimalBeforeItIsMapped() {
        assertThat(Maturity.ofMean(1.94)).isEqualTo(Maturity.INITIAL);
        assertThat(Maturity.ofMean(1.95)).isEqualTo(Maturity.DEVELOPING);
        assertThat(Maturity.ofMean(4.96)).isEqualTo(Maturity.OPTIMIZED);
        assertThat(Maturity.ofMean(3.0833)).isEqualTo(Maturity.DEFINED); // the seed example's 3.1 (Defined)
        assertThat(Maturity.round(18.0 / 6)).isEqualByComparingTo("3.0");
    }

    @Test
    void levelsDimensionsAndCriteriaAreTheSeedsWords() throws IOException {
        String seed;
        try (InputStream in = MaturityTest.class.getResourceAsStream("/seeds/004_readiness_assessment.md")) {
            seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Maturity level : Maturity.values()) {
            assertThat(seed).contains(": " + level.label() + " (" + level.meaning() + ")");
        }
        assertThat(Framework.DIMENSIONS).hasSize(6);
        for (Framework.Dimension d : Framework.DIMENSIONS) {
            assertThat(seed).contains("**" + d.number() + ") " + d.name().toUpperCase() + "**");
            assertThat(d.criteria()).hasSize(4);
            d.criteria().forEach(c -> assertThat(seed).contains("- " + c.text() + "\n"));
        }
        Framework.DELIVERABLES.forEach(name -> assertThat(seed.toUpperCase()).contains(name.toUpperCase()));
    }

    @Test
    void sharesMapToScoresAsTheSeedsExample() {
        assertThat(Framework.scoreForShare(50)).isEqualTo(3);
        assertThat(Framework.scoreForShare(92)).isEqualTo(4);
        assertThat(Framework.scoreForShare(100)).isEqualTo(5);
        assertThat(Framework.scoreForShare(24.9)).isEqualTo(1);
        assertThat(Framework.scoreForShare(25)).isEqualTo(2);
    }
}
