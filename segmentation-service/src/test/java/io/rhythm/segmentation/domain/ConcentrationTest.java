package io.rhythm.segmentation.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ConcentrationTest {

    private static Concentration.Holding h(String name, String segment, String revenue) {
        return new Concentration.Holding(UUID.nameUUIDFromBytes(name.getBytes()), name, segment,
                revenue == null ? null : new BigDecimal(revenue));
    }

    @Test
    void sharesTopNAndHhiAreExactDecimalsRoundedOnce() {
        // 2.1M of 10M = 21 %; the four largest = 8M = 80 %
        List<Concentration.Holding> portfolio = List.of(h("SA Health", "SLEEPING_GIANTS", "2100000.00"),
                h("WA Health", "GIANTS", "2000000.00"), h("GHA", "COLLABORATE", "1950000.00"),
                h("Sunrise", "NURTURE", "1950000.00"), h("Small A", "LEVERAGE", "1000000.00"),
                h("Small B", "MAINTAIN", "1000000.00"), h("No revenue", "MAINTAIN", null));
        Concentration.Result r = Concentration.of(portfolio, 4, List.of("MAINTAIN", "LEVERAGE", "NURTURE", "COLLABORATE",
                "SLEEPING_GIANTS", "GIANTS", "UNASSIGNED"));
        assertThat(r.total()).isEqualByComparingTo("10000000");
        assertThat(r.clients()).isEqualTo(6);
        assertThat(r.topSharePercent()).isEqualByComparingTo("80.00");
        assertThat(r.topShare()).isEqualByComparingTo("0.8000");
        assertThat(r.largestSharePercent()).isEqualByComparingTo("21.00");
        assertThat(r.ranked().get(0).name()).isEqualTo("SA Health");
        assertThat(r.ranked().get(2).name()).isEqualTo("GHA"); // tie on revenue: by name
        assertThat(r.ranked().get(3).cumulativeSharePercent()).isEqualByComparingTo("80.00");
        // HHI = 0.21² + 0.2² + 2 × 0.195² + 2 × 0.1² = 0.0441 + 0.04 + 0.07605 + 0.02 = 0.18015
        assertThat(r.hhi()).isEqualByComparingTo("0.1802");
        assertThat(r.hhiPoints()).isEqualByComparingTo("1801.50");
        assertThat(r.bySegment()).filteredOn(s -> s.segment().equals("MAINTAIN")).singleElement()
                .satisfies(s -> {
                    assertThat(s.clients()).isEqualTo(1);
                    assertThat(s.sharePercent()).isEqualByComparingTo("10.00");
                });
    }

    @Test
    void thirdsRoundOnceAtTheEnd() {
        Concentration.Result r = Concentration.of(List.of(h("A", "GIANTS", "1.00"), h("B", "GIANTS", "1.00"),
                h("C", "GIANTS", "1.00")), 2, List.of("GIANTS"));
        assertThat(r.topSharePercent()).isEqualByComparingTo("66.67"); // not 33.33 + 33.33
        assertThat(r.ranked().get(2).cumulativeSharePercent()).isEqualByComparingTo("100.00");
        assertThat(r.hhiPoints()).isEqualByComparingTo("3333.33");
    }

    @Test
    void anEmptyPortfolioHasZeroShares() {
        Concentration.Result r = Concentration.of(List.of(), 4, List.of());
        assertThat(r.total()).isEqualByComparingTo("0");
        assertThat(r.topSharePercent()).isEqualByComparingTo("0");
        assertThat(r.hhi()).isEqualByComparingTo("0");
    }
}
