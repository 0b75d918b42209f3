package io.rhythm.demo;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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
final class DemoPlanningLoader extends DemoPart {

    DemoPlanningLoader(DemoLoader api, DemoPortfolio.Portfolio portfolio, Map<String, String> ids) {
        super(api, portfolio, ids);
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
        satisfactionActionPlan(ids.get("sa-health"));
        List<?> opened = (List<?>) MiniJson.parse(api.send("POST", "/api/v1/renewals/open-due?asOf=" + today, api.as("admin"), null, null));
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
        for (Map<String, Object> contact : api.all("/api/v1/clients/" + clientId + "/contacts?active=false", api.as("admin"))) {
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
                        "lastContactDate", s.lastContactDate())), "demo-stakeholder-" + planId + "-" + Integer.toHexString(s.name().hashCode()));
                added++;
            }
        }
        return added;
    }

    private int opportunities(String planId, DemoPlans.Plan plan, String token) throws IOException, InterruptedException {
        return addMissing(planId, "opportunities", "name", plan.opportunities(), DemoPlans.Opportunity::name, o -> obj(
                "name", o.name(), "type", o.type(), "value", aud(o.value()), "stage", o.stage(), "probability", o.probability(),
                "expectedClose", o.expectedClose(), "owner", o.owner(), "closeReason", o.closeReason()), token);
    }

    private int risks(String planId, DemoPlans.Plan plan, String token) throws IOException, InterruptedException {
        return addMissing(planId, "risks", "description", plan.risks(), DemoPlans.Risk::description, r -> obj(
                "description", r.description(), "amount", aud(r.amount()), "fiscalYear", r.fiscalYear(), "status", r.status(),
                "probability", r.probability(), "mitigationPlan", r.mitigationPlan(), "owner", r.owner()), token);
    }

    /** Creates the entries of a register the plan does not have yet (by name); returns how many. */
    private <T> int addMissing(String planId, String register, String nameField, List<T> entries, Function<T, String> name,
                               Function<T, Map<String, Object>> body, String token) throws IOException, InterruptedException {
        Set<String> present = names(planId + "/" + register, nameField, token);
        int added = 0;
        for (T entry : entries) {
            if (present.add(name.apply(entry))) {
                api.send("POST", "/api/v1/plans/" + planId + "/" + register, token, write(body.apply(entry)),
                        "demo-" + register + "-" + planId + "-" + Integer.toHexString(name.apply(entry).hashCode()));
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

    /**
     * SA Health's Satisfaction Action Plan (drafted by planning-service when the client entered Nurture), brought to
     * life: an action with the seed template's fields, activated from 15 June 2026, monthly updates and a quarterly
     * review up to October, so the November update shows as overdue in the owner's work list.
     */
    private void satisfactionActionPlan(String clientId) throws IOException, InterruptedException {
        String cse = api.as("cse");
        Map<String, Object> sap = null;
        for (int attempt = 0; sap == null && attempt < 30; attempt++) {
            sap = api.all("/api/v1/plans/saps?clientId=" + clientId, cse).stream()
                    .filter(s -> "ACTIVE".equals(str(s, "status")) || "DRAFT".equals(str(s, "status"))).findFirst().orElse(null);
            if (sap == null) {
                Thread.sleep(1_000); // drafted from SegmentMigrated
            }
        }
        if (sap == null || "ACTIVE".equals(str(sap, "status"))) {
            System.out.printf("  SAP       SA Health: %s%n", sap == null ? "none drafted (yet)" : "active already");
            return;
        }
        String id = str(sap, "id");
        sap = api.get("/api/v1/plans/saps/" + id, cse);
        if (MiniJson.list(sap, "actions").isEmpty()) {
            api.send("POST", "/api/v1/plans/saps/" + id + "/actions", cse, write(obj("description",
                    "Department-by-department recovery: meet each detractor department's lead, fix their top issue",
                    "businessFunction", "Client Success", "accountable", List.of("cse", "Head of Support"),
                    "timeframe", "2H 2026", "dueDate", LocalDate.of(2026, 12, 31),
                    "successCriteria", "No department below NPS 6 in NPS Q2 2027", "measurementMethod", "NPS breakdown by department",
                    "reviewDates", List.of(LocalDate.of(2026, 9, 15), LocalDate.of(2026, 12, 15)))), "demo-sap-action-" + id);
            sap = api.get("/api/v1/plans/saps/" + id, cse);
        }
        DemoLoader.Reply activated = api.call("POST", "/api/v1/plans/saps/" + id + "/activate?asOf=2026-06-15", cse, null, null,
                "\"v" + str(sap, "version") + "\"");
        if (!activated.ok()) {
            throw new IllegalStateException("SAP activation answered " + activated.status() + ": " + activated.body());
        }
        String[][] progress = {{"UPDATE", "2026-07-15", "Met the pathology and radiology leads; interface backlog agreed as the top issue."},
                {"UPDATE", "2026-08-14", "Interface backlog down from 14 to 6 tickets."},
                {"REVIEW", "2026-09-15", "Quarterly review with the AVP: two of five detractor departments now passive."},
                {"UPDATE", "2026-10-15", "NPS Q4 answers in; roadmap briefing held with the CIO."}};
        for (String[] p : progress) {
            api.send("POST", "/api/v1/plans/saps/" + id + "/progress", cse,
                    write(obj("kind", p[0], "onDate", p[1], "note", p[2])), null);
        }
        Map<String, Object> now = api.get("/api/v1/plans/saps/" + id, cse);
        System.out.printf("  SAP       SA Health: %s, next update due %s%s%n", str(now, "status"), str(now, "nextUpdateDue"),
                Boolean.TRUE.equals(now.get("updateOverdue")) ? " (overdue)" : "");
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
