package io.rhythm.demo;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.rhythm.demo.MiniJson.obj;
import static io.rhythm.demo.MiniJson.str;
import static io.rhythm.demo.MiniJson.write;

/**
 * Workflows (issue 13) through the public API, idempotently: each scenario finds its client's instance of the template
 * (started by a trigger — a renewal window, a health drop — or by an earlier load) or starts one, then completes steps
 * in order up to where the scenario stops, internal steps by a holder of the step's role, client-facing ones through
 * their single-use link (whose e-mail lands in the demo inbox), exactly as a client would. A scenario that stops on a
 * client-facing step leaves its link waiting in the inbox.
 * <ul>
 *   <li>QBR for GHA at step 3 (the client's pre-QBR survey, link sent);</li>
 *   <li>Annual Renewal for WA Health (renewing on 28 Feb) at step 3 (the client's satisfaction check, link sent);</li>
 *   <li>Client Health Check for Sunrise (Critical) at step 2 (the client's satisfaction survey, link sent);</li>
 *   <li>Client Health Check for SA Health (At-Risk), completed: survey and action plan acknowledged by the client
 *   through their links, meeting and follow-up done by the CSE;</li>
 *   <li>Billing Dispute Resolution for a stable tail client, completed (the client accepted a credit).</li>
 * </ul>
 * and a readiness assessment of the APAC region (seed 004) with its report.
 */
final class DemoWorkflowLoader extends DemoPart {

    private static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    DemoWorkflowLoader(DemoLoader api, DemoPortfolio.Portfolio portfolio, Map<String, String> ids) {
        super(api, portfolio, ids);
    }

    /** What completes one step. */
    private interface Action {
        void run(String workflowId, int position) throws IOException, InterruptedException;
    }

    void load(LocalDate today) throws IOException, InterruptedException {
        DemoPortfolio.Client waHealth = client("wa-health");
        DemoPortfolio.Client gha = client("gha");
        DemoPortfolio.Client sunrise = client("sunrise");
        DemoPortfolio.Client saHealth = client("sa-health");
        DemoPortfolio.Client disputed = portfolio.clients().stream().skip(4)
                .filter(c -> c.profile() == DemoPortfolio.Profile.STABLE).findFirst().orElseThrow();

        run(gha, "qbr", 3, List.of(
                internal(gha.ownerCse(), obj("formData", obj("renewalDate", gha.renewalDate(),
                        "annualRecurringRevenue", gha.maintenanceRevenue(), "supportTicketsThisQuarter", 4, "npsScore", 9,
                        "keyWinsThisQuarter", "Mobile nursing app live in two hospitals; patient portal proposal accepted for review."))),
                file(gha.ownerCse(), "GHA-QBR-Q4-2026.pptx", PPTX, "GHA Q4 2026 business review deck")));
        run(waHealth, "annual-renewal", 3, List.of(
                internal(waHealth.ownerCse(), obj("formData", obj("accountName", waHealth.name(),
                        "contractEndDate", waHealth.renewalDate(), "currentArr", waHealth.maintenanceRevenue(),
                        "numberOfLicensesSeats", 4200, "renewalRiskFactors", "New CIO since October; has not met us yet.",
                        "upsellOpportunities", "Clinical analytics (qualified, 2.4M at 40 %)"))),
                file(waHealth.ownerCse(), "WA-Health-usage-and-value-2026.csv", "text/csv",
                        "month,active_users,modules_in_use\n2026-09,3890,7\n2026-10,3954,7\n2026-11,4021,8\n")));
        run(sunrise, "client-health-check", 2, List.of(
                internal(sunrise.ownerCse(), obj("formData", obj("triggerReason", "Health score drop", "currentHealthRYG", "Red",
                        "daysToRenewal", ChronoUnit.DAYS.between(today, sunrise.renewalDate()))))));
        run(saHealth, "client-health-check", 0, List.of(
                internal(saHealth.ownerCse(), obj("formData", obj("triggerReason", "Health score drop", "currentHealthRYG", "Yellow",
                        "daysToRenewal", ChronoUnit.DAYS.between(today, saHealth.renewalDate())))),
                client(saHealth, obj("formData", obj("overallSatisfaction", "Neutral",
                        "whatIsWorkingWell", "The service desk answers quickly and knows our wards.",
                        "whatCouldBeImproved", "Release notes arrive too late for our clinical safety review.",
                        "anythingWeShouldKnow", "Our CNIO, Aoife O'Sullivan, now chairs the digital steering committee."))),
                internal(saHealth.ownerCse(), obj("formData", obj("riskLevel", "Medium",
                        "primaryRiskFactors", "Late release communication; new executive sponsor not yet engaged.",
                        "recommendedIntervention", "Release briefings two weeks ahead; executive sponsor meeting with our VP."))),
                internal(saHealth.ownerCse(), obj("comment", "Health check meeting held on site; action plan agreed with owners and dates.")),
                client(saHealth, obj()),
                internal(saHealth.ownerCse(), obj("comment", "Actions logged in the CRM; next pulse check booked for March."))));
        run(disputed, "billing-dispute-resolution", 0, List.of(
                client(disputed, obj("formData", obj("invoiceNumber", "INV-2026-10417", "disputedAmount", new BigDecimal("18400"),
                        "disputeCategory", "Unused licenses after downgrade",
                        "descriptionOfDispute", "Invoiced for 120 licences after the downgrade to 80 in August.",
                        "expectedResolution", "Credit for the 40 unused licences for September to November."))),
                clientFile(disputed, "INV-2026-10417.pdf", "application/pdf", "%PDF-1.4\n% invoice INV-2026-10417\n"),
                internal("vp", obj("comment", "Downgrade confirmed in the contract amendment of 12 August.")),
                internal("vp", obj("outcome", "APPROVED", "comment", "Credit of 18,400.00 for the unused licences.")),
                internal("vp", obj("comment", "Resolution letter sent to the client.")),
                client(disputed, obj("outcome", "ACCEPT")),
                internal("vp", obj("comment", "Credit memo CM-2026-0311 issued.")),
                client(disputed, obj())));

        readiness();
        List<Map<String, Object>> all = api.all("/api/v1/workflows", api.as("admin"));
        System.out.printf("  workflows %d instances (the demo's and the triggers'): %s%n", all.size(), all.stream()
                .collect(Collectors.groupingBy(w -> str(w, "template", "key") + " " + str(w, "status"), java.util.TreeMap::new,
                        Collectors.counting())));
    }

    /**
     * A readiness assessment of the APAC region as on 4 December 2026 by the AVP (seed 004), once: the same
     * Idempotency-Key and body give back the same assessment on every load.
     */
    private void readiness() throws IOException, InterruptedException {
        Map<String, Object> a = MiniJson.object(api.send("POST", "/api/v1/readiness/assessments", api.as("avp"),
                write(obj("scope", "REGION", "scopeValue", "APAC", "asOf", DemoCalendarLoader.SEED_DAY)),
                "demo-readiness-apac-" + DemoCalendarLoader.SEED_DAY));
        System.out.printf("  readiness APAC on %s: %s clients, overall %s (%s); report /api/v1/readiness/assessments/%s/report.pdf%n",
                DemoCalendarLoader.SEED_DAY, str(a, "clientCount"), str(a, "executiveSummary", "overall", "score"),
                str(a, "executiveSummary", "overall", "maturity"), str(a, "id"));
        // dimension 3 (Onboarding & Value Realization) is proposed from the clients in onboarding or adoption
        Object onboarding = MiniJson.at(a, "scorecard", 2);
        System.out.printf("    %s: %s (%s)%n", str(onboarding, "name"), str(onboarding, "level", "score"),
                str(onboarding, "level", "maturity"));
        for (Map<String, Object> criterion : MiniJson.list(onboarding, "criteria")) {
            System.out.printf("      %s %s: %s%n", str(criterion, "code"), criterion.get("proposedScore") == null ? "unassessed"
                    : str(criterion, "proposedScore") + "/5", str(criterion, "evidence"));
        }
    }

    /**
     * Brings the client's instance of the template to step {@code stopAt} (0: to its end), starting one when the
     * client has none; steps already done are left alone.
     */
    private void run(DemoPortfolio.Client client, String templateKey, int stopAt, List<Action> actions)
            throws IOException, InterruptedException {
        String clientId = ids.get(client.key());
        String starter = api.as(client.ownerCse());
        Map<String, Object> workflow = null;
        for (int attempt = 0; workflow == null && attempt < 20; attempt++) {
            List<Map<String, Object>> found = api.all("/api/v1/workflows?clientId=" + clientId + "&templateKey=" + templateKey, starter);
            if (!found.isEmpty()) { // the list has summaries: the steps are in the full view
                workflow = api.get("/api/v1/workflows/" + str(found.getFirst(), "id"), starter);
            } else if (templateKey.equals("annual-renewal") && attempt < 19) {
                Thread.sleep(1_000); // RenewalWindowOpened starts it: give the trigger a moment
            } else {
                workflow = MiniJson.object(api.send("POST", "/api/v1/workflows", starter,
                        write(obj("clientId", clientId, "templateKey", templateKey)), "demo-workflow-" + clientId + "-" + templateKey));
            }
        }
        String id = str(workflow, "id");
        boolean moved = false;
        while ("RUNNING".equals(str(workflow, "status"))) {
            int position = Integer.parseInt(str(workflow, "activePosition"));
            if (position == stopAt) {
                Map<String, Object> step = MiniJson.list(workflow, "steps").get(position - 1);
                if (moved && "CLIENT".equals(str(step, "side"))) {
                    link(id, position, client); // waits in the demo inbox
                }
                break;
            }
            actions.get(position - 1).run(id, position);
            moved = true;
            workflow = api.get("/api/v1/workflows/" + id, starter);
        }
        System.out.printf("  workflow  %s for %s: %s%n", templateKey, client.name(), "RUNNING".equals(str(workflow, "status"))
                ? "running at step " + str(workflow, "activePosition") : str(workflow, "status").toLowerCase());
    }

    private Action internal(String username, Map<String, Object> body) {
        return (id, position) -> api.send("POST", "/api/v1/workflows/" + id + "/steps/" + position + "/completion",
                api.as(username), write(body), null);
    }

    private Action file(String username, String fileName, String type, String content) {
        return (id, position) -> check(api.upload("/api/v1/workflows/" + id + "/steps/" + position + "/file?fileName=" + fileName,
                api.as(username), type, content.getBytes(StandardCharsets.UTF_8)));
    }

    private Action client(DemoPortfolio.Client client, Map<String, Object> body) {
        return (id, position) -> api.send("POST", "/api/v1/workflows/links/" + link(id, position, client), null, write(body), null);
    }

    private Action clientFile(DemoPortfolio.Client client, String fileName, String type, String content) {
        return (id, position) -> check(api.upload("/api/v1/workflows/links/" + link(id, position, client) + "/file?fileName="
                + fileName, null, type, content.getBytes(StandardCharsets.UTF_8)));
    }

    /** Sends the client's first reachable contact a link to the step; returns its token. */
    private String link(String workflowId, int position, DemoPortfolio.Client client) throws IOException, InterruptedException {
        DemoPortfolio.Contact contact = portfolio.contacts().stream()
                .filter(c -> c.clientKey().equals(client.key()) && c.email() != null).findFirst().orElseThrow();
        Map<String, Object> issued = MiniJson.object(api.send("POST", "/api/v1/workflows/" + workflowId + "/steps/" + position + "/links",
                api.as(client.ownerCse()), write(obj("email", contact.email(), "recipientName", contact.name())), null));
        return str(issued, "token");
    }

    private static void check(DemoLoader.Reply reply) {
        if (!reply.ok()) {
            throw new IllegalStateException("file upload answered " + reply.status() + ": " + reply.body());
        }
    }

    private DemoPortfolio.Client client(String key) {
        return portfolio.clients().stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
    }
}
