package io.rhythm.gateway.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rhythm.gateway.views.agenda.AgendaItem;
import io.rhythm.gateway.views.agenda.AgendaRules;
import io.rhythm.gateway.views.client360.Client360Service;
import io.rhythm.gateway.views.client360.WorkingCapital;
import io.rhythm.gateway.views.commandcentre.PortfolioFigures;
import io.rhythm.gateway.views.commandcentre.RiskRules;
import io.rhythm.gateway.views.downstream.Reply;
import io.rhythm.gateway.views.earlywarnings.IndicatorRules;
import io.rhythm.gateway.views.earlywarnings.IndicatorRules.ClientFact;
import io.rhythm.platform.web.problem.ApiException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The views' mapping rules, without infrastructure. */
class ViewRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void aPartOfAClientOverviewIsReadAsIfFromItsOwnEndpoint() throws Exception {
        Reply overview = new Reply("planning", 200, json("{'plans':[{'id':'p'}],'risks':null,'withheld':['renewals']}"), null);
        assertThat(Composition.section(Client360Service.part(overview, "plans"), Json::items))
                .isEqualTo(Section.available("planning-service", List.of(json("{'id':'p'}"))));
        // absent (no plan, no score): EMPTY as the part's 404 was; withheld from the role: FORBIDDEN as its 403 was
        assertThat(Composition.section(Client360Service.part(overview, "risks"), body -> body).status()).isEqualTo(Section.EMPTY);
        assertThat(Composition.section(Client360Service.part(overview, "opportunities"), body -> body).status()).isEqualTo(Section.EMPTY);
        assertThat(Composition.section(Client360Service.part(overview, "renewals"), body -> body).status()).isEqualTo(Section.FORBIDDEN);
        // the overview's own failure is every part's
        Reply down = Reply.failed("planning", "planning-service is unreachable");
        assertThat(Composition.section(Client360Service.part(down, "plans"), body -> body))
                .isEqualTo(Section.unavailable("planning-service", "planning-service is unreachable"));
        assertThat(Client360Service.part(new Reply("planning", 404, null, null), "plans").status()).isEqualTo(404);
    }

    @Test
    void aReplyBecomesASectionByItsOutcome() throws Exception {
        assertThat(Composition.section(new Reply("nps", 200, json("{'a':1}"), null), body -> body.get("a").asInt()))
                .isEqualTo(Section.available("nps-service", 1));
        assertThat(Composition.section(new Reply("nps", 404, null, null), body -> body).status()).isEqualTo(Section.EMPTY);
        assertThat(Composition.section(new Reply("nps", 403, null, null), body -> body).status()).isEqualTo(Section.FORBIDDEN);
        Section down = Composition.section(Reply.failed("nps", "nps-service is unreachable"), body -> body);
        assertThat(down.status()).isEqualTo(Section.UNAVAILABLE);
        assertThat(down.reason()).isEqualTo("nps-service is unreachable");
        assertThat(down.data()).isNull();
        assertThat(Composition.section(new Reply("nps", 409, null, null), body -> body).status()).isEqualTo(Section.UNAVAILABLE);
    }

    @Test
    void workingCapitalIsHealthsAgedReceivablesWithTheOtherFinancialInputs() throws Exception {
        JsonNode health = json("{'components':[{'component':'SUPPORT','inputs':[{'key':'support.open_tickets','raw':3}]},"
                + "{'component':'FINANCIAL','inputs':[{'key':'financial.overdue_invoices','raw':2.0},"
                + "{'key':'financial.aged_receivables_days','raw':45.0},{'key':'financial.payment_failures_90_days','raw':null},"
                + "{'key':'financial.open_billing_disputes','raw':1.0}]}]}");
        JsonNode receivables = json("{'clientId':'c','asOf':'2026-12-07','byCurrency':[{'currency':'AUD',"
                + "'outstanding':{'amount':'1200.00','currency':'AUD'},'buckets':[{'bucket':'CURRENT','amount':{'amount':'1200.00','currency':'AUD'},'invoices':1}]}]}");
        WorkingCapital.Figures figures = WorkingCapital.of(receivables, health);
        assertThat(figures.asOf()).isEqualTo("2026-12-07");
        assertThat(figures.byCurrency()).isEqualTo(receivables.get("byCurrency"));
        assertThat(figures.paymentFailures90Days()).isNull();
        assertThat(figures.openBillingDisputes()).isEqualTo(1);
        WorkingCapital.Figures unscored = WorkingCapital.of(receivables, null);
        assertThat(unscored.openBillingDisputes()).isNull();
        assertThat(unscored.byCurrency().get(0).path("outstanding").path("amount").asText()).isEqualTo("1200.00");
    }

    @Test
    void knownRisksUseTheSeedsThresholds() {
        // seed 000: 4 clients = ~80 % of maintenance revenue; SA Health 21 %, NPS 6.1 avg, range 1-9
        var concentration = RiskRules.concentration(new BigDecimal("80.00"), 4, "SA Health", new BigDecimal("21.00"));
        assertThat(concentration.raised()).isTrue();
        assertThat(RiskRules.concentration(new BigDecimal("49.99"), 4, "X", new BigDecimal("20")).raised()).isFalse();
        var volatility = RiskRules.largestClientVolatility("SA Health", new BigDecimal("21.00"), "6800000.00", 6.1, 1, 9);
        assertThat(volatility.raised()).isTrue();
        assertThat(volatility.figures()).contains(new RiskRules.Figure("npsRange", "1-9"), new RiskRules.Figure("npsAverage", "6.1"));
        assertThat(RiskRules.largestClientVolatility("Calm", new BigDecimal("21"), "1.00", 8.5, 7, 10).raised()).isFalse();
        assertThat(RiskRules.largestClientVolatility("Small", new BigDecimal("10"), "1.00", 3.0, 0, 9).raised()).isFalse();
        assertThat(RiskRules.largestClientVolatility("Silent", new BigDecimal("30"), "1.00", null, null, null).raised()).isFalse();
        // seed: $8.36M weighted × 35 % = $2.93M against $2.72M attrition: "barely covers"
        var pipeline = RiskRules.pipelineConversion(new BigDecimal("2926000"), new BigDecimal("2720000"), "0.35");
        assertThat(pipeline.raised()).isTrue();
        assertThat(pipeline.figures()).contains(new RiskRules.Figure("coveragePercent", "107.57"));
        assertThat(RiskRules.pipelineConversion(new BigDecimal("4000000"), new BigDecimal("2720000"), "0.35").raised()).isFalse();
        assertThat(RiskRules.isProductTheme("PRODUCT_PERCEPTION", "Product perception")).isTrue();
        assertThat(RiskRules.isProductTheme("SUPPORT_RESPONSIVENESS", "Support responsiveness")).isFalse();
    }

    @Test
    void productPerceptionCountsProductComplaintsOfTheCycle() throws Exception {
        JsonNode themes = json("{'groups':[{'key':'all','commented':10,'themes':[{'code':'PRODUCT_PERCEPTION','name':'Product perception','count':3},"
                + "{'code':'SUPPORT','name':'Support','count':4}]}]}");
        var risk = PortfolioFigures.productPerception(themes);
        assertThat(risk.raised()).isTrue();
        assertThat(risk.figures()).contains(new RiskRules.Figure("productMentions", "3"), new RiskRules.Figure("commentedResponses", "10"));
    }

    @Test
    void atRiskRevenueAddsTheRevenueOfCriticalAndAtRiskClients() throws Exception {
        JsonNode portfolio = json("{'items':[{'clientId':'a','name':'A','band':'CRITICAL'},{'clientId':'b','name':'B','band':'HEALTHY'},"
                + "{'clientId':'c','name':'C','band':'AT_RISK'},{'clientId':'d','name':'D','band':null}]}");
        JsonNode concentration = json("{'totalRevenue':{'amount':'600.00','currency':'AUD'},'ranked':["
                + "{'clientId':'a','annualRevenue':{'amount':'100.10','currency':'AUD'}},{'clientId':'b','annualRevenue':{'amount':'200.00'}},"
                + "{'clientId':'c','annualRevenue':{'amount':'300.25'}}]}");
        Map<String, Object> figures = PortfolioFigures.atRiskRevenue(portfolio, concentration);
        assertThat(figures.get("amount")).isEqualTo("400.35");
        assertThat(figures.get("currency")).isEqualTo("AUD");
        assertThat((List<?>) figures.get("clients")).hasSize(2);
    }

    @Test
    void theCurrentCycleIsTheLatestOpenedByAsOf() throws Exception {
        JsonNode cycles = json("{'items':[{'id':'q2','openDate':'2026-04-08'},{'id':'q4','openDate':'2026-10-07'},{'id':'q1','openDate':'2026-01-10'}]}");
        assertThat(PortfolioFigures.currentCycle(cycles, LocalDate.parse("2026-06-01")).map(c -> c.get("id").asText())).contains("q2");
        assertThat(PortfolioFigures.currentCycle(cycles, LocalDate.parse("2026-10-07")).map(c -> c.get("id").asText())).contains("q4");
        assertThat(PortfolioFigures.currentCycle(cycles, LocalDate.parse("2025-12-31"))).isEmpty();
    }

    @Test
    void earlyWarningIndicatorsCompareWithTheSeedsThresholds() {
        var decline = IndicatorRules.healthDecline(List.of(fact("a", "12.5"), fact("b", "10.0"), fact("c", null)), 7);
        assertThat(decline.triggered()).isTrue();
        assertThat(decline.clients()).extracting(ClientFact::clientId).containsExactly("a");
        assertThat(decline.currentValue()).isEqualTo("1 of 7 clients");
        assertThat(IndicatorRules.healthDecline(List.of(), 7).triggered()).isFalse();

        var movement = IndicatorRules.pipelineStageMovement(Map.of("REGRESSED", 1, "STALLED", 2, "ADVANCED", 3, "NEW", 0), 30,
                List.of(fact("a", "1"), fact("b", "2")));
        assertThat(movement.triggered()).isTrue();
        assertThat(movement.currentValue()).isEqualTo("1 regressed, 2 stalled of 6 opportunities");
        assertThat(movement.clients()).extracting(ClientFact::clientId).containsExactly("b", "a");
        assertThat(movement.breakdown()).containsEntry("ADVANCED", "3");
        assertThat(IndicatorRules.pipelineStageMovement(Map.of("REGRESSED", 0, "STALLED", 0, "ADVANCED", 4), 30, List.of())
                .triggered()).isFalse();

        var backlog = IndicatorRules.supportBacklog(List.of(
                new ClientFact("a", "A", "LEVERAGE", "cse", new BigDecimal("2")),
                new ClientFact("b", "B", "LEVERAGE", "cse", new BigDecimal("1")),
                new ClientFact("c", "C", "NURTURE", "cse", BigDecimal.ZERO)));
        assertThat(backlog.breakdown()).containsEntry("LEVERAGE", "3").containsEntry("NURTURE", "0");
        assertThat(backlog.triggered()).isTrue();
        assertThat(backlog.clients()).extracting(ClientFact::clientId).containsExactly("a", "b");

        var rate = IndicatorRules.responseRate(new BigDecimal("40"), "Q4", List.of(fact("a", "25"), fact("b", "60")));
        assertThat(rate.triggered()).as("40 %% is not more than 40 %%").isTrue();
        assertThat(rate.clients()).extracting(ClientFact::clientId).containsExactly("a");
        assertThat(IndicatorRules.responseRate(new BigDecimal("41.5"), "Q4", List.of()).triggered()).isFalse();

        var engagement = IndicatorRules.engagementCompliance(new BigDecimal("75.0"), List.of(fact("a", "0"), fact("b", "2")));
        assertThat(engagement.triggered()).isTrue();
        assertThat(engagement.clients()).extracting(ClientFact::clientId).containsExactly("b");
    }

    @Test
    void theAgendaIsOrderedByDueTimeWithUndatedLast() {
        var items = List.of(item("late", "2026-06-03T09:00:00Z"), item("undated", null), item("day", "2026-06-01"),
                item("early", "2026-06-01T08:00:00Z"));
        assertThat(AgendaRules.order(items)).extracting(AgendaItem::title).containsExactly("day", "early", "late", "undated");
        assertThat(AgendaRules.overdue("2026-05-31", LocalDate.parse("2026-06-01"))).isTrue();
        assertThat(AgendaRules.overdue("2026-06-01", LocalDate.parse("2026-06-01"))).isFalse();
        assertThat(AgendaRules.overdue(null, LocalDate.parse("2026-06-01"))).isFalse();
    }

    @Test
    void badParametersAreFieldErrors() {
        assertThatThrownBy(() -> ViewParams.optionalDate("since", "2026-13-01")).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).errors()).extracting("field").containsExactly("since"));
        assertThatThrownBy(() -> ViewParams.id("id", "not-a-uuid")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> ViewParams.username("owner", "a b")).isInstanceOf(ApiException.class);
        assertThat(ViewParams.segment("segment", "Sleeping Giants")).isEqualTo("SLEEPING_GIANTS");
        assertThat(ViewRoutes.serves("/api/v1/clients/1b4e28ba-2fa1-11d2-883f-0016d3cca427/360")).isTrue();
        assertThat(ViewRoutes.serves("/api/v1/clients/1b4e28ba-2fa1-11d2-883f-0016d3cca427/health")).isFalse();
        assertThat(ViewRoutes.serves("/api/v1/command-centre")).isTrue();
    }

    private static ClientFact fact(String id, String value) {
        return new ClientFact(id, id.toUpperCase(), null, null, value == null ? null : new BigDecimal(value));
    }

    private static AgendaItem item(String title, String due) {
        return new AgendaItem("ALERT", title, null, null, due, false, null, null);
    }
}
