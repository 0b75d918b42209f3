package io.rhythm.health.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.rhythm.health.alerts.MutableClock;
import io.rhythm.health.service.SupportBillingPass;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TopicProbe;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rhythm.health.api.AlertTesting.awaitAlertEvent;
import static io.rhythm.health.api.AlertTesting.newClient;
import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** Helpdesk and billing events → per-client state → support and financial inputs → scores and alerts. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class SupportBillingEventsApiTest {

    private static final String RAISED = EventCatalogue.ALERT_RAISED.type();

    @Inject
    MutableClock clock;
    @Inject
    SupportBillingPass pass;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static Map<String, Object> event(String clientId, String type, String idField, String id, Instant at, Object... more) {
        Map<String, Object> event = new HashMap<>(Map.of("eventId", type.toLowerCase() + "-" + UUID.randomUUID(),
                "clientId", clientId, "type", type, "occurredAt", at.toString()));
        if (idField != null) {
            event.put(idField, id);
        }
        for (int i = 0; i < more.length; i += 2) {
            event.put((String) more[i], more[i + 1]);
        }
        return event;
    }

    static Map<String, Object> ticket(String clientId, String type, String ticketId, Instant at, Object... more) {
        return event(clientId, type, "ticketId", ticketId, at, more);
    }

    static Map<String, Object> invoice(String clientId, String type, String invoiceId, Instant at, Object... more) {
        return event(clientId, type, "invoiceId", invoiceId, at, more);
    }

    static ValidatableResponse support(List<Map<String, Object>> events) {
        return asIntegration().body(Map.of("events", events)).post("/api/v1/signals/support").then().statusCode(200);
    }

    static ValidatableResponse billing(List<Map<String, Object>> events) {
        return asIntegration().body(Map.of("events", events)).post("/api/v1/signals/billing").then().statusCode(200);
    }

    static Float input(String clientId, String component, String metric) {
        return as("avp").get("/api/v1/clients/" + clientId + "/health").then().statusCode(200).extract()
                .path("components.find { it.component == '" + component + "' }.inputs.find { it.key == '" + metric + "' }.raw");
    }

    @Test
    void anUrgentTicketRaisesTheUrgentAlertAndClosingItWithGoodCsatLiftsTheScore() {
        String clientId = newClient("cse");
        Instant at = Instant.now().minusSeconds(120);
        try (TopicProbe scores = TopicProbe.watch(Topics.HEALTH_SCORES); TopicProbe alerts = TopicProbe.watch(Topics.HEALTH_ALERTS)) {
            var opened = ticket(clientId, "TICKET_OPENED", "T-1", at, "priority", "URGENT");
            support(List.of(opened)).body("[0].outcome", equalTo("ACCEPTED")).body("[0].clientId", equalTo(clientId))
                    .body("[0].metrics.'support.open_tickets'", equalTo(1.0f))
                    .body("[0].metrics.'support.open_urgent_tickets'", equalTo(1.0f))
                    .body("[0].metrics.'support.backlog_over_30_days'", equalTo(0.0f));
            CloudEvent urgent = awaitAlertEvent(alerts, RAISED, clientId, "URGENT_TICKET");
            assertThat(urgent.data().get("reason").asText()).contains("within 4 h");
            CloudEvent first = TopicProbe.validated(scores.awaitRecord(r -> clientId.equals(r.key())
                    && r.value().contains(opened.get("eventId") + ":"), Duration.ofSeconds(30)));
            // support only: open 1 (90), urgent 1 (50), backlog 0 (100), weights .2/.3/.2
            assertThat(first.data().get("score").asDouble()).isEqualTo(75.7);

            var closed = ticket(clientId, "TICKET_CLOSED", "T-1", at.plusSeconds(60), "csat", 5);
            support(List.of(closed)).body("[0].outcome", equalTo("ACCEPTED"))
                    .body("[0].metrics.'support.open_urgent_tickets'", equalTo(0.0f))
                    .body("[0].metrics.'support.csat_pct'", equalTo(100.0f));
            CloudEvent second = TopicProbe.validated(scores.awaitRecord(r -> clientId.equals(r.key())
                    && r.value().contains(closed.get("eventId") + ":"), Duration.ofSeconds(30)));
            assertThat(second.data().get("score").asDouble()).isEqualTo(100.0);
            assertThat(second.data().get("previousScore").asDouble()).isEqualTo(75.7);
        }
        assertThat(input(clientId, "SUPPORT", "support.csat_pct")).isEqualTo(100.0f);
    }

    @Test
    void duplicatesAreIgnoredAndLateEventsStillCount() {
        String clientId = newClient("cse");
        Instant t0 = Instant.now().minus(3, ChronoUnit.HOURS);
        var closeA = ticket(clientId, "TICKET_CLOSED", "A", t0.plusSeconds(300));
        var openA = ticket(clientId, "TICKET_OPENED", "A", t0.plusSeconds(100), "priority", "URGENT");
        // the close first, then its (earlier) open: A stays closed; the open again in the same call is a duplicate
        support(List.of(closeA)).body("[0].metrics.'support.open_tickets'", equalTo(0.0f));
        support(List.of(openA, openA)).body("outcome", contains("ACCEPTED", "DUPLICATE"))
                .body("[0].metrics.'support.open_tickets'", equalTo(0.0f))
                .body("[0].metrics.'support.open_urgent_tickets'", equalTo(0.0f))
                .body("[1].detail", containsString("received before"));
        support(List.of(closeA)).body("[0].outcome", equalTo("DUPLICATE")).body("[0].metrics", nullValue());

        // an urgent ticket B opened before everything so far, arriving last: its input is newer than the last derived one
        var openB = ticket(clientId, "TICKET_OPENED", "B", t0, "priority", "URGENT");
        support(List.of(openB)).body("[0].outcome", equalTo("ACCEPTED"))
                .body("[0].metrics.'support.open_urgent_tickets'", equalTo(1.0f));
        assertThat(input(clientId, "SUPPORT", "support.open_urgent_tickets")).isEqualTo(1.0f);
        assertThat(input(clientId, "SUPPORT", "support.open_tickets")).isEqualTo(1.0f);
        as("avp").get("/api/v1/clients/" + clientId + "/alerts").then().statusCode(200)
                .body("items.type", hasItem("URGENT_TICKET"));
    }

    @Test
    void aPaymentFailureAlertsFinanceAndAnInvoiceFallsOverdueWhenTheClockPassesItsDueDate() {
        String clientId = newClient("cse");
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        try (TopicProbe alerts = TopicProbe.watch(Topics.HEALTH_ALERTS)) {
            billing(List.of(
                    invoice(clientId, "INVOICE_ISSUED", "INV-1", now.minusSeconds(600), "amount", 12000.50, "currency", "AUD",
                            "dueDate", today.plusDays(3).toString()),
                    invoice(clientId, "INVOICE_ISSUED", "INV-2", now.minusSeconds(600), "amount", 800, "currency", "AUD",
                            "dueDate", today.plusDays(10).toString()),
                    invoice(clientId, "PAYMENT_FAILED", "INV-1", now.minusSeconds(300))))
                    .body("outcome", contains("ACCEPTED", "ACCEPTED", "ACCEPTED"))
                    .body("[2].metrics.'financial.payment_failures_90_days'", equalTo(1.0f))
                    .body("[2].metrics.'financial.overdue_invoices'", equalTo(0.0f));
            CloudEvent raised = awaitAlertEvent(alerts, RAISED, clientId, "BILLING_ISSUE");
            assertThat(raised.data().get("alsoNotify").toString()).isEqualTo("[\"finance\"]");
            assertThat(raised.data().get("evidence").get("financial.payment_failures_90_days").asDouble()).isEqualTo(1.0);
        }
        assertThat(input(clientId, "FINANCIAL", "financial.overdue_invoices")).isEqualTo(0.0f);

        // five days on, INV-1 (due in 3 days) is 2 days past due; INV-2 is not due yet
        clock.freezeAt(now.plus(Duration.ofDays(5)));
        assertThat(pass.run().changedInputs()).isGreaterThanOrEqualTo(2);
        assertThat(input(clientId, "FINANCIAL", "financial.overdue_invoices")).isEqualTo(1.0f);
        assertThat(input(clientId, "FINANCIAL", "financial.aged_receivables_days")).isEqualTo(2.0f);
        // a second pass at the same time changes nothing for this client
        Float before = input(clientId, "FINANCIAL", "financial.overdue_invoices");
        pass.run();
        assertThat(input(clientId, "FINANCIAL", "financial.overdue_invoices")).isEqualTo(before);

        // paid: no longer overdue, at once
        billing(List.of(invoice(clientId, "INVOICE_PAID", "INV-1", now.plus(Duration.ofDays(5)).minusSeconds(60))))
                .body("[0].metrics.'financial.overdue_invoices'", equalTo(0.0f))
                .body("[0].metrics.'financial.aged_receivables_days'", equalTo(0.0f));
        assertThat(input(clientId, "FINANCIAL", "financial.aged_receivables_days")).isEqualTo(0.0f);

        // disputes open and resolve, identified by invoice or dispute id
        billing(List.of(invoice(clientId, "DISPUTE_OPENED", "INV-2", now.plus(Duration.ofDays(5)).minusSeconds(30)),
                event(clientId, "DISPUTE_OPENED", "disputeId", "D-7", now.plus(Duration.ofDays(5)).minusSeconds(30))))
                .body("[1].metrics.'financial.open_billing_disputes'", equalTo(2.0f));
        billing(List.of(invoice(clientId, "DISPUTE_RESOLVED", "INV-2", now.plus(Duration.ofDays(5)).minusSeconds(10))))
                .body("[0].metrics.'financial.open_billing_disputes'", equalTo(1.0f));

        // 91 days on: the payment failure has left the 90-day window; INV-2 (due on day 10) is 81 days past due
        clock.freezeAt(now.plus(Duration.ofDays(91)));
        pass.run();
        assertThat(input(clientId, "FINANCIAL", "financial.payment_failures_90_days")).isEqualTo(0.0f);
        assertThat(input(clientId, "FINANCIAL", "financial.overdue_invoices")).isEqualTo(1.0f);
        assertThat(input(clientId, "FINANCIAL", "financial.aged_receivables_days")).isEqualTo(81.0f);
    }

    @Test
    void aTicketOpenMoreThanThirtyDaysJoinsTheBacklogOnTheTimePass() {
        String clientId = newClient("cse");
        Instant now = Instant.now();
        support(List.of(ticket(clientId, "TICKET_OPENED", "OLD", now.minus(Duration.ofDays(29)))))
                .body("[0].metrics.'support.backlog_over_30_days'", equalTo(0.0f));
        clock.freezeAt(now.plus(Duration.ofDays(1)).minusSeconds(1));
        pass.run();
        assertThat(input(clientId, "SUPPORT", "support.backlog_over_30_days")).isEqualTo(0.0f);
        assertThat(portfolioItem(clientId).get("supportBacklogOver30Days")).isEqualTo(0);
        clock.freezeAt(now.plus(Duration.ofDays(1)).plusSeconds(1));
        pass.run();
        assertThat(input(clientId, "SUPPORT", "support.backlog_over_30_days")).isEqualTo(1.0f);
        // the portfolio read carries the same input for every client (the support-backlog early warning in one read)
        assertThat(portfolioItem(clientId).get("supportBacklogOver30Days")).isEqualTo(1);
        assertThat(portfolioItem(newClient("cse"))).containsEntry("supportBacklogOver30Days", null);
    }

    /** The client's item of the portfolio read as avp (every page until it is found). */
    static Map<String, Object> portfolioItem(String clientId) {
        String cursor = null;
        do {
            var request = as("avp").queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/health/portfolio").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> item : items) {
                if (clientId.equals(item.get("clientId"))) {
                    return item;
                }
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        throw new AssertionError("client " + clientId + " not in the portfolio");
    }

    @Test
    void anUnknownClientWaitsInTheUnmatchedQueueAndBadEventsAreRejectedOneByOne() {
        String clientId = newClient("cse");
        Instant at = Instant.now().minusSeconds(60);
        String externalId = "zd-org-" + UUID.randomUUID();
        Map<String, Object> unknown = new HashMap<>(ticket(clientId, "TICKET_OPENED", "U-1", at));
        unknown.remove("clientId");
        unknown.put("externalId", Map.of("source", "hubspot", "id", externalId));
        Map<String, Object> both = new HashMap<>(ticket(clientId, "TICKET_OPENED", "X", at));
        both.put("externalId", Map.of("source", "zendesk", "id", "1"));
        Map<String, Object> noTicket = new HashMap<>(ticket(clientId, "TICKET_OPENED", "X", at));
        noTicket.remove("ticketId");
        List<Object> events = new ArrayList<>(List.of(
                ticket(clientId, "TICKET_OPENED", "GOOD", at),
                unknown,
                ticket(clientId, "TICKET_REOPENED", "X", at),
                ticket(clientId, "TICKET_CLOSED", "X", at, "csat", 9),
                ticket(clientId, "TICKET_UPDATED", "X", at),
                ticket(clientId, "TICKET_OPENED", "X", Instant.now().plus(Duration.ofHours(1))),
                both,
                noTicket,
                ticket(clientId, "TICKET_OPENED", "X", at, "priority", "SEVERE")));
        events.add("not an object");
        asIntegration().body(Map.of("events", events)).post("/api/v1/signals/support").then().statusCode(200)
                .body("outcome", contains("ACCEPTED", "UNMATCHED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED",
                        "REJECTED", "REJECTED", "REJECTED"))
                .body("[1].detail", containsString("hubspot:" + externalId))
                .body("[2].errors[0].field", equalTo("type"))
                .body("[3].errors[0].field", equalTo("csat"))
                .body("[4].errors[0].field", equalTo("priority"))
                .body("[5].errors[0].field", equalTo("occurredAt"))
                .body("[6].errors[0].field", equalTo("clientId"))
                .body("[7].errors[0].field", equalTo("ticketId"))
                .body("[8].errors[0].field", equalTo("priority"))
                .body("[9].errors[0].field", equalTo("event"));
        // only the good one was stored
        assertThat(input(clientId, "SUPPORT", "support.open_tickets")).isEqualTo(1.0f);
        boolean found = false;
        String cursor = null;
        do {
            var page = as("admin").get("/api/v1/clients/unmatched?limit=200" + (cursor == null ? "" : "&cursor=" + cursor))
                    .then().statusCode(200).extract().jsonPath();
            found = page.getList("items.reason", String.class).stream().anyMatch(r -> r.contains(externalId));
            if (found) {
                assertThat(page.getList("items.kind", String.class)).contains("support-event");
            }
            cursor = page.getString("nextCursor");
        } while (!found && cursor != null);
        assertThat(found).isTrue();

        // once the client exists under that id, the same event is taken and leaves the queue
        String later = asIntegration().body(ClientApiTest.client("Late " + externalId, "cse", "cam", externalId))
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
        support(List.of(unknown)).body("[0].outcome", equalTo("ACCEPTED")).body("[0].clientId", equalTo(later));
        support(List.of(unknown)).body("[0].outcome", equalTo("DUPLICATE"));
        as("admin").get("/api/v1/clients/unmatched?limit=200").then().statusCode(200)
                .body("items.reason", org.hamcrest.Matchers.not(hasItem(containsString(externalId))));

        var billingBad = invoice(clientId, "INVOICE_ISSUED", null, at, "amount", -5, "currency", "dollars");
        billing(List.of(billingBad)).body("[0].outcome", equalTo("REJECTED"))
                .body("[0].errors.field", contains("amount", "currency", "dueDate", "invoiceId"));
    }

    @Test
    void malformedBatchesAre400AndOnlyIntegrationsAndAdminsMaySend() {
        String clientId = newClient("cse");
        Instant at = Instant.now().minusSeconds(60);
        asIntegration().body("{\"events\": []}").post("/api/v1/signals/support").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("errors[0].field", equalTo("events"));
        asIntegration().body("{}").post("/api/v1/signals/billing").then().statusCode(400);
        asIntegration().body("{\"events\": \"x\"}").post("/api/v1/signals/billing").then().statusCode(400);
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(Map.of("eventId", "x" + i));
        }
        asIntegration().body(Map.of("events", tooMany)).post("/api/v1/signals/support").then().statusCode(400)
                .body("errors[0].field", equalTo("events"));

        var event = List.of(ticket(clientId, "TICKET_OPENED", "R-1", at));
        as("cse").body(Map.of("events", event)).post("/api/v1/signals/support").then().statusCode(403);
        as("avp").body(Map.of("events", event)).post("/api/v1/signals/billing").then().statusCode(403);
        anonymous().body(Map.of("events", event)).post("/api/v1/signals/support").then().statusCode(401);
        as("admin").body(Map.of("events", event)).post("/api/v1/signals/support").then().statusCode(200)
                .body("[0].outcome", equalTo("ACCEPTED"));
    }
}
