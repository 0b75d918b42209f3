package io.rhythm.nps.domain.operations;

import io.rhythm.nps.domain.analytics.Population;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CycleFiguresTest {

    @Test
    void theSeedsSaHealthVolatilityAtTheClose() {
        // 10 answers averaging 6.1, range 1–9 (seed 000: "SA Health: 6.1 avg (range 1-9)"), 2 promoters, 3 passives, 5 detractors
        List<Integer> scores = List.of(1, 4, 5, 6, 6, 7, 7, 8, 9, 9);
        var themes = List.of(new TopThemes.Ranked("PRODUCT_PERCEPTION", "Product perception", 4, 40.0));
        CycleFigures f = CycleFigures.of(scores, new Population(20, 10, 20), 10, themes);
        assertThat(f.responses()).isEqualTo(10);
        assertThat(f.average()).isEqualTo(6.2);
        CycleFigures seed = CycleFigures.of(List.of(1, 4, 5, 6, 6, 7, 7, 8, 8, 9), new Population(20, 10, 20), 10, themes);
        assertThat(seed.average()).isEqualTo(6.1);
        assertThat(seed.min()).isEqualTo(1);
        assertThat(seed.max()).isEqualTo(9);
        assertThat(seed.promoters()).isEqualTo(1);
        assertThat(seed.passives()).isEqualTo(4);
        assertThat(seed.detractors()).isEqualTo(5);
        assertThat(seed.nps()).isEqualTo(-40.0);
        assertThat(seed.npsRounded()).isEqualTo(-40);
        assertThat(seed.standardDeviation()).isEqualTo(2.33);
        assertThat(seed.ciLower()).isLessThan(-40.0);
        assertThat(seed.ciUpper()).isGreaterThan(-40.0);
        assertThat(seed.ciLevel()).isEqualTo(0.95);
        assertThat(seed.smallSample()).isTrue();
        assertThat(seed.responseRatePercent()).isEqualTo(50.0);
        assertThat(seed.targetPercent()).isEqualTo(40);
        assertThat(seed.targetMet()).isTrue();
        assertThat(seed.topThemes()).isEqualTo(themes);
    }

    @Test
    void theResponseRateCountsAnsweredInvitationsAgainstTheFortyPercentTarget() {
        CycleFigures f = CycleFigures.of(List.of(10, 9, 3), new Population(8, 2, 8), 2, List.of()); // one imported answer from someone not invited
        assertThat(f.responses()).isEqualTo(3);
        assertThat(f.responseRatePercent()).isEqualTo(25.0);
        assertThat(f.targetMet()).isFalse();
        assertThat(f.responsesNeeded()).isEqualTo(2); // 4 of 8 = 50 % > 40 %
        assertThat(f.nps()).isEqualTo(33.3);
        assertThat(f.npsRounded()).isEqualTo(33);
    }

    @Test
    void exactlyFortyPercentDoesNotMeetTheTarget() {
        assertThat(CycleFigures.of(List.of(9, 9), new Population(5, 2, 5), 2, List.of()).targetMet()).isFalse();
    }

    @Test
    void noResponsesMeansNoNpsRatherThanZero() {
        CycleFigures f = CycleFigures.of(List.of(), new Population(4, 0, 4), 0, List.of());
        assertThat(f.responses()).isZero();
        assertThat(f.nps()).isNull();
        assertThat(f.npsRounded()).isNull();
        assertThat(f.ciLower()).isNull();
        assertThat(f.average()).isNull();
        assertThat(f.min()).isNull();
        assertThat(f.max()).isNull();
        assertThat(f.standardDeviation()).isNull();
        assertThat(f.responseRatePercent()).isZero();
        assertThat(f.smallSample()).isTrue();
        assertThat(CycleFigures.of(List.of(), new Population(0, 0, 0), 0, List.of()).targetMet()).isFalse();
    }

    @Test
    void aCycleRunInHubSpotHasItsRateFromTheFrozenListWithoutAnyInvitation() {
        CycleFigures f = CycleFigures.of(List.of(10, 9, 3, 7, 8), Population.of(10, 5), 0, List.of());
        assertThat(f.invited()).isZero();
        assertThat(f.eligible()).isEqualTo(10);
        assertThat(f.eligibleResponded()).isEqualTo(5);
        assertThat(f.responseRatePercent()).isEqualTo(50.0);
        assertThat(f.targetMet()).isTrue();
    }
}
