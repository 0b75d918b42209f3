package io.rhythm.health.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rhythm.health.alerts.MutableClock;
import io.rhythm.platform.testing.RealInfrastructureResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rhythm.health.api.AlertTesting.send;
import static io.rhythm.health.api.AlertTesting.signal;
import static io.rhythm.health.api.SupportBillingEventsApiTest.billing;
import static io.rhythm.health.api.SupportBillingEventsApiTest.invoice;
import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Working Capital's aged receivables (per client and portfolio) and the health-decline early warning, over real data. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class WorkingCapitalApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Inject
    MutableClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    private static String client(String ownerCse) {
        return asIntegration().body(ClientApiTest.client("Receivables " + UUID.randomUUID(), ownerCse, "cam", "hs-" + UUID.randomUUID()))
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> issued(String clientId, String invoiceId, Object amount, String currency, LocalDate due) {
        return invoice(clientId, "INVOICE_ISSUED", invoiceId, TODAY.minusDays(250).atStartOfDay(ZoneOffset.UTC).toInstant(),
                "amount", amount, "currency", currency, "dueDate", due.toString());
    }

    @Test
    void aClientsInvoicesAreAgedInBucketsWithTheirAmountsPerCurrency() {
        String owner = "wc-" + UUID.randomUUID().toString().substring(0, 8);
        String clientId = client(owner);
        billing(List.of(
                issued(clientId, "A", "1000.50", "AUD", TODAY.plusDays(5)),      // current
                issued(clientId, "B", "2000.25", "AUD", TODAY.minusDays(10)),    // 1-30
                issued(clientId, "C", 300, "AUD", TODAY.minusDays(45)),          // 31-60 (a number is accepted too)
                issued(clientId, "D", "400.00", "AUD", TODAY.minusDays(100)),    // 90+
                issued(clientId, "E", "500.00", "AUD", TODAY.minusDays(70)),     // paid below
                issued(clientId, "F", "99.99", "NZD", TODAY.minusDays(200))))    // 90+, another currency
                .body("outcome", equalTo(List.of("ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED")));
        billing(List.of(invoice(clientId, "INVOICE_PAID", "E", Instant.now().minusSeconds(60))))
                .body("[0].outcome", equalTo("ACCEPTED"));
        // an amount with more than two decimals is refused, nothing stored
        billing(List.of(issued(clientId, "G", "1.234", "AUD", TODAY))).body("[0].outcome", equalTo("REJECTED"))
                .body("[0].errors[0].field", equalTo("amount"));

        as("cse").get("/api/v1/clients/" + clientId + "/receivables?asOf=" + TODAY).then().statusCode(404);
        JsonPath view = as("avp").get("/api/v1/clients/" + clientId + "/receivables?asOf=" + TODAY).then().statusCode(200).extract().jsonPath();
        assertThat(view.getList("byCurrency.currency")).containsExactly("AUD", "NZD");
        assertThat(view.getString("byCurrency[0].outstanding.amount")).isEqualTo("3700.75");
        assertThat(view.getString("byCurrency[0].outstanding.currency")).isEqualTo("AUD");
        assertThat(view.getString("byCurrency[0].overdue.amount")).isEqualTo("2700.25");
        assertThat(view.getInt("byCurrency[0].invoices")).isEqualTo(4);
        assertThat(view.getInt("byCurrency[0].overdueInvoices")).isEqualTo(3);
        assertThat(view.getInt("byCurrency[0].oldestDaysPastDue")).isEqualTo(100);
        assertThat(view.getList("byCurrency[0].buckets.bucket")).containsExactly("CURRENT", "1-30", "31-60", "61-90", "90+");
        assertThat(view.getList("byCurrency[0].buckets.amount.amount")).containsExactly("1000.50", "2000.25", "300.00", "0.00", "400.00");
        assertThat(view.getList("byCurrency[0].buckets.invoices")).containsExactly(1, 1, 1, 0, 1);
        assertThat(view.getString("byCurrency[1].buckets[4].amount.amount")).isEqualTo("99.99");

        // as of a day before the payment, E (then 61-90 days past due) was still owed
        JsonPath before = as("avp").get("/api/v1/clients/" + clientId + "/receivables?asOf=" + TODAY.minusDays(1))
                .then().statusCode(200).extract().jsonPath();
        assertThat(before.getString("byCurrency[0].buckets[3].amount.amount")).isEqualTo("500.00");
        assertThat(before.getString("byCurrency[0].outstanding.amount")).isEqualTo("4200.75");
        // before anything was issued: nothing
        as("avp").get("/api/v1/clients/" + clientId + "/receivables?asOf=" + TODAY.minusDays(300)).then().statusCode(200)
                .body("byCurrency.size()", equalTo(0));

        // the portfolio total of one owner's clients is this client's
        JsonPath total = as("avp").get("/api/v1/health/receivables?asOf=" + TODAY + "&owner=" + owner).then().statusCode(200).extract().jsonPath();
        assertThat(total.getInt("clients")).isEqualTo(1);
        assertThat(total.getList("byCurrency")).isEqualTo(view.getList("byCurrency"));
    }

    @Test
    void theReceivablesReadsKeepToTheCallersPortfolioAndRoles() {
        String mine = client("cse");
        billing(List.of(issued(mine, "X-" + UUID.randomUUID(), "100.00", "XTS", TODAY.minusDays(3))));
        JsonPath cse = as("cse").get("/api/v1/health/receivables").then().statusCode(200).extract().jsonPath();
        assertThat(cse.getString("byCurrency.find { it.currency == 'XTS' }.outstanding.amount")).isEqualTo("100.00");
        JsonPath cse2 = as("cse2").get("/api/v1/health/receivables").then().statusCode(200).extract().jsonPath();
        assertThat(cse2.getList("byCurrency.currency")).doesNotContain("XTS");
        as("cse").get("/api/v1/clients/" + mine + "/receivables").then().statusCode(200)
                .body("byCurrency[0].buckets[1].amount.amount", equalTo("100.00"));
        as("cse2").get("/api/v1/clients/" + mine + "/receivables").then().statusCode(404);
        as("marketing").get("/api/v1/clients/" + mine + "/receivables").then().statusCode(403);
        as("marketing").get("/api/v1/health/receivables").then().statusCode(403);
        asIntegration().get("/api/v1/health/receivables").then().statusCode(403);
        anonymous().get("/api/v1/health/receivables").then().statusCode(401);
        as("avp").get("/api/v1/health/receivables?asOf=2026-02-30").then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        as("avp").get("/api/v1/clients/" + mine + "/receivables?asOf=soon").then().statusCode(400).body("errors[0].field", equalTo("asOf"));
    }

    @Test
    void clientsWhoseScoreFellMoreThanTenPercentInTheWindowAreListed() {
        String owner = "dec-" + UUID.randomUUID().toString().substring(0, 8);
        String falling = client(owner);
        String steady = client(owner);
        Instant monthAgo = Instant.now().minus(Duration.ofDays(40)).truncatedTo(ChronoUnit.SECONDS);
        clock.freezeAt(monthAgo);
        send(signal(falling, "financial.overdue_invoices", 0, monthAgo.minusSeconds(60)),
                signal(steady, "financial.overdue_invoices", 0, monthAgo.minusSeconds(60)));
        clock.reset();
        send(signal(falling, "financial.overdue_invoices", 4, Instant.now().minusSeconds(60)),
                signal(steady, "financial.overdue_invoices", 0, Instant.now().minusSeconds(50)));

        JsonPath declines = as("avp").get("/api/v1/health/declines?owner=" + owner).then().statusCode(200).extract().jsonPath();
        assertThat(declines.getInt("days")).isEqualTo(30);
        assertThat(declines.getInt("compared")).isEqualTo(2);
        assertThat(declines.getList("items.clientId")).containsExactly(falling);
        BigDecimal before = new BigDecimal(declines.getString("items[0].previousScore"));
        BigDecimal now = new BigDecimal(declines.getString("items[0].score"));
        assertThat(now).isEqualByComparingTo(new BigDecimal(as("avp").get("/api/v1/clients/" + falling + "/health")
                .then().statusCode(200).extract().path("score").toString()));
        BigDecimal percent = new BigDecimal(declines.getString("items[0].declinePercent"));
        assertThat(percent).isGreaterThan(BigDecimal.TEN)
                .isEqualByComparingTo(before.subtract(now).multiply(BigDecimal.valueOf(100)).divide(before, 1, java.math.RoundingMode.HALF_UP));

        // a threshold above the fall lists nobody; a window ending before the fall lists nobody either
        as("avp").get("/api/v1/health/declines?owner=" + owner + "&threshold=" + percent.add(BigDecimal.ONE).min(BigDecimal.valueOf(100)))
                .then().statusCode(200).body("items.size()", equalTo(0));
        as("avp").get("/api/v1/health/declines?owner=" + owner + "&asOf=" + TODAY.minusDays(2)).then().statusCode(200)
                .body("items.size()", equalTo(0));
        // paged: one per page
        as("avp").get("/api/v1/health/declines?owner=" + owner + "&limit=1").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("nextCursor", equalTo(null));

        // row-level: the owner's own view; another CSE does not see the client
        String mine = client("cse");
        clock.freezeAt(monthAgo);
        send(signal(mine, "financial.overdue_invoices", 0, monthAgo.minusSeconds(60)));
        clock.reset();
        send(signal(mine, "financial.overdue_invoices", 4, Instant.now().minusSeconds(60)));
        assertThat(as("cse").get("/api/v1/health/declines?limit=200").then().statusCode(200).extract().jsonPath()
                .getList("items.clientId")).contains(mine);
        assertThat(as("cse2").get("/api/v1/health/declines?limit=200").then().statusCode(200).extract().jsonPath()
                .getList("items.clientId")).doesNotContain(mine);
        as("marketing").get("/api/v1/health/declines").then().statusCode(200);
        asIntegration().get("/api/v1/health/declines").then().statusCode(403);
        anonymous().get("/api/v1/health/declines").then().statusCode(401);
        as("avp").get("/api/v1/health/declines?days=0").then().statusCode(400).body("errors[0].field", equalTo("days"));
        as("avp").get("/api/v1/health/declines?threshold=ten").then().statusCode(400).body("errors[0].field", equalTo("threshold"));
        as("avp").get("/api/v1/health/declines?segment=Nobody").then().statusCode(400).body("errors[0].field", equalTo("segment"));
    }
}
