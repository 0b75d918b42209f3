package io.rhythm.calendar.rollforward;

import io.rhythm.calendar.api.CalendarImport;
import net.fortuna.ical4j.model.Recur;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates a year's operating-rhythm calendar from a {@link RhythmTemplate} and its base calendar: each entry's
 * dates by its RRULE (ical4j {@link Recur}), then the move rule of {@link WorkingDays}:
 * <ul>
 *   <li>a start on a weekend or regional public holiday moves to the next working day (or the previous one where
 *       the entry says PREVIOUS_WORKING_DAY);</li>
 *   <li>the end is start + days − 1 from the moved start; an end on a non-working day moves back to the previous
 *       working day, never before the start (an event is shortened rather than run into a weekend);</li>
 *   <li>milestones are offsets from the moved start, each then moved by its own rule (deadlines back, others forward);</li>
 *   <li>relative entries (e.g. the recipient list 14 days before each NPS survey) follow their anchor's moved start;</li>
 *   <li>the quarter is the quarter of the moved start (a move across a quarter boundary changes it).</li>
 * </ul>
 * Every move is reported with its reason. Content comes from the base event with its years shifted to the target year.
 */
public final class RollForward {

    private static final Pattern YEAR = Pattern.compile("\\b(20[2-4]\\d)\\b");

    public record Adjustment(String eventCode, String milestoneCode, LocalDate ruleDate, LocalDate movedTo, String reason) {
    }

    public record Draft(CalendarImport calendar, List<Adjustment> adjustments) {
    }

    private RollForward() {
    }

    /** Instance of an entry: the moved start and the placeholders its codes and titles use. */
    private record Instance(String code, LocalDate start, Map<String, String> vars) {
    }

    public static Draft roll(RhythmTemplate template, CalendarImport base, WorkingDays days, int year, int version) {
        Map<String, CalendarImport.Event> byCode = new HashMap<>();
        base.events().forEach(e -> byCode.put(e.code(), e));
        int shift = year - base.year();
        List<CalendarImport.Event> events = new ArrayList<>();
        List<Adjustment> adjustments = new ArrayList<>();
        Map<String, List<Instance>> instancesByPattern = new HashMap<>();
        Set<String> codes = new HashSet<>();
        for (RhythmTemplate.Entry entry : template.entries()) {
            CalendarImport.Event source = byCode.get(entry.basedOn());
            if (source == null) {
                throw new IllegalArgumentException("entry " + entry.code() + ": basedOn " + entry.basedOn() + " is not in the base calendar");
            }
            if (entry.isWholeYear()) {
                events.add(event(source, entry.code(), shiftYears(source.title(), shift), shiftYears(source.objective(), shift),
                        "ALL", LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), List.of(), shift));
                continue;
            }
            List<Map.Entry<LocalDate, Map<String, String>>> ruleDates = new ArrayList<>();
            if (entry.rrule() != null) {
                for (LocalDate d : occurrences(entry.rrule(), year)) {
                    ruleDates.add(Map.entry(d, Map.of()));
                }
            } else if (entry.relativeTo() != null) {
                List<Instance> anchors = instancesByPattern.get(entry.relativeTo());
                if (anchors == null) {
                    throw new IllegalArgumentException("entry " + entry.code() + ": relativeTo " + entry.relativeTo()
                            + " must be an earlier entry's code");
                }
                int offset = entry.offsetDays() == null ? 0 : entry.offsetDays();
                for (Instance anchor : anchors) {
                    Map<String, String> anchorVars = Map.of("aq", anchor.vars().get("q"), "AQ", anchor.vars().get("Q"));
                    ruleDates.add(Map.entry(anchor.start().plusDays(offset), anchorVars));
                }
            } else {
                throw new IllegalArgumentException("entry " + entry.code() + " needs rrule, relativeTo or wholeYear");
            }
            int n = 0;
            for (var ruleDate : ruleDates) {
                LocalDate start = days.move(ruleDate.getKey(), entry.startMove());
                Map<String, String> vars = new HashMap<>(vars(start, year));
                vars.put("n", String.valueOf(++n));
                vars.putAll(ruleDate.getValue());
                String code = fill(entry.code(), vars);
                if (!codes.add(code)) {
                    throw new IllegalArgumentException("entry " + entry.code() + " gives the code " + code + " twice");
                }
                note(adjustments, days, code, null, ruleDate.getKey(), start);
                int length = entry.days() == null ? Math.toIntExact(ChronoUnit.DAYS.between(source.startsOn(), source.endsOn()) + 1) : entry.days();
                LocalDate ruleEnd = start.plusDays(length - 1L);
                LocalDate end = days.move(ruleEnd, WorkingDays.Move.PREVIOUS_WORKING_DAY);
                if (end.isBefore(start)) {
                    end = start;
                }
                if (!end.equals(ruleEnd)) {
                    adjustments.add(new Adjustment(code, null, ruleEnd, end, "end " + days.whyNotWorking(ruleEnd).orElse("")
                            + ": moved back to the previous working day"));
                }
                List<CalendarImport.Milestone> milestones = new ArrayList<>();
                for (RhythmTemplate.MilestoneRule m : entry.milestoneRules()) {
                    LocalDate mRule = start.plusDays(m.offsetDays());
                    LocalDate mDay = days.move(mRule, m.rule());
                    note(adjustments, days, code, m.code(), mRule, mDay);
                    milestones.add(new CalendarImport.Milestone(m.code(), m.title(), mDay, mDay));
                }
                String title = entry.title() != null ? fill(entry.title(), vars) : shiftYears(source.title(), shift);
                String objective = entry.objective() != null ? fill(entry.objective(), vars) : shiftYears(source.objective(), shift);
                events.add(event(source, code, title, objective, vars.get("Q"), start, end, milestones, shift));
                instancesByPattern.computeIfAbsent(entry.code(), k -> new ArrayList<>()).add(new Instance(code, start, vars));
            }
        }
        events.sort((a, b) -> a.startsOn().equals(b.startsOn()) ? a.code().compareTo(b.code()) : a.startsOn().compareTo(b.startsOn()));
        CalendarImport calendar = new CalendarImport(calendarKey(base, year), version, template.region(), year, template.timeZone(),
                "Rolled forward from " + base.calendarKey() + " v" + base.version() + " by template " + template.templateKey()
                        + " v" + template.version() + " (holidays " + days.region() + ")", events);
        return new Draft(calendar, adjustments);
    }

    /** The dates an RRULE gives within the year (ical4j evaluates the rule from 1 January). */
    public static List<LocalDate> occurrences(String rrule, int year) {
        Recur<LocalDate> recur;
        try {
            recur = new Recur<>(rrule);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a valid RRULE: " + rrule + " (" + e.getMessage() + ")", e);
        }
        LocalDate first = LocalDate.of(year, 1, 1);
        return recur.getDates(first, first, LocalDate.of(year + 1, 1, 1)).stream()
                .filter(d -> d.getYear() == year).sorted().toList();
    }

    /** The rolled calendar's key: the base key with its year replaced (APAC-2026 → APAC-2027). */
    public static String calendarKey(CalendarImport base, int year) {
        String key = base.calendarKey().replace(String.valueOf(base.year()), String.valueOf(year));
        return key.equals(base.calendarKey()) ? base.calendarKey() + "-" + year : key;
    }

    /** Quarter of a day ("Q3"). */
    public static String quarter(LocalDate day) {
        return "Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }

    private static Map<String, String> vars(LocalDate start, int year) {
        String q = quarter(start);
        LocalDate previousQuarter = start.minusMonths(3);
        String pq = quarter(previousQuarter);
        boolean lastYear = previousQuarter.getYear() != start.getYear();
        return Map.of("year", String.valueOf(year), "nextYear", String.valueOf(year + 1), "Q", q,
                "q", q.toLowerCase(java.util.Locale.ROOT),
                "audited", lastYear ? pq + " " + previousQuarter.getYear() : pq,
                "auditedCode", (lastYear ? pq + "-" + previousQuarter.getYear() : pq).toLowerCase(java.util.Locale.ROOT));
    }

    private static void note(List<Adjustment> adjustments, WorkingDays days, String code, String milestone, LocalDate rule, LocalDate moved) {
        if (!rule.equals(moved)) {
            String direction = moved.isAfter(rule) ? "moved to the next working day" : "moved back to the previous working day";
            adjustments.add(new Adjustment(code, milestone, rule, moved, days.whyNotWorking(rule).orElse("") + ": " + direction));
        }
    }

    private static CalendarImport.Event event(CalendarImport.Event source, String code, String title, String objective,
                                              String quarter, LocalDate start, LocalDate end,
                                              List<CalendarImport.Milestone> milestones, int shift) {
        return new CalendarImport.Event(code, quarter, source.type(), title, start, end, source.participants(), objective,
                source.deliverables().stream().map(s -> shiftYears(s, shift)).toList(),
                source.preparation().stream().map(s -> shiftYears(s, shift)).toList(), source.tools(), milestones);
    }

    private static String fill(String pattern, Map<String, String> vars) {
        String out = pattern;
        for (var v : vars.entrySet()) {
            out = out.replace("{" + v.getKey() + "}", v.getValue());
        }
        if (out.contains("{")) {
            throw new IllegalArgumentException("unknown placeholder in " + pattern);
        }
        return out;
    }

    /** Years 2020–2049 in a text, shifted by the roll-forward (2025 → 2026 and 2026 → 2027 for one year on). */
    static String shiftYears(String text, int shift) {
        if (text == null || shift == 0) {
            return text;
        }
        Matcher m = YEAR.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, String.valueOf(Integer.parseInt(m.group(1)) + shift));
        }
        m.appendTail(out);
        return out.toString();
    }
}
