package io.rhythm.demo;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.rhythm.demo.MiniJson.obj;
import static io.rhythm.demo.MiniJson.str;
import static io.rhythm.demo.MiniJson.write;

/**
 * The calendar part of the demo (issues 11 and 14) through the public API, idempotently:
 * <ul>
 *   <li>the {@link DemoEngagements} year of activities, each planned and then marked held on its (past) day by its
 *       owner, and the planned fortnight. Titles carry the day, so a second load on the same day adds nothing; a client
 *       that already has activities but none of today's titles (a load on an earlier day) is left as it is;</li>
 *   <li>the seed calendar's deliverables and the NPS checklists as a team would have them on <b>4 December 2026</b>
 *       (the seed's fixed day, since the 2026 calendar has fixed dates): most items due before November done, one in
 *       seven left overdue; of those due from 1 November to 4 December, about half done and half overdue; later ones
 *       open;</li>
 *   <li>a personal iCalendar feed URL for the demo user {@code cse};</li>
 *   <li>the meeting-brief path of the planned meeting with {@link DemoEngagements#NO_NPS_ANSWER_CLIENT}, whose brief shows
 *       NPS as missing (read as its CSE).</li>
 * </ul>
 */
final class DemoCalendarLoader extends DemoPart {

    /** The day the seed's team stands on (seed 000 and issue 14: "a team on 4 December 2026"). */
    static final LocalDate SEED_DAY = LocalDate.of(2026, 12, 4);

    DemoCalendarLoader(DemoLoader api, DemoPortfolio.Portfolio portfolio, Map<String, String> ids) {
        super(api, portfolio, ids);
    }

    void load(LocalDate today) throws IOException, InterruptedException {
        Map<String, List<DemoEngagements.Activity>> byClient = DemoEngagements.activities(portfolio, today).stream()
                .collect(Collectors.groupingBy(DemoEngagements.Activity::clientKey, java.util.LinkedHashMap::new, Collectors.toList()));
        Map<String, String> firstContact = new HashMap<>();
        for (DemoPortfolio.Contact c : portfolio.contacts()) {
            if (c.email() != null) {
                firstContact.putIfAbsent(c.clientKey(), c.name() + "\u0000" + c.email());
            }
        }
        int planned = 0;
        int held = 0;
        int skipped = 0;
        int done = 0;
        for (var entry : byClient.entrySet()) {
            String clientId = ids.get(entry.getKey());
            Map<String, Map<String, Object>> existing = new HashMap<>();
            for (Map<String, Object> a : api.all("/api/v1/calendar/activities?clientId=" + clientId, api.as("admin"))) {
                existing.put(str(a, "title"), a);
            }
            boolean sameDay = entry.getValue().stream().anyMatch(a -> existing.containsKey(a.title()));
            if (!existing.isEmpty() && !sameDay) {
                skipped++;
                continue;
            }
            for (DemoEngagements.Activity activity : entry.getValue()) {
                String token = api.as(activity.owner());
                Map<String, Object> current = existing.get(activity.title());
                if (current == null) {
                    String contact = firstContact.get(activity.clientKey());
                    List<Object> attendees = new ArrayList<>(List.of(obj("kind", "INTERNAL", "username", activity.owner())));
                    if (contact != null) {
                        attendees.add(obj("kind", "CLIENT", "name", contact.split("\u0000")[0], "email", contact.split("\u0000")[1]));
                    }
                    current = MiniJson.object(api.send("POST", "/api/v1/calendar/activities/planned", token, write(obj(
                            "clientId", clientId, "activityType", activity.type().name(), "title", activity.title(),
                            "startsAt", activity.startsAt(), "timeZone", activity.timeZone(), "durationMinutes", 60,
                            "attendees", attendees, "notes", activity.held() ? null : activity.outcomes())),
                            "demo-activity-" + clientId + "-" + activity.day() + "-" + Integer.toHexString(activity.title().hashCode())));
                    planned++;
                }
                if (activity.held() && "PLANNED".equals(str(current, "status"))) {
                    api.send("POST", "/api/v1/calendar/activities/" + str(current, "id") + "/hold", token, write(obj(
                            "heldOn", activity.day(), "summary", activity.summary(), "outcomes", activity.outcomes(),
                            "actionItems", activity.actionItems().stream().map(i -> obj("description", i.description(),
                                    "owner", i.owner(), "dueOn", i.dueOn())).toList())), null);
                    held++;
                }
            }
            if (++done % 5 == 0) {
                System.out.printf("  activities %d/%d clients: %d planned, %d marked held so far%n", done, byClient.size(), planned, held);
            }
        }
        System.out.printf("  activities %d planned, %d held (back-filled); %d clients already had theirs from an earlier day%n",
                planned, held, skipped);
        deliverables();
        String url = str(MiniJson.object(api.send("POST", "/api/v1/calendar/feeds", api.as("cse"), null, null)), "url");
        feedUrl = url;
        briefPath = briefPath(today);
    }

    private String feedUrl;
    private String briefPath;

    /**
     * The brief of the next planned meeting with the client that has no NPS answer, looked up rather than remembered so
     * that a second load (which plans nothing new) still finds it; null when it is not planned.
     */
    private String briefPath(LocalDate today) throws IOException, InterruptedException {
        String clientId = ids.get(DemoEngagements.NO_NPS_ANSWER_CLIENT);
        return api.all("/api/v1/calendar/activities?status=PLANNED&clientId=" + clientId, api.as("admin")).stream()
                .filter(a -> !LocalDate.parse(str(a, "occurredOn")).isBefore(today))
                .min(java.util.Comparator.comparing(a -> str(a, "occurredOn")))
                .map(a -> "/api/v1/calendar/activities/" + str(a, "id") + "/brief").orElse(null);
    }

    /** The path (under the gateway) of a planned meeting's brief that shows NPS as missing, or null. */
    String briefPath() {
        return briefPath;
    }

    /** Who may read {@link #briefPath()}: the client's CSE. */
    String briefReader() {
        return portfolio.clients().stream().filter(c -> c.key().equals(DemoEngagements.NO_NPS_ANSWER_CLIENT)).findFirst()
                .orElseThrow().ownerCse();
    }

    /** The feed URL issued to {@code cse} by {@link #load}. */
    String feedUrl() {
        return feedUrl;
    }

    /** Ticks off the deliverables a team on {@link #SEED_DAY} would have done, by the VP CommOps. */
    private void deliverables() throws IOException, InterruptedException {
        String vp = api.as("vp");
        int completed = 0;
        for (Map<String, Object> d : api.all("/api/v1/calendar/deliverables?status=OPEN&asOf=" + SEED_DAY, vp)) {
            LocalDate due = LocalDate.parse(str(d, "dueOn"));
            if (due.isAfter(SEED_DAY) || leftOverdue(str(d, "id"), due)) {
                continue;
            }
            api.send("POST", "/api/v1/calendar/deliverables/" + str(d, "id") + "/complete", vp,
                    write(obj("note", "Done (demo: as a team stood on " + SEED_DAY + ")")), null);
            completed++;
        }
        List<Map<String, Object>> overdue = api.all("/api/v1/calendar/deliverables?status=OVERDUE&asOf=" + SEED_DAY, vp);
        List<Map<String, Object>> done = api.all("/api/v1/calendar/deliverables?status=DONE&asOf=" + SEED_DAY, vp);
        List<Map<String, Object>> due = api.all("/api/v1/calendar/deliverables?status=DUE&withinDays=30&asOf=" + SEED_DAY, vp);
        System.out.printf("  deliverables on %s: %d done (%d now), %d overdue, %d due in the next 30 days%n", SEED_DAY,
                done.size(), completed, overdue.size(), due.size());
    }

    /** Stragglers, decided by the item's id so that a second load leaves the same ones open. */
    static boolean leftOverdue(String id, LocalDate due) {
        int bucket = Math.floorMod(id.hashCode(), 14);
        return due.isBefore(SEED_DAY.withDayOfMonth(1).minusMonths(1)) ? bucket < 2 : bucket < 7;
    }
}
