package io.rhythm.planning.readiness.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ReadinessScoringTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 4);

    private static ClientFacts client(String tier, String band, int plans, int contacts, int qbrs, int checks, LocalDate renewal) {
        return new ClientFacts("id-" + Math.random(), "c", tier, "cse", "cam", renewal, BigDecimal.TEN, "AUD", band, band == null ? null : 60.0,
                plans, contacts, Math.min(contacts, 1), qbrs, checks, 0, plans > 0 && qbrs > 0 ? 1 : 0, "MATURE", plans);
    }

    private static ClientFacts onboarding(String stage, String band, String ownerCam, int stakeholders, int engagementPlans) {
        return new ClientFacts("id-" + Math.random(), "c", "Growth", "cse", ownerCam, null, BigDecimal.TEN, "AUD", band,
                band == null ? null : 80.0, engagementPlans, stakeholders, stakeholders, 0, 0, 0, 0, stage, engagementPlans);
    }

    @Test
    void proposalsAreSharesOfClientsWithTheirEvidenceAndNoDataIsUnassessed() {
        List<ClientFacts> clients = List.of(
                client("Strategic", "AT_RISK", 1, 2, 1, 1, AS_OF.plusDays(10)),
                client("Growth", "HEALTHY", 1, 1, 0, 0, AS_OF.plusDays(100)),
                client(null, null, 0, 0, 0, 0, AS_OF.plusDays(20)),
                client("Standard", "CRITICAL", 0, 3, 1, 0, null));
        Map<String, Proposal> p = ReadinessScoring.propose(clients, new ReadinessScoring.IssueFigures(4, 3, 10, 9), AS_OF)
                .stream().collect(Collectors.toMap(Proposal::criterion, Function.identity()));
        assertThat(p).hasSize(24);
        assertThat(p.get("1.2")).isEqualTo(new Proposal("1.2", 3, 50.0, "2 of 4 clients have an account plan (50 %)"));
        assertThat(p.get("1.1").score()).isEqualTo(3);   // 75 %
        assertThat(p.get("2.4").score()).isEqualTo(3);   // 2 of 4 multi-threaded
        assertThat(p.get("4.1").measured()).isEqualTo(50.0);
        assertThat(p.get("5.1").score()).isEqualTo(3);   // 3 of 4 open issues owned: 75 %
        assertThat(p.get("5.2").score()).isEqualTo(4);   // 9 of 10 within SLA: 90 %
        assertThat(p.get("6.1").evidence()).startsWith("1 of 2 renewals in the next 90 days");
        assertThat(p.get("6.2").evidence()).startsWith("1 of 2 at-risk or critical clients");
        assertThat(p.get("6.3")).isEqualTo(new Proposal("6.3", 2, 25.0, "1 of 4 clients have an expansion play (upsell, "
                + "cross-sell, new module) open or won in their account plan (25 %)"));
        assertThat(p.get("3.1").score()).isNull();    // nobody onboarding: nothing to measure
        assertThat(p.get("3.1").evidence()).isEqualTo("nothing to measure yet: 0 onboarding in scope");
        assertThat(p.get("1.3").evidence()).contains("no data");
    }

    @Test
    void onboardingIsJudgedOnTheClientsInOnboardingOrAdoptionAndTimeToValueNeedsAPerson() {
        List<ClientFacts> clients = List.of(
                onboarding("ONBOARDING", "HEALTHY", "cam", 1, 1),
                onboarding("ONBOARDING", "AT_RISK", null, 2, 0),
                onboarding("ADOPTION", "STABLE", "cam", 0, 1),
                onboarding("ADOPTION", null, "cam", 1, 0),
                onboarding("MATURE", "CRITICAL", null, 0, 0)); // not onboarding: counts nowhere in dimension 3
        Map<String, Proposal> p = ReadinessScoring.propose(clients, new ReadinessScoring.IssueFigures(0, 0, 0, 0), AS_OF)
                .stream().collect(Collectors.toMap(Proposal::criterion, Function.identity()));
        assertThat(p.get("3.1")).isEqualTo(new Proposal("3.1", 3, 50.0, "2 of 4 onboarding clients (stage ONBOARDING or "
                + "ADOPTION) have an account plan with its engagement plan (milestones, timeline) written (50 %)"));
        assertThat(p.get("3.2").score()).isNull();
        assertThat(p.get("3.2").evidence()).contains("needs manual assessment").contains("time-to-value");
        assertThat(p.get("3.3")).extracting(Proposal::score, Proposal::measured).containsExactly(3, 50.0);
        assertThat(p.get("3.4")).extracting(Proposal::score, Proposal::measured).containsExactly(3, 50.0); // CSE+CAM+stakeholder
    }

    @Test
    void withoutClientsEverythingIsUnassessed() {
        assertThat(ReadinessScoring.propose(List.of(), new ReadinessScoring.IssueFigures(0, 0, 0, 0), AS_OF))
                .allMatch(p -> p.score() == null && p.evidence().equals("no clients in scope"));
    }
}
