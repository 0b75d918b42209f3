package io.rhythm.demo;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.rhythm.demo.DemoLoader.field;

/**
 * The NPS part of the demo, through the public API, idempotently (each cycle is filled once):
 * <ul>
 *   <li>"NPS Q2 2026" with the seed's dates: the demo portfolio's answers (HubSpot import; SA Health
 *       averaging 6.1, range 1–9), closed by a leader (CycleClosed), detractor cases moved to several
 *       states, letters drafted, approved by the EVP with the BU talking points, and sent;</li>
 *   <li>"NPS Q4 2026" with the seed's dates, delivered by HubSpot (issue 17): answers imported, recipient lists
 *       built and frozen (so the results show the response rate against 40 % from the frozen list), letters and
 *       talking points drafted and waiting for the EVP — its survey window, Oct 7–21, is over: nps-service's
 *       milestone scan closes it on its own at its next run, like any other cycle;</li>
 *   <li>two NPS initiatives on the seed's themes, with progress.</li>
 * </ul>
 */
final class DemoNpsLoader extends DemoPart {

    static final String Q2 = "NPS Q2 2026";
    static final String Q4 = "NPS Q4 2026";

    DemoNpsLoader(DemoLoader api, DemoPortfolio.Portfolio portfolio, Map<String, String> ids) {
        super(api, portfolio, ids);
    }

    void load() throws IOException, InterruptedException {
        // each step is idempotent on its own, so a load that stopped half-way is completed by the next one
        String q2 = cycle(Q2, LocalDate.of(2026, 4, 8), LocalDate.of(2026, 4, 22));
        if (!closed(q2)) {
            if (responses(q2) == 0) {
                importAnswers(q2, DemoNps.q2(portfolio), LocalDate.of(2026, 4, 8));
            }
            freezeLists(q2); // the response rate of the closed results comes from the frozen list
            api.send("POST", "/api/v1/nps/cycles/" + q2 + "/close", api.admin, null, null);
        }
        if (ids(api.send("GET", "/api/v1/nps/cases?cycleId=" + q2 + "&status=CONTACTED&limit=1", api.admin, null, null)).isEmpty()) {
            moveCases(q2);
        }
        api.send("POST", "/api/v1/nps/cycles/" + q2 + "/letters/generate", api.admin, null, null); // redrafts drafts only
        api.send("POST", "/api/v1/nps/cycles/" + q2 + "/talking-points/generate", api.admin, null, null);
        for (String unit : businessUnits(q2)) { // approved already: 409, fine
            api.send("POST", "/api/v1/nps/cycles/" + q2 + "/talking-points/" + path(unit) + "/approve", api.evp, null, null);
        }
        int sent = 0;
        for (String letter : ids(api.send("GET", "/api/v1/nps/letters?cycleId=" + q2 + "&status=APPROVED&limit=200", api.admin, null, null))) {
            api.send("POST", "/api/v1/nps/letters/" + letter + "/sent", api.admin, "{}", null);
            sent++;
        }
        System.out.printf("  %s  %d answers, closed, letters approved by the EVP (%d sent now)%n", Q2, responses(q2), sent);

        String q4 = cycle(Q4, LocalDate.of(2026, 10, 7), LocalDate.of(2026, 10, 21));
        if (responses(q4) == 0 && !closed(q4)) {
            importAnswers(q4, DemoNps.q4(portfolio), LocalDate.of(2026, 10, 7));
            api.send("POST", "/api/v1/nps/cycles/" + q4 + "/letters/generate", api.admin, null, null);
            api.send("POST", "/api/v1/nps/cycles/" + q4 + "/talking-points/generate", api.admin, null, null);
            System.out.printf("  %s  answers imported; letters and talking points drafted, awaiting the EVP%n", Q4);
        } else {
            System.out.printf("  %s  already there%n", Q4);
        }
        if (!closed(q4)) { // after the import: a cycle entered after its close date is closed by the scan once frozen
            api.send("PUT", "/api/v1/nps/cycles/" + q4 + "/delivery", api.admin, "{\"delivery\":\"EXTERNAL\",\"tool\":\"HubSpot\"}", null);
            freezeLists(q4);
        }
        initiatives();
    }

    /** Builds every client's recipient list from the contacts and freezes them (409 once frozen: fine). */
    private void freezeLists(String cycle) throws IOException, InterruptedException {
        api.send("POST", "/api/v1/nps/cycles/" + cycle + "/recipients/build", api.admin, null, null);
        api.send("POST", "/api/v1/nps/cycles/" + cycle + "/recipients/freeze", api.admin, null, null);
    }

    /** The cycle's id, created with the seed's dates when missing. */
    private String cycle(String name, LocalDate open, LocalDate close) throws IOException, InterruptedException {
        String list = api.send("GET", "/api/v1/nps/cycles?limit=200", api.admin, null, null);
        Matcher existing = Pattern.compile("\"id\":\"([0-9a-f-]{36})\",\"name\":\"" + Pattern.quote(name) + "\"").matcher(list);
        if (existing.find()) {
            return existing.group(1);
        }
        String created = api.send("POST", "/api/v1/nps/cycles", api.admin, "{" + String.join(",", field("name", name),
                field("openDate", open.toString()), field("closeDate", close.toString())) + "}", "demo-cycle-" + name.replace(' ', '-'));
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(created);
        if (!id.find()) {
            throw new IllegalStateException("no id in " + created);
        }
        return id.group(1);
    }

    private int responses(String cycle) throws IOException, InterruptedException {
        Matcher m = Pattern.compile("\"overall\":\\{\"count\":(\\d+)").matcher(api.send("GET", "/api/v1/nps/cycles/" + cycle + "/results", api.admin, null, null));
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private boolean closed(String cycle) throws IOException, InterruptedException {
        return api.send("GET", "/api/v1/nps/cycles/" + cycle, api.admin, null, null).contains("\"status\":\"CLOSED\"");
    }

    /**
     * The answers as a HubSpot feedback_submissions export. nps-service matches respondents by e-mail in
     * its contact projection (fed by clients.v1), which may still be catching up with the contacts just
     * created: rows it cannot match yet are sent again a few seconds later.
     */
    private void importAnswers(String cycle, List<DemoNps.Answer> answers, LocalDate open) throws IOException, InterruptedException {
        List<DemoNps.Answer> pending = answers;
        Map<String, Integer> outcomes = new java.util.TreeMap<>();
        for (int attempt = 1; !pending.isEmpty() && attempt <= 12; attempt++) {
            String rows = pending.stream().map(a -> "{" + String.join(",", field("hs_survey_type", "NPS"),
                    field("hs_value", Integer.toString(a.score())), field("hs_content", a.comment()), field("email", a.email()),
                    field("hs_submission_timestamp", open.plusDays(a.day()).atTime(9 + a.score() % 8, a.email().length() % 60)
                            .toInstant(ZoneOffset.UTC).toString())) + "}").collect(Collectors.joining(","));
            String body = api.send("POST", "/api/v1/nps/cycles/" + cycle + "/responses/import/hubspot", api.admin,
                    "{\"rows\":[" + rows + "]}", null);
            if (body.startsWith("{\"type\"")) {
                throw new IllegalStateException("the import into " + cycle + " was refused: " + body);
            }
            Matcher status = Pattern.compile("\"row\":(\\d+),\"status\":\"(\\w+)\"").matcher(body);
            List<DemoNps.Answer> unmatched = new ArrayList<>();
            while (status.find()) {
                String outcome = status.group(2);
                if (outcome.equals("UNMATCHED")) {
                    unmatched.add(pending.get(Integer.parseInt(status.group(1))));
                } else {
                    outcomes.merge(outcome, 1, Integer::sum);
                }
                if (outcome.equals("REJECTED")) {
                    throw new IllegalStateException("a demo answer was rejected: " + body);
                }
            }
            pending = unmatched;
            if (!pending.isEmpty()) {
                Thread.sleep(5_000);
            }
        }
        System.out.printf("  answers   %s %s%s%n", cycle, outcomes, pending.isEmpty() ? "" : ", " + pending.size() + " never matched");
    }

    /** Detractor cases in several states: contacted, root cause found, action planned, resolved, closed. */
    private void moveCases(String cycle) throws IOException, InterruptedException {
        List<String> cases = ids(api.send("GET", "/api/v1/nps/cases?cycleId=" + cycle + "&status=OPEN&limit=50", api.admin, null, null));
        String[][] steps = {
                {"CONTACTED"},
                {"CONTACTED", "ROOT_CAUSE_IDENTIFIED"},
                {"CONTACTED", "ROOT_CAUSE_IDENTIFIED", "ACTION_PLANNED"},
                {"CONTACTED", "ROOT_CAUSE_IDENTIFIED", "ACTION_PLANNED", "RESOLVED"},
                {"CONTACTED", "ROOT_CAUSE_IDENTIFIED", "ACTION_PLANNED", "RESOLVED", "CLOSED"}};
        int moved = 0;
        for (int i = 0; i < cases.size() && i < 2 * steps.length; i++) {
            for (String to : steps[i % steps.length]) {
                String text = switch (to) {
                    case "ROOT_CAUSE_IDENTIFIED" -> "The client sees the product as legacy and outdated; no roadmap was shared since the last upgrade.";
                    case "ACTION_PLANNED" -> "Roadmap briefing with product management, then a modernisation plan reviewed at the next QBR.";
                    default -> null;
                };
                api.send("POST", "/api/v1/nps/cases/" + cases.get(i) + "/transitions", api.admin,
                        "{" + String.join(",", field("to", to), field("text", text)) + "}", null);
            }
            moved++;
        }
        System.out.printf("  cases     %d detractor cases, %d moved on (contacted … closed), the rest open%n", cases.size(), moved);
    }

    private List<String> businessUnits(String cycle) throws IOException, InterruptedException {
        Set<String> units = new LinkedHashSet<>();
        Matcher m = Pattern.compile("\"businessUnit\":\"([^\"]+)\"")
                .matcher(api.send("GET", "/api/v1/nps/cycles/" + cycle + "/talking-points?limit=100", api.admin, null, null));
        while (m.find()) {
            units.add(m.group(1));
        }
        return List.copyOf(units);
    }

    private void initiatives() throws IOException, InterruptedException {
        String saHealth = ids.get("sa-health");
        String sunrise = ids.get("sunrise");
        initiative("demo-initiative-roadmap", "Product roadmap briefings for health clients",
                "Answer the 'legacy / outdated' perception (seed 000) with roadmap sessions and a modernisation plan.",
                "Head of Product", "PRODUCT_PERCEPTION", saHealth, 40,
                "Roadmap briefing held with SA Health's CIO; modernisation plan drafted.");
        initiative("demo-initiative-support", "Support response-time programme",
                "Cut time to first response on urgent tickets; weekly review of open escalations.",
                "Support Director", "SUPPORT_RESPONSIVENESS", sunrise, 25,
                "Urgent-ticket triage rota in place; backlog review weekly.");
    }

    private void initiative(String key, String title, String description, String owner, String theme, String clientId,
                            int percent, String progress) throws IOException, InterruptedException {
        String created = api.send("POST", "/api/v1/nps/initiatives", api.admin, "{" + String.join(",", field("title", title),
                field("description", description), field("owner", owner), "\"themes\":[\"" + theme + "\"]",
                "\"clientIds\":[\"" + clientId + "\"]", field("status", "IN_PROGRESS"),
                field("targetDate", "2027-03-31")) + "}", key);
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(created);
        if (id.find()) {
            api.send("POST", "/api/v1/nps/initiatives/" + id.group(1) + "/progress", api.admin, "{" + String.join(",",
                    field("text", progress), "\"percentComplete\":" + percent) + "}", key + "-progress-1");
        }
        System.out.printf("  initiative %s%n", title);
    }

    /** The ids of a page's items (each item's first field is its id). */
    private static List<String> ids(String page) {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\"").matcher(page);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
