package io.rhythm.nps.domain.pulls;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The moment a non-responder pull is taken "as of" (issue 17; seed 000 Appendix A: "Pull non-responder list
 * (Day 5)", "Pull final non-responder list (Day 12)").
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>Day 0 is the cycle's open date; day N is the open date plus N calendar days (day 5 of a cycle opening on
 *       8 April is 13 April, as the seed's Q2 milestones have it).</li>
 *   <li>A pull of a day is as of the <b>end</b> of that day: the cutoff is the first instant of the next day, in the
 *       given time zone (UTC unless one is asked for, e.g. {@code Australia/Sydney} for the APAC teams). An answer
 *       counts as given by the pull when its {@code submittedAt} is strictly before the cutoff — an answer at
 *       23:59:59.999 on day 5 is in, one at 00:00 on day 6 is not.</li>
 *   <li>{@code asOf=YYYY-MM-DD} is the end of that date in the same way; without a day or a date the pull is as of
 *       now. Asking for both a day and a date is an error.</li>
 *   <li>Only the answer's time counts, never when Rhythm learnt of it: a pull taken late, or for a cycle whose answers
 *       arrived later by import with their original timestamps, is what it would have been on that day.</li>
 * </ul>
 */
public final class PullCutoff {

    /** The furthest cycle day a pull may ask for (a cycle runs 14 days; letters go out by day 52). */
    public static final int MAX_DAY = 366;

    private PullCutoff() {
    }

    /** The calendar date of cycle day {@code day}. */
    public static LocalDate dateOf(LocalDate openDate, int day) {
        Objects.requireNonNull(openDate, "openDate");
        if (day < 0 || day > MAX_DAY) {
            throw new IllegalArgumentException("day must be 0-" + MAX_DAY + ", was " + day);
        }
        return openDate.plusDays(day);
    }

    /** The first instant after {@code date} in {@code zone}: answers before it were given by the end of that date. */
    public static Instant endOf(LocalDate date, ZoneId zone) {
        return date.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /**
     * The cutoff of a pull.
     *
     * @param day  cycle day, or null
     * @param asOf calendar date, or null
     * @param zone the time zone of the day boundary (null: UTC)
     * @param now  the cutoff when neither day nor asOf is given
     */
    public static Instant cutoff(LocalDate openDate, Integer day, LocalDate asOf, ZoneId zone, Instant now) {
        if (day != null && asOf != null) {
            throw new IllegalArgumentException("give a cycle day or a date, not both");
        }
        ZoneId z = zone == null ? ZoneOffset.UTC : zone;
        if (day != null) {
            return endOf(dateOf(openDate, day), z);
        }
        if (asOf != null) {
            return endOf(asOf, z);
        }
        return Objects.requireNonNull(now, "now");
    }

    /** Whether an answer submitted at {@code submittedAt} (null: no answer) was given by the cutoff. */
    public static boolean answeredBy(Instant submittedAt, Instant cutoff) {
        return submittedAt != null && submittedAt.isBefore(cutoff);
    }

    /** A time zone by its id (null or blank: UTC). */
    public static ZoneId zone(String id) {
        if (id == null || id.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + id + "' is not a time zone id such as UTC or Australia/Sydney");
        }
    }
}
