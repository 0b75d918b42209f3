package io.rhythm.nps.domain.analytics;

import io.rhythm.nps.domain.analytics.Breakdowns.Answer;
import io.rhythm.nps.domain.analytics.Breakdowns.Figures;
import io.rhythm.nps.domain.analytics.Breakdowns.GroupKey;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BreakdownsTest {

    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();
    private static final UUID C = UUID.randomUUID();
    private static final BigDecimal A_ARR = new BigDecimal("300000");
    private static final BigDecimal B_ARR = new BigDecimal("100000");

    private static final List<Answer> ANSWERS = List.of(
            new Answer(A, 10, A_ARR), new Answer(A, 9, A_ARR), new Answer(A, 6, A_ARR),
            new Answer(B, 3, B_ARR), new Answer(B, 7, B_ARR));

    @Test
    void groupsClientsAndComputesCountsSpreadRateAndWeightedNps() {
        Map<UUID, GroupKey> units = Map.of(A, new GroupKey("X", "X"), B, new GroupKey("Y", "Y"));
        List<Figures> groups = Breakdowns.group(ANSWERS, Map.of(A, Population.of(5, 3), B, Population.of(4, 2)), c -> Optional.ofNullable(units.get(c)));

        assertThat(groups).extracting(Figures::key).containsExactly("X", "Y");
        Figures x = groups.get(0);
        assertThat(x.summary().count()).isEqualTo(3);
        assertThat(x.summary().promoters()).isEqualTo(2);
        assertThat(x.summary().detractors()).isEqualTo(1);
        assertThat(x.summary().npsRounded()).isEqualTo(33);
        assertThat(x.responseRate().percent()).isEqualTo(60.0);
        assertThat(x.responseRate().targetMet()).isTrue();
        Figures y = groups.get(1);
        assertThat(y.summary().npsRounded()).isEqualTo(-50);
        assertThat(y.summary().min()).isEqualTo(3);
        assertThat(y.summary().max()).isEqualTo(7);
        assertThat(y.summary().standardDeviation()).isCloseTo(Math.sqrt(8), within(1e-9));
        assertThat(y.responseRate().targetMet()).isTrue(); // 2 of 4 = 50 %
    }

    @Test
    void oneGroupForEverythingHasTheSampleStandardDeviationAndTheWeightedNpsSeparately() {
        Figures all = Breakdowns.group(ANSWERS, Map.of(A, Population.of(5, 3), B, Population.of(4, 2)), c -> Optional.of(new GroupKey("all", "All"))).get(0);
        assertThat(all.summary().npsRounded()).isZero();            // 2 promoters, 1 passive, 2 detractors
        assertThat(all.summary().average()).isEqualTo(7.0);
        assertThat(all.summary().standardDeviation()).isCloseTo(Math.sqrt(7.5), within(1e-9)); // Σ(x-7)² = 30, n-1 = 4
        assertThat(all.responseRate().percent()).isCloseTo(55.56, within(0.01));
        assertThat(all.weighted().npsRounded()).isEqualTo(18);       // (600k - 400k) / 1.1M
        assertThat(all.weighted().unweighted().npsRounded()).isZero();
        assertThat(Breakdowns.total("t", "T", ANSWERS, Map.of(A, Population.of(5, 3), B, Population.of(4, 2))).summary()).isEqualTo(all.summary());
    }

    @Test
    void silentGroupsAreListedAndClientsWithoutAGroupLeftOut() {
        List<Figures> groups = Breakdowns.group(ANSWERS, Map.of(A, Population.of(5, 3), C, Population.of(3, 0)),
                c -> c.equals(B) ? Optional.empty() : Optional.of(new GroupKey(c.toString(), c.equals(A) ? "Alpha" : "Gamma")));
        assertThat(groups).extracting(Figures::name).containsExactly("Alpha", "Gamma");
        Figures silent = groups.get(1);
        assertThat(silent.summary().isEmpty()).isTrue();
        assertThat(silent.responseRate().percent()).isZero();
        assertThat(silent.weighted()).isNull();
    }

    @Test
    void withoutEligibleRecipientsThereIsNoRateAndWithoutWeightsNoWeightedNps() {
        Figures f = Breakdowns.total("k", "n", List.of(new Answer(A, 9, null), new Answer(A, 2, BigDecimal.ZERO)), Map.of());
        assertThat(f.responseRate()).isNull();
        assertThat(f.weighted()).isNull();
        assertThat(f.summary().npsRounded()).isZero();
    }

    @Test
    void theRateIsEligibleRespondentsOverEligibleWhateverTheNumberOfAnswers() {
        // 3 answers of A, but only 1 of them from an eligible contact on the frozen list (2 answered from outside it)
        Figures a = Breakdowns.total("a", "A", ANSWERS.subList(0, 3), Map.of(A, Population.of(5, 1)));
        assertThat(a.summary().count()).isEqualTo(3);
        assertThat(a.population().eligible()).isEqualTo(5);
        assertThat(a.population().responded()).isEqualTo(1);
        assertThat(a.responseRate().percent()).isEqualTo(20.0);
        assertThat(a.responseRate().targetMet()).isFalse();
        // imported answers: nobody invited by Rhythm, still a rate from the frozen list
        Figures imported = Breakdowns.total("a", "A", ANSWERS.subList(0, 3), Map.of(A, new Population(5, 3, 0)));
        assertThat(imported.responseRate().percent()).isEqualTo(60.0);
        assertThat(imported.responseRate().targetMet()).isTrue();
    }

    @Test
    void populationsAddUpAndNeverRespondMoreThanEligible() {
        assertThat(new Population(4, 2, 4).plus(new Population(6, 3, 0))).isEqualTo(new Population(10, 5, 4));
        assertThat(Population.NONE.responseRate()).isNull();
        assertThat(Population.of(10, 4).responseRate().targetMet()).isFalse(); // exactly 40 % is not > 40 %
        assertThat(Population.of(10, 5).responseRate().targetMet()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Population.of(2, 3)).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Population(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
