package io.rhythm.demo;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.rhythm.demo.MiniJson.aud;
import static io.rhythm.demo.MiniJson.obj;
import static io.rhythm.demo.MiniJson.str;
import static io.rhythm.demo.MiniJson.write;

/**
 * Planning (issue 12) through the public API, idempotently: the {@link DemoPlans} FY2026 plans (found by client and
 * fiscal year, else created), their Appendix B components, stakeholders, opportunities and risks (each created only
 * when the plan has none of that name), the FY2026 quotas (set once by the VP), renewal windows opened as of today
 * (which starts the Annual Renewal workflows), and a Satisfaction Action Plan brought to life. Prints the portfolio
 * metrics at 35 % at the end.
 */
final class DemoPlanningLoader {

    private final DemoLoader api;
    private final DemoPortfolio.Portfolio portfolio;
    private final Map<String, String> ids;

    DemoPlanningLoader(DemoLoader api, DemoPortfolio.Portfolio portfolio, Map<String, String> ids) {
        this.api = api;
        this.portfolio = portfolio;
        this.ids = ids;
    }

    void load(LocalDate today) throws IOException, InterruptedException {
        String avp = api.as("avp");
        int created = 0;
        int registers = 0;
        Map<String, String> owners = portfolio.clients().stream()
                .collect(Collectors.toMap(DemoPortfolio.Client::key, DemoPortfolio.Client::ownerCse));
        for (DemoPlans.Plan plan : DemoPlans.plans(portfolio)) {
            String clientId = ids.get(plan.clientKey());
            String cse = api.as(owners.get(plan.clientKey())); // CSEs plan their own clients
            PlanRef ref = plan(clientId, plan, cse);
            created += ref.created() ? 1 : 0;
            registers += stakeholders(ref.id(), clientId, plan, cse) + opportunities(ref.id(), plan, cse) + risks(ref.id(), plan, cse);
        }
        System.out.printf("  plans     %d FY2026 plans (%d new), %d register entries added%n", DemoPlans.plans(portfolio).size(),
                created, registers);
        quotas();
        List<?> opened = (List<?>) MiniJson.parse(api.send("POST", "/api/v1/renewals/open-due?asOf=" + today, api.admin, null, null));
        List<Map<String, Object>> due = api.all("/api/v1/renewals?withinDays=90&asOf=" + today, avp);
        System.out.printf("  renewals  %d due within 90 days (%s); %d windows opened now%n", due.size(),
                due.stream().map(r -> str(r, "clientName") + " " + str(r, "daysRemaining") + " d").collect(Collectors.joining(", ")),
                opened.size());
    }

    private record PlanRef(String id, boolean created) {
    }

    /** The client's FY2026 plan: found, or opened; then given its Appendix B components if it has none yet. */
    private PlanRef plan(String clientId, DemoPlans.Plan plan, String token) throws IOException, InterruptedException {
        Object found = null;
        for (Object existing : (List<?>) MiniJson.parse(api.send("GET", "/api/v1/plans?clientId=" + clientId, token, null, null))) {
            if ("FY26".equals(str(existing, "fiscalYear"))) {
                found = existing;
            }
        }
        boolean created = found == null;
        if (created) {
            DemoLoader.Reply reply = api.call("POST", "/api/v1/plans", token, write(obj("clientId", clientId,
                    "fiscalYear", DemoPlans.FISCAL_YEAR, "title", plan.title())), "demo-plan-" + plan.clientKey() + "-fy2026");
            if (!reply.ok()) {
                throw new IllegalStateException("plan for " + plan.clientKey() + ": " + reply.status() + " " + reply.body());
            }
            found = reply.json();
        }
        String id = str(found, "id");
        if (MiniJson.at(found, "revenueForecast") == null) {
            DemoLoader.Reply update = api.call("PUT", "/api/v1/plans/" + id, token, write(obj("title", plan.title(),
                    "maintenanceRevenue", aud(plan.maintenanceRevenue()), "growthRevenue", aud(plan.growthRevenue()),
                    "engagementPlan", plan.engagementPlan(), "uncomfortableTruths", plan.uncomfortableTruths())), null,
                    "\"v" + str(found, "version") + "\"");
            if (!update.ok()) {
                throw new IllegalStateException("plan update for " + plan.clientKey() + ": " + update.status() + " " + update.body());
            }
        }
        return new PlanRef(id, created);
    }

    private int stakeholders(String planId, String clientId, DemoPlans.Plan plan, String token) throws IOException, InterruptedException {
        Set<String> present = names(planId + "/stakeholders", "name", token);
        if (present.size() >= plan.stakeholders().size()) {
            return 0;
        }
        Map<String, String> contactIds = new HashMap<>(); // the contact directory's ids, by e-mail
        for (Map<String, Object> contact : api.all("/api/v1/clients/" + clientId + "/contacts?active=false", api.admin)) {
            if (contact.get("email") != null) {
                contactIds.put(str(contact, "email"), str(contact, "id"));
            }
        }
        int added = 0;
        for (DemoPlans.Stakeholder s : plan.stakeholders()) {
            if (present.add(s.name())) {
                api.send("POST", "/api/v1/plans/" + planId + "/stakeholders", token, write(obj(
                        "contactId", s.contactEmail() == null ? null : contactIds.get(s.contactEmail()), "name", s.name(),
                        "title", s.title(), "role", s.role(), "influence", s.influence(), "sentiment", s.sentiment(),
                        "engagementFrequency", s.engagementFrequency(), "relationshipStrength", s.relationshipStrength(),
                        "lastContactDate", s.lastContactDate())), "demo-stakeholder-" + planId + "-" + s.name());
                added++;
            }
        }
        return added;
    }

    private int opportunities(String planId, DemoPlans.Plan plan, String token) throws IOException, InterruptedException {
        Set<String> present = names(planId + "/opportunities", "name", token);
        int added = 0;
        for (DemoPlans.Opportunity o : plan.opportunities()) {
            if (present.add(o.name())) {
                api.send("POST", "/api/v1/plans/" + planId + "/opportunities", token, write(obj("name", o.name(),
                        "type", o.type(), "value", aud(o.value()), "stage", o.stage(), "probability", o.probability(),
                        "expectedClose", o.expectedClose(), "owner", o.owner(), "closeReason", o.closeReason())),
                        "demo-opportunity-" + planId + "-" + o.name());
                added++;
            }
        }
        return added;
    }

    private int risks(String planId, DemoPlans.Plan plan, String token) throws IOException, InterruptedException {
        Set<String> present = names(planId + "/risks", "description", token);
        int added = 0;
        for (DemoPlans.Risk r : plan.risks()) {
            if (present.add(r.description())) {
                api.send("POST", "/api/v1/plans/" + planId + "/risks", token, write(obj("description", r.description(),
                        "amount", aud(r.amount()), "fiscalYear", r.fiscalYear(), "status", r.status(),
                        "probability", r.probability(), "mitigationPlan", r.mitigationPlan(), "owner", r.owner())),
                        "demo-risk-" + planId + "-" + r.description().hashCode());
                added++;
            }
        }
        return added;
    }

    private Set<String> names(String register, String field, String token) throws IOException, InterruptedException {
        return api.all("/api/v1/plans/" + register, token).stream().map(item -> str(item, field)).collect(Collectors.toSet());
    }

    /** FY2026 quotas, set once by the VP (a second PUT without If-Match is a 428: already set). */
    private void quotas() throws IOException, InterruptedException {
        String vp = api.as("vp");
        StringBuilder line = new StringBuilder();
        for (DemoPlans.Quota quota : DemoPlans.quotas()) {
            String path = "/api/v1/plans/quotas/" + quota.owner() + "/" + DemoPlans.FISCAL_YEAR;
            DemoLoader.Reply reply = api.call("PUT", path, vp, write(obj("target", aud(quota.target()))), null);
            if (!reply.ok() && reply.status() != 428) {
                throw new IllegalStateException("PUT " + path + " answered " + reply.status() + ": " + reply.body());
            }
        }
        for (Object q : (List<?>) MiniJson.parse(api.send("GET", "/api/v1/plans/quotas?fiscalYear=FY2026", vp, null, null))) {
            line.append(String.format(" %s %s%%", str(q, "owner"), str(q, "attainmentPercent")));
        }
        System.out.printf("  quotas    FY2026 attainment:%s%n", line);
    }

    /** The portfolio metrics at the seed's 35 % as the VP sees them. */
    void printMetrics() throws IOException, InterruptedException {
        Map<String, Object> m = api.get("/api/v1/plans/metrics?conversionRate=0.35", api.as("vp"));
        System.out.printf("  metrics   weighted pipeline %s, realistic new revenue %s at 35 %%, confirmed attrition %s (%s),"
                        + " coverage %s %% %s%n", str(m, "weightedPipeline", "amount"), str(m, "realisticNewRevenue", "amount"),
                str(m, "confirmedAttrition", "total", "amount"),
                MiniJson.list(m, "confirmedAttrition", "byFiscalYear").stream()
                        .map(fy -> str(fy, "fiscalYear") + " " + str(fy, "amount", "amount")).collect(Collectors.joining(", ")),
                str(m, "coveragePercent"), str(m, "coverage"));
    }
}
