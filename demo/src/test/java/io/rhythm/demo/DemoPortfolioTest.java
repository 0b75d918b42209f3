package io.rhythm.demo;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DemoPortfolioTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void theSameSeedGivesTheSamePortfolio() {
        assertThat(DemoPortfolio.generate(7, TODAY)).isEqualTo(DemoPortfolio.generate(7, TODAY));
        assertThat(DemoPortfolio.generate(7, TODAY)).isNotEqualTo(DemoPortfolio.generate(8, TODAY));
    }

    @Test
    void revenueIsConcentratedAsSeed000Says() {
        DemoPortfolio.Portfolio portfolio = DemoPortfolio.generate(DemoLoader.DEFAULT_SEED, TODAY);
        assertThat(portfolio.clients()).hasSize(25);
        BigDecimal total = portfolio.totalRevenue();
        BigDecimal topFour = portfolio.clients().stream().map(DemoPortfolio.Client::maintenanceRevenue)
                .sorted(Comparator.reverseOrder()).limit(4).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(share(topFour, total)).isBetween(new BigDecimal("0.78"), new BigDecimal("0.82"));
        BigDecimal saHealth = portfolio.clients().stream().filter(c -> c.name().equals("SA Health")).findFirst().orElseThrow()
                .maintenanceRevenue();
        assertThat(share(saHealth, total)).isEqualByComparingTo("0.21");
        assertThat(portfolio.clients()).extracting(DemoPortfolio.Client::name).doesNotHaveDuplicates()
                .contains("SA Health", "WA Health", "GHA", "Sunrise");
    }

    @Test
    void everyBandSeveralOwnersAndRenewalsWithinEighteenMonths() {
        DemoPortfolio.Portfolio portfolio = DemoPortfolio.generate(DemoLoader.DEFAULT_SEED, TODAY);
        assertThat(portfolio.clients().stream().map(DemoPortfolio.Client::profile).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(DemoPortfolio.Profile.class));
        Set<String> cses = portfolio.clients().stream().map(DemoPortfolio.Client::ownerCse).collect(Collectors.toSet());
        Set<String> cams = portfolio.clients().stream().map(DemoPortfolio.Client::ownerCam).collect(Collectors.toSet());
        assertThat(cses).containsExactlyInAnyOrder("cse", "cse2", "cse3");
        assertThat(cams).containsExactlyInAnyOrder("cam", "cam2");
        assertThat(portfolio.clients()).allSatisfy(c -> assertThat(c.renewalDate()).isAfter(TODAY).isBeforeOrEqualTo(TODAY.plusMonths(18)));
    }

    @Test
    void signalsCoverThreeMonthsAndContactsIncludeProblemsForTheRecipientCheck() {
        DemoPortfolio.Portfolio portfolio = DemoPortfolio.generate(DemoLoader.DEFAULT_SEED, TODAY);
        assertThat(portfolio.signals()).extracting(DemoPortfolio.Signal::monthsAgo).containsOnly(0, 1, 2);
        assertThat(portfolio.signals()).hasSize(25 * 3 * 14);
        assertThat(portfolio.signals()).allSatisfy(s -> assertThat(s.value()).isBetween(0.0, 100.0));
        assertThat(portfolio.signals()).filteredOn(s -> s.clientKey().equals("sa-health")
                && s.metric().equals("relational.latest_nps_score") && s.monthsAgo() == 0)
                .singleElement().satisfies(s -> assertThat(s.value()).isBetween(6.0, 7.2));
        assertThat(portfolio.contacts()).anySatisfy(c -> assertThat(c.email()).isNull());
        assertThat(portfolio.contacts()).anySatisfy(c -> assertThat(c.subscribed()).isFalse());
        assertThat(portfolio.contacts().stream().map(DemoPortfolio.Contact::email).filter(e -> e != null))
                .doesNotHaveDuplicates();
    }

    @Test
    void everyClientIsACustomerOfMoreThanNinetyDaysWhenTheQ4ListsAreBuilt() {
        DemoPortfolio.Portfolio portfolio = DemoPortfolio.generate(DemoLoader.DEFAULT_SEED, TODAY);
        for (DemoPortfolio.Client client : portfolio.clients()) {
            assertThat(DemoPortfolio.customerSince(client)).isBefore(LocalDate.of(2026, 10, 1).minusDays(90))
                    .isEqualTo(DemoPortfolio.customerSince(client));
        }
        assertThat(portfolio.clients().stream().map(DemoPortfolio::customerSince).distinct().count()).isGreaterThan(5);
    }

    @Test
    void aLargerPortfolioForBenchmarksKeepsTheSameShape() {
        DemoPortfolio.Portfolio large = DemoPortfolio.generate(1, TODAY, 996);
        assertThat(large.clients()).hasSize(1000);
        assertThat(large.clients()).extracting(DemoPortfolio.Client::key).doesNotHaveDuplicates();
    }

    @Test
    void splitsAddUpExactly() {
        var shares = DemoPortfolio.split(new BigDecimal("6500000"), 21, new Random(3));
        assertThat(shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("6500000.00");
        assertThat(shares).allSatisfy(s -> assertThat(s).isPositive());
    }

    private static BigDecimal share(BigDecimal part, BigDecimal total) {
        return part.divide(total, 2, RoundingMode.HALF_EVEN);
    }
    @Test
    void billingInvoicesGiveTheSameFinancialInputsAsTheSignalsWithAmounts() {
        DemoPortfolio.Portfolio portfolio = DemoPortfolio.generate(DemoLoader.DEFAULT_SEED, TODAY);
        var billing = DemoPortfolio.billing(portfolio, TODAY);
        assertThat(billing).extracting(DemoPortfolio.BillingEvent::eventId).doesNotHaveDuplicates();
        assertThat(billing).isEqualTo(DemoPortfolio.billing(portfolio, TODAY));
        for (DemoPortfolio.Client client : portfolio.clients()) {
            var issued = billing.stream().filter(e -> e.clientKey().equals(client.key()) && e.type().equals("INVOICE_ISSUED")).toList();
            var overdue = issued.stream().filter(e -> TODAY.isAfter(e.dueDate())).toList();
            long oldest = overdue.stream().mapToLong(e -> java.time.temporal.ChronoUnit.DAYS.between(e.dueDate(), TODAY)).max().orElse(0);
            long failures = billing.stream().filter(e -> e.clientKey().equals(client.key()) && e.type().equals("PAYMENT_FAILED")).count();
            long disputes = billing.stream().filter(e -> e.clientKey().equals(client.key()) && e.type().equals("DISPUTE_OPENED")).count();
            if (issued.isEmpty()) {
                assertThat(client.profile()).isIn(DemoPortfolio.Profile.HEALTHY, DemoPortfolio.Profile.STABLE);
                continue;
            }
            // the inputs health derives from the invoices are the month-0 signals
            assertThat((double) overdue.size()).as(client.name()).isEqualTo(signal(portfolio, client, "financial.overdue_invoices"));
            assertThat((double) oldest).as(client.name()).isEqualTo(signal(portfolio, client, "financial.aged_receivables_days"));
            assertThat((double) failures).isEqualTo(signal(portfolio, client, "financial.payment_failures_90_days"));
            assertThat((double) disputes).isEqualTo(signal(portfolio, client, "financial.open_billing_disputes"));
            // each a quarter of the maintenance revenue, a decimal string with two decimals, AUD
            assertThat(issued).allSatisfy(e -> {
                assertThat(new BigDecimal(e.amount()).multiply(BigDecimal.valueOf(4)))
                        .isCloseTo(client.maintenanceRevenue(), org.assertj.core.data.Offset.offset(new BigDecimal("0.04")));
                assertThat(e.amount()).matches("\\d+\\.\\d{2}");
                assertThat(e.currency()).isEqualTo("AUD");
            });
            assertThat(issued).anySatisfy(e -> assertThat(e.dueDate()).isAfter(TODAY)); // a CURRENT one too
        }
        assertThat(billing).extracting(DemoPortfolio.BillingEvent::type).contains("INVOICE_ISSUED", "PAYMENT_FAILED", "DISPUTE_OPENED");
    }

    private static double signal(DemoPortfolio.Portfolio portfolio, DemoPortfolio.Client client, String metric) {
        return portfolio.signals().stream().filter(s -> s.clientKey().equals(client.key()) && s.metric().equals(metric)
                && s.monthsAgo() == 0).findFirst().orElseThrow().value();
    }
}
