package io.rhythm.demo;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Activity Register right after a demo load: every client counts as in its segment from the Segmentation Model
 * Review's 12 June 2026 ({@link DemoSegmentsLoader#REVIEW_FINALISED}, the activation's date), SA Health from the
 * AVP's override (Nurture, same day). The register's rule (README "Segments"): an activity with a cadence of m months
 * is due m calendar months after the later of the last held one and the segment entry; OVERDUE after the due date,
 * DUE_SOON from 14 days before it, COMPLIANT earlier, "As needed" not required. Cadences: segmentation model v1
 * (seed 000's Activity Register table). Clients whose segment depends on where health-service puts the score within
 * its band are left out (see {@link DemoSegmentsTest}).
 */
class DemoRegisterTest {

    /** Months per activity type (partnership meeting, service review, health check, QBR, executive engagement); 0 = as needed. */
    private static final Map<String, int[]> CADENCES = Map.of(
            "MAINTAIN", new int[]{1, 1, 3, 3, 0},
            "LEVERAGE", new int[]{3, 3, 6, 3, 6},
            "NURTURE", new int[]{1, 1, 3, 3, 3},
            "COLLABORATE", new int[]{3, 3, 6, 3, 6},
            "SLEEPING_GIANTS", new int[]{1, 1, 3, 3, 3},
            "GIANTS", new int[]{3, 3, 6, 3, 3});
    private static final List<DemoEngagements.Type> ORDER = List.of(DemoEngagements.Type.PARTNERSHIP_MEETING,
            DemoEngagements.Type.SERVICE_REVIEW, DemoEngagements.Type.HEALTH_CHECK, DemoEngagements.Type.QBR,
            DemoEngagements.Type.EXECUTIVE_ENGAGEMENT);

    @Test
    void onTheLoadDayEveryCseHasCompliantAndOverdueItemsAndThePortfolioDueSoonOnes() {
        for (LocalDate today : List.of(LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 7), LocalDate.of(2027, 1, 15))) {
            Map<String, Map<String, Integer>> byCse = register(today);
            assertThat(byCse.keySet()).as("on %s: %s", today, byCse).containsExactlyInAnyOrder("cse", "cse2", "cse3");
            assertThat(byCse.values()).as("on %s: %s", today, byCse).allSatisfy(counts -> {
                assertThat(counts.getOrDefault("COMPLIANT", 0)).isPositive();
                assertThat(counts.getOrDefault("OVERDUE", 0)).isPositive();
            });
            assertThat(byCse.values().stream().mapToInt(c -> c.getOrDefault("DUE_SOON", 0)).sum()).as("on %s: %s", today, byCse)
                    .isPositive();
            // a mix, not a wall of red: most items are met
            int compliant = byCse.values().stream().mapToInt(c -> c.getOrDefault("COMPLIANT", 0) + c.getOrDefault("DUE_SOON", 0)).sum();
            int overdue = byCse.values().stream().mapToInt(c -> c.getOrDefault("OVERDUE", 0)).sum();
            assertThat(compliant).as("on %s: %s", today, byCse).isGreaterThan(overdue);
        }
    }

    @Test
    void withoutTheReviewsDateTheClientsSegmentedOnTheLoadDayWouldShowNothingDue() {
        LocalDate today = LocalDate.of(2026, 12, 7);
        // the same rule with the segment entered on the load day: nothing can be overdue yet
        assertThat(status(1, today.minusMonths(3), today, today)).isEqualTo("COMPLIANT");
        assertThat(status(1, today.minusMonths(3), DemoSegmentsLoader.REVIEW_FINALISED, today)).isEqualTo("OVERDUE");
        assertThat(status(3, LocalDate.of(2026, 9, 1), DemoSegmentsLoader.REVIEW_FINALISED, today)).isEqualTo("OVERDUE");
        assertThat(status(3, LocalDate.of(2026, 9, 21), DemoSegmentsLoader.REVIEW_FINALISED, today)).isEqualTo("DUE_SOON");
    }

    /** CSE → status → item count on {@code today}, for a load on {@code today}. */
    private static Map<String, Map<String, Integer>> register(LocalDate today) {
        DemoPortfolio.Portfolio portfolio = DemoPortfolio.generate(DemoLoader.DEFAULT_SEED, today);
        List<DemoEngagements.Activity> activities = DemoEngagements.activities(portfolio, today);
        List<DemoNps.Answer> answers = new ArrayList<>(DemoNps.q2(portfolio));
        answers.addAll(DemoNps.q4(portfolio));
        Map<String, List<Integer>> scores = answers.stream().collect(Collectors.groupingBy(DemoNps.Answer::clientKey,
                Collectors.mapping(DemoNps.Answer::score, Collectors.toList())));
        Map<String, Map<String, Integer>> byCse = new TreeMap<>();
        for (DemoPortfolio.Client client : portfolio.clients()) {
            String segment = "sa-health".equals(client.key()) ? DemoSegmentsLoader.OVERRIDE_SEGMENT : null;
            Set<String> possible = DemoSegmentsTest.possibleSegments(client, scores.getOrDefault(client.key(), List.of()));
            if (segment == null && possible.size() == 1) {
                segment = possible.iterator().next();
            }
            if (segment == null) {
                continue;
            }
            int[] months = CADENCES.get(segment);
            for (int t = 0; t < ORDER.size(); t++) {
                if (months[t] == 0) {
                    continue;
                }
                DemoEngagements.Type type = ORDER.get(t);
                LocalDate last = activities.stream().filter(a -> a.held() && a.clientKey().equals(client.key()) && a.type() == type)
                        .map(DemoEngagements.Activity::day).max(LocalDate::compareTo).orElse(null);
                byCse.computeIfAbsent(client.ownerCse(), k -> new TreeMap<>())
                        .merge(status(months[t], last, DemoSegmentsLoader.REVIEW_FINALISED, today), 1, Integer::sum);
            }
        }
        return byCse;
    }

    private static String status(int months, LocalDate lastHeld, LocalDate entered, LocalDate today) {
        LocalDate anchor = lastHeld == null || lastHeld.isBefore(entered) ? entered : lastHeld;
        LocalDate due = anchor.plusMonths(months);
        return today.isAfter(due) ? "OVERDUE" : today.isBefore(due.minusDays(14)) ? "COMPLIANT" : "DUE_SOON";
    }
}
