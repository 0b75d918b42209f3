package io.rhythm.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A year of engagement activities for the demo clients (issues 11 and 14), relative to the load day: each client has
 * the Activity Register's five types — partnership meetings monthly, QBRs, health checks and service reviews
 * quarterly, executive engagement twice a year — held up to a "lag" that depends on how the account is going
 * (healthy accounts met last week, stable ones three weeks ago, at-risk ones six weeks ago, critical ones not for
 * two and a half months). Against each segment's cadence that gives compliant, due-soon and overdue register items.
 * Six meetings are planned in the fortnight after the load day, one of them with a client none of whose contacts has
 * answered an NPS survey ({@link #NO_NPS_ANSWER_CLIENT}: its brief shows NPS as missing). Weekend days move to the Friday before (past) or
 * the Monday after (planned). Plain data: {@link DemoCalendarLoader} sends it.
 */
public final class DemoEngagements {

    public enum Type {
        PARTNERSHIP_MEETING("Partnership meeting", 1, 0),
        QBR("QBR", 3, 10),
        HEALTH_CHECK("Health check", 3, 38),
        SERVICE_REVIEW("Service review", 3, 24),
        EXECUTIVE_ENGAGEMENT("Executive engagement", 6, 52);

        final String label;
        final int everyMonths;
        final int offsetDays;

        Type(String label, int everyMonths, int offsetDays) {
            this.label = label;
            this.everyMonths = everyMonths;
            this.offsetDays = offsetDays;
        }
    }

    public record ActionItem(String description, String owner, LocalDate dueOn) {
    }

    /** One activity: HELD ones are planned and then marked held on their day; PLANNED ones stay planned. */
    public record Activity(String clientKey, Type type, String title, LocalDateTime startsAt, String timeZone, String owner,
                           boolean held, String summary, String outcomes, List<ActionItem> actionItems) {

        public LocalDate day() {
            return startsAt.toLocalDate();
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private DemoEngagements() {
    }

    /** Days since the last partnership meeting, by how the account is going. */
    static int lag(DemoPortfolio.Profile profile) {
        return switch (profile) {
            case HEALTHY -> 6;
            case STABLE -> 22;
            case AT_RISK -> 45;
            case CRITICAL -> 75;
        };
    }

    /** The held year (oldest first per client) and the planned fortnight. */
    public static List<Activity> activities(DemoPortfolio.Portfolio portfolio, LocalDate today) {
        List<Activity> activities = new ArrayList<>();
        List<DemoPortfolio.Client> clients = portfolio.clients();
        for (int i = 0; i < clients.size(); i++) {
            DemoPortfolio.Client client = clients.get(i);
            LocalDate last = today.minusDays(lag(client.profile()) + i % 4);
            List<Activity> held = new ArrayList<>();
            for (Type type : Type.values()) {
                LocalDate anchor = last.minusDays(type.offsetDays);
                for (int k = 0; ; k++) {
                    LocalDate day = weekdayBefore(anchor.minusMonths((long) k * type.everyMonths));
                    if (day.isBefore(today.minusYears(1))) {
                        break;
                    }
                    held.add(held(client, type, day, k == 0, today));
                }
            }
            held.sort(Comparator.comparing(Activity::startsAt));
            activities.addAll(held);
        }
        activities.addAll(planned(portfolio, today));
        return List.copyOf(activities);
    }

    private static Activity held(DemoPortfolio.Client client, Type type, LocalDate day, boolean latest, LocalDate today) {
        String owner = type == Type.EXECUTIVE_ENGAGEMENT || type == Type.QBR ? client.ownerCam() : client.ownerCse();
        String outcomes = switch (type) {
            case PARTNERSHIP_MEETING -> "Open tickets and adoption reviewed; no new escalations.";
            case QBR -> "Usage trends and roadmap presented; next-quarter priorities agreed.";
            case HEALTH_CHECK -> "Health drivers walked through with the client; actions owned on both sides.";
            case SERVICE_REVIEW -> "Support backlog and SLA performance reviewed.";
            case EXECUTIVE_ENGAGEMENT -> "Executive sponsor briefed on value delivered and the renewal timeline.";
        };
        List<ActionItem> items = List.of();
        if (latest && type == Type.QBR) { // the last QBR left action items: one due already, one still open ahead
            items = List.of(new ActionItem("Send the QBR deck and the agreed priorities", client.ownerCse(), day.plusDays(7)),
                    new ActionItem("Roadmap session with product management", client.ownerCam(),
                            later(day.plusDays(60), today.plusDays(10))));
        }
        return new Activity(client.key(), type, type.label + " · " + DAY.format(day), day.atTime(LocalTime.of(10, 0)),
                zone(client), owner, true, type.label + " with " + client.name(), outcomes, items);
    }

    /**
     * The demo client whose planned meeting's brief shows NPS as missing: Illawarra Care Network's only contact with an
     * e-mail address has unsubscribed, so no cycle ever invites anyone there ({@link DemoNps}).
     */
    static final String NO_NPS_ANSWER_CLIENT = "illawarra-care-network";

    /** Six meetings in the fortnight after {@code today}, for the accounts that need them most. */
    static List<Activity> planned(DemoPortfolio.Portfolio portfolio, LocalDate today) {
        List<Activity> planned = new ArrayList<>();
        DemoPortfolio.Client atRiskTail = portfolio.clients().stream().skip(4)
                .filter(c -> c.profile() == DemoPortfolio.Profile.AT_RISK).findFirst().orElseThrow();
        Object[][] meetings = {
                {"sa-health", Type.QBR, 3, "Q4 business review with the CIO", "Agenda: NPS 6.1 follow-up by department, statewide rollout proposal"},
                {"wa-health", Type.EXECUTIVE_ENGAGEMENT, 6, "Renewal: meet the new CIO", "Agenda: value delivered, renewal on 28 Feb, clinical analytics"},
                {"sunrise", Type.HEALTH_CHECK, 8, "Health check: consolidation plans", "Agenda: usage decline, urgent tickets, what Sunrise keeps after FY2028"},
                {"gha", Type.PARTNERSHIP_MEETING, 10, "Partnership meeting: patient portal", "Agenda: patient portal proposal, mobile nursing go-live"},
                {atRiskTail.key(), Type.SERVICE_REVIEW, 13, "Service review: support backlog", "Agenda: urgent tickets, backlog over 30 days"},
                {NO_NPS_ANSWER_CLIENT, Type.PARTNERSHIP_MEETING, 4, "Partnership meeting: how do we hear the users?",
                        "Agenda: no survey answers yet (the only contact unsubscribed), nominate NPS recipients for the next cycle"}};
        for (Object[] m : meetings) {
            DemoPortfolio.Client client = portfolio.clients().stream().filter(c -> c.key().equals(m[0])).findFirst().orElseThrow();
            LocalDate day = weekdayAfter(today.plusDays((Integer) m[2]));
            Type type = (Type) m[1];
            planned.add(new Activity(client.key(), type, m[3] + " · " + DAY.format(day), day.atTime(LocalTime.of(10, 30)),
                    zone(client), client.ownerCse(), false, null, (String) m[4], List.of()));
        }
        return planned;
    }

    /** The client's local time zone: New Zealand and Western Australia by place name, Sydney otherwise. */
    static String zone(DemoPortfolio.Client client) {
        String name = client.name();
        if (name.startsWith("Canterbury") || name.startsWith("Waikato") || name.startsWith("Otago") || name.startsWith("Tasman")) {
            return "Pacific/Auckland";
        }
        if (name.startsWith("WA ") || name.startsWith("Pilbara") || name.startsWith("Kimberley")) {
            return "Australia/Perth";
        }
        return "Australia/Sydney";
    }

    private static LocalDate weekdayBefore(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY ? day.minusDays(1)
                : day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.minusDays(2) : day;
    }

    private static LocalDate weekdayAfter(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY ? day.plusDays(2)
                : day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.plusDays(1) : day;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
