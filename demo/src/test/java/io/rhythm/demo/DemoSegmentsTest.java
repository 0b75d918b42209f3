package io.rhythm.demo;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's inputs put a client in each of the six segments by segmentation-service's default model (version 1,
 * V2__segment_model_assignments_register.sql; README "Segments"): satisfaction = 0.6 × mean NPS answer × 10 + 0.4 ×
 * health score (health alone without answers), bands LOW [0, 60), MODERATE [60, 75), HIGH [75, ∞); spend = annual
 * maintenance revenue, LOW [0, 250k), MODERATE [250k, 1M), HIGH [1M, ∞). The health score is computed by
 * health-service from the signals, so offline it is known only as the band the client's signals aim at (Critical
 * [0, 50), At-Risk [50, 70), Stable [70, 85), Healthy [85, 100]): a client counts for a segment here only when every
 * score of its band puts it there.
 */
class DemoSegmentsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    enum Band { LOW, MODERATE, HIGH }

    private static final Map<Band, Map<Band, String>> GRID = Map.of( // satisfaction → spend → segment
            Band.LOW, Map.of(Band.LOW, "MAINTAIN", Band.MODERATE, "NURTURE", Band.HIGH, "NURTURE"),
            Band.MODERATE, Map.of(Band.LOW, "MAINTAIN", Band.MODERATE, "SLEEPING_GIANTS", Band.HIGH, "SLEEPING_GIANTS"),
            Band.HIGH, Map.of(Band.LOW, "LEVERAGE", Band.MODERATE, "COLLABORATE", Band.HIGH, "GIANTS"));

    @Test
    void everySegmentHasAClientWhateverTheHealthScoreWithinItsBand() {
        DemoPortfolio.Portfolio portfolio = DemoPortfolio.generate(DemoLoader.DEFAULT_SEED, TODAY);
        List<DemoNps.Answer> answers = new ArrayList<>(DemoNps.q2(portfolio));
        answers.addAll(DemoNps.q4(portfolio));
        Map<String, List<Integer>> scores = answers.stream().collect(Collectors.groupingBy(DemoNps.Answer::clientKey,
                Collectors.mapping(DemoNps.Answer::score, Collectors.toList())));
        Map<String, String> certain = new java.util.TreeMap<>();
        for (DemoPortfolio.Client client : portfolio.clients()) {
            Set<String> possible = possibleSegments(client, scores.getOrDefault(client.key(), List.of()));
            if (possible.size() == 1) {
                certain.put(client.key(), possible.iterator().next());
            }
        }
        assertThat(Set.copyOf(certain.values())).as("segments certain by the model's rules: %s", certain)
                .containsExactlyInAnyOrderElementsOf(DemoSegmentsLoader.SEGMENTS);
        assertThat(certain).containsEntry("wa-health", "SLEEPING_GIANTS").containsEntry("gha", "GIANTS")
                .containsEntry("sunrise", "NURTURE");
    }

    @Test
    void theRulesHereFollowTheModelsBoundaries() {
        assertThat(satisfaction(59.99)).isEqualTo(Band.LOW);
        assertThat(satisfaction(60)).isEqualTo(Band.MODERATE);
        assertThat(satisfaction(75)).isEqualTo(Band.HIGH);
        assertThat(spend(new BigDecimal("249999.99"))).isEqualTo(Band.LOW);
        assertThat(spend(new BigDecimal("250000.00"))).isEqualTo(Band.MODERATE);
        assertThat(spend(new BigDecimal("1000000.00"))).isEqualTo(Band.HIGH);
        // WA Health: mean 6.0 → 36 + 0.4 × health; Stable [70, 85) gives [64, 70): moderate
        assertThat(possibleSegments(new DemoPortfolio.Client("x", "X", "Health", "cse", "cam", "Strategic", "MATURE", TODAY,
                new BigDecimal("8100000.00"), DemoPortfolio.Profile.STABLE), List.of(5, 6, 6, 6, 7))).containsExactly("SLEEPING_GIANTS");
    }

    static Set<String> possibleSegments(DemoPortfolio.Client client, List<Integer> answers) {
        double[] health = switch (client.profile()) {
            case CRITICAL -> new double[]{0, 49.9};
            case AT_RISK -> new double[]{50, 69.9};
            case STABLE -> new double[]{70, 84.9};
            case HEALTHY -> new double[]{85, 100};
        };
        Set<String> segments = new TreeSet<>();
        for (double h = health[0]; h <= health[1] + 1e-9; h += 0.1) {
            double value = answers.isEmpty() ? h
                    : 0.6 * answers.stream().mapToInt(Integer::intValue).average().orElseThrow() * 10 + 0.4 * h;
            segments.add(GRID.get(satisfaction(value)).get(spend(client.maintenanceRevenue())));
        }
        return segments;
    }

    private static Band satisfaction(double value) {
        return value < 60 ? Band.LOW : value < 75 ? Band.MODERATE : Band.HIGH;
    }

    private static Band spend(BigDecimal revenue) {
        return revenue.compareTo(new BigDecimal("250000")) < 0 ? Band.LOW
                : revenue.compareTo(new BigDecimal("1000000")) < 0 ? Band.MODERATE : Band.HIGH;
    }

}
