package io.rhythm.nps.domain.triggers;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Which triggered surveys are due for a client on a day (seed 001, "Survey Cadence"). Pure: the caller
 * turns each {@link Due} into one send per contact, idempotent on (kind, occasion + contact), so that
 * evaluating the same day again — or every hour — schedules nothing twice.
 *
 * <ul>
 *   <li><b>Quarterly relationship</b>: tenure over 90 days (day 91 onwards; a client established before
 *       Rhythm knew it counts as over 90 days) → once per calendar quarter (occasion {@code 2026-Q4}),
 *       until the quarter ends.</li>
 *   <li><b>Onboarding day 30</b>: due on day 30 after the start; if the evaluation did not run that day it
 *       catches up within {@value #ONBOARDING_CATCH_UP_DAYS} days, never later; once per client start.</li>
 *   <li><b>Pre-renewal</b>: from 60 days before the renewal date until the renewal date, once per renewal date
 *       (a new renewal date after a renewal is a new occasion).</li>
 * </ul>
 * Tenure is counted in whole UTC days from the start date ({@code started_on} + 90 days is day 90).
 */
public final class TriggerRules {

    public static final int RELATIONSHIP_MIN_TENURE_DAYS = io.rhythm.nps.domain.recipients.TenureRule.MIN_TENURE_DAYS;
    public static final int ONBOARDING_DAY = 30;
    public static final int ONBOARDING_CATCH_UP_DAYS = 6;
    public static final int PRE_RENEWAL_DAYS = 60;

    private TriggerRules() {
    }

    /**
     * What the rules know of a client.
     *
     * @param startedOn the day the client became a customer (the registry's customerSince; else the day nps-service
     *                  first saw an ONBOARDING client); null when the client was already established when first seen
     *                  and the registry has no date (tenure counts as long)
     * @param renewalDate from the client projection; null when unknown
     */
    public record ClientFacts(UUID clientId, LocalDate startedOn, LocalDate renewalDate) {
    }

    /**
     * One survey due for the client's contacts.
     *
     * @param occasion   what makes it unique for the client (e.g. {@code 2026-Q4}, {@code renewal:2027-06-30})
     * @param dueOn      the day it is due
     * @param windowEnds the first day it is no longer wanted (a send waiting for the minimum interval is skipped then)
     */
    public record Due(SurveyKind kind, String occasion, LocalDate dueOn, LocalDate windowEnds) {
    }

    public static List<Due> due(ClientFacts client, LocalDate today) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(today, "today");
        List<Due> due = new ArrayList<>(3);
        LocalDate start = client.startedOn();
        if (start != null && !today.isBefore(start.plusDays(ONBOARDING_DAY))
                && !today.isAfter(start.plusDays(ONBOARDING_DAY + ONBOARDING_CATCH_UP_DAYS))) {
            LocalDate dueOn = start.plusDays(ONBOARDING_DAY);
            due.add(new Due(SurveyKind.ONBOARDING_DAY_30, "onboarding:" + start, dueOn,
                    dueOn.plusDays(ONBOARDING_CATCH_UP_DAYS + 1)));
        }
        LocalDate renewal = client.renewalDate();
        if (renewal != null && !today.isBefore(renewal.minusDays(PRE_RENEWAL_DAYS)) && today.isBefore(renewal)) {
            due.add(new Due(SurveyKind.PRE_RENEWAL_60_DAYS, "renewal:" + renewal, renewal.minusDays(PRE_RENEWAL_DAYS),
                    renewal));
        }
        if (tenureDays(start, today) > RELATIONSHIP_MIN_TENURE_DAYS) {
            LocalDate quarterStart = quarterStart(today);
            due.add(new Due(SurveyKind.RELATIONSHIP_QUARTERLY, quarter(today), today, quarterStart.plusMonths(3)));
        }
        return due;
    }

    /** Whole days since the start; "long" (Long.MAX_VALUE) for an established client without a start date. */
    public static long tenureDays(LocalDate startedOn, LocalDate today) {
        return startedOn == null ? Long.MAX_VALUE : ChronoUnit.DAYS.between(startedOn, today);
    }

    /** e.g. {@code 2026-Q4}. */
    public static String quarter(LocalDate day) {
        return day.getYear() + "-Q" + day.get(IsoFields.QUARTER_OF_YEAR);
    }

    static LocalDate quarterStart(LocalDate day) {
        int q = day.get(IsoFields.QUARTER_OF_YEAR);
        return LocalDate.of(day.getYear(), (q - 1) * 3 + 1, 1);
    }

    /** The first instant (UTC) of a day. */
    public static java.time.Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
