package io.rhythm.nps.domain.letters;

import org.junit.jupiter.api.Test;

import io.rhythm.nps.domain.analytics.Population;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TalkingPointsTest {

    /** {@code eligible} contacts on the client's frozen list; as many of them answered as there are scores (at most eligible). */
    private static ClientCycleData client(String name, String unit, List<Integer> scores, List<Integer> previous, int eligible,
                                          Map<String, Integer> themes) {
        return new ClientCycleData(UUID.randomUUID(), name, unit, scores, previous,
                new Population(eligible, Math.min(eligible, scores.size()), 0), themes);
    }

    @Test
    void aggregatesPerBusinessUnit() {
        List<BusinessUnitPoints> points = TalkingPoints.build("c", "NPS Q2 2026", List.of(
                client("SA Health", "Health", List.of(1, 9, 7, 8, 6, 5, 9, 3, 8, 5), List.of(9, 9, 10), 20,
                        Map.of("PRODUCT_PERCEPTION", 4, "SUPPORT_RESPONSIVENESS", 1)),
                client("Barwon", "Health", List.of(10, 9), List.of(6, 6), 4, Map.of("PRODUCT_PERCEPTION", 1, "TRAINING", 2)),
                client("Quiet", "Health", List.of(), List.of(), 5, Map.of()),
                client("Council", "Government", List.of(7), List.of(), 0, Map.of()),
                client("Nobody", null, List.of(0), List.of(), 1, Map.of())), code -> code.toLowerCase());

        assertThat(points).extracting(BusinessUnitPoints::businessUnit).containsExactly("(none)", "Government", "Health");
        BusinessUnitPoints health = points.get(2);
        assertThat(health.clients()).isEqualTo(2);
        assertThat(health.figures().responses()).isEqualTo(12);
        assertThat(health.figures().promoters()).isEqualTo(4);
        assertThat(health.figures().passives()).isEqualTo(3);
        assertThat(health.figures().detractors()).isEqualTo(5);
        assertThat(health.figures().nps()).isEqualTo(-8); // (4 - 5) / 12 = -8.3
        assertThat(health.figures().min()).isEqualTo(1);
        assertThat(health.figures().max()).isEqualTo(10);
        // 12 of 29 eligible (the silent client's list counts too: its 5 eligible contacts did not answer);
        // no Rhythm invitations — the rate does not depend on them (a HubSpot-delivered cycle)
        assertThat(health.eligible()).isEqualTo(29);
        assertThat(health.responded()).isEqualTo(12);
        assertThat(health.invited()).isZero();
        assertThat(health.responseRatePercent()).isEqualByComparingTo("41.4");
        assertThat(health.responseRateTargetMet()).isTrue();
        assertThat(health.topThemes()).extracting(ThemeCount::code).containsExactly("PRODUCT_PERCEPTION", "TRAINING", "SUPPORT_RESPONSIVENESS");
        assertThat(health.topThemes().get(0).count()).isEqualTo(5);
        // SA Health: 100 -> -30 (-130); Barwon: -100 -> 100 (+200): Barwon moved most
        assertThat(health.movers()).extracting(BusinessUnitPoints.Mover::clientName).containsExactly("Barwon", "SA Health");
        assertThat(health.movers().get(0).change()).isEqualTo(200);
        assertThat(health.movers().get(1).change()).isEqualTo(-130);
        assertThat(health.caveat()).contains("noisy");

        BusinessUnitPoints government = points.get(1);
        assertThat(government.responseRatePercent()).isNull();
        assertThat(government.responseRateTargetMet()).isNull();
        assertThat(government.movers()).isEmpty();
    }

    @Test
    void noAnswersNoTalkingPoints() {
        assertThat(TalkingPoints.build("c", "n", List.of(client("Quiet", "Health", List.of(), List.of(9), 3, Map.of())), c -> c))
                .isEmpty();
    }
}
