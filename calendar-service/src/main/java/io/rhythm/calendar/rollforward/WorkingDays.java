package io.rhythm.calendar.rollforward;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A region's working days: not a weekend day and not a public holiday (file {@code holidays/regions.v1.json}).
 * <b>The move rule</b> (roll-forward): a date that is not a working day moves to the next working day
 * ({@link Move#NEXT_WORKING_DAY}, starts and most milestones) or, for deadlines, to the previous one
 * ({@link Move#PREVIOUS_WORKING_DAY}), so nothing due is due later than its rule says.
 */
public record WorkingDays(String region, Set<DayOfWeek> weekend, Map<LocalDate, String> holidays) {

    public enum Move { NEXT_WORKING_DAY, PREVIOUS_WORKING_DAY }

    public record Holiday(LocalDate date, String name) {
    }

    /** The file's shape for one region. */
    public record RegionFile(List<DayOfWeek> weekend, List<Holiday> holidays) {
        public WorkingDays toWorkingDays(String region) {
            return new WorkingDays(region, Set.copyOf(weekend),
                    holidays.stream().collect(Collectors.toUnmodifiableMap(Holiday::date, Holiday::name, (a, b) -> a + " / " + b)));
        }
    }

    public record File(String note, Map<String, RegionFile> regions) {
        public Map<String, WorkingDays> byRegion() {
            return regions.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                    e -> e.getValue().toWorkingDays(e.getKey())));
        }
    }

    public static WorkingDays of(String region, Set<DayOfWeek> weekend, List<Holiday> holidays) {
        return new WorkingDays(region, weekend, holidays.stream().collect(Collectors.toMap(Holiday::date, Holiday::name)));
    }

    public boolean isWorkingDay(LocalDate day) {
        return !weekend.contains(day.getDayOfWeek()) && !holidays.containsKey(day);
    }

    /** Why a day is not a working day (e.g. "Saturday", "Labour Day (AU-NSW)"); empty on a working day. */
    public Optional<String> whyNotWorking(LocalDate day) {
        if (holidays.containsKey(day)) {
            return Optional.of(holidays.get(day) + " (" + region + ")");
        }
        if (weekend.contains(day.getDayOfWeek())) {
            return Optional.of(pretty(day.getDayOfWeek()));
        }
        return Optional.empty();
    }

    /** The day itself when working, otherwise the next or previous working day by the rule. */
    public LocalDate move(LocalDate day, Move rule) {
        Function<LocalDate, LocalDate> step = rule == Move.NEXT_WORKING_DAY ? d -> d.plusDays(1) : d -> d.minusDays(1);
        LocalDate d = day;
        for (int i = 0; !isWorkingDay(d); i++) {
            if (i > 366) {
                throw new IllegalStateException("no working day within a year of " + day + " in " + region);
            }
            d = step.apply(d);
        }
        return d;
    }

    private static String pretty(DayOfWeek day) {
        String name = day.name();
        return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
