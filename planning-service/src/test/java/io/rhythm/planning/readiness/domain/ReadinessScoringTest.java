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
                plans, contacts, Math.min(contacts, 1), qbrs, checks, 0, plans > 0 && qbrs > 0 ? 1 : 0);
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
        assertThat(p.get("3.1").score()).isNull();
        assertThat(p.get("1.3").evidence()).contains("no data");
    }

    @Test
    void withoutClientsEverythingIsUnassessed() {
        assertThat(ReadinessScoring.propose(List.of(), new ReadinessScoring.IssueFigures(0, 0, 0, 0), AS_OF))
                .allMatch(p -> p.score() == null && p.evidence().equals("no clients in scope"));
    }
}
