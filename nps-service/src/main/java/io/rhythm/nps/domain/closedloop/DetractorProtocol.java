package io.rhythm.nps.domain.closedloop;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The timing rules of a detractor case (seed 001 "Detractor Response Protocol"): each stage's deadline
 * relative to the opening of the case, when a stage counts as breached, when a breach is escalated, and
 * when the follow-up survey is due after the resolution. A deadline is inclusive: a stage met exactly at
 * its deadline is on time; one second later it is breached.
 *
 * @param outreach    outreach deadline after opening (seed: 24 h)
 * @param rootCause   root cause deadline after opening (seed: 48 h)
 * @param actionPlan  action plan deadline after opening (seed: 72 h)
 * @param followUp    follow-up survey after resolution (seed: 30 days)
 * @param escalateTo  the realm role a breach escalates to: the owner's leader (avp)
 */
public record DetractorProtocol(Duration outreach, Duration rootCause, Duration actionPlan, Duration followUp,
                                String escalateTo) {

    /** The roles a breach may escalate to (the owner's leaders). */
    public static final Set<String> LEADER_ROLES = Set.of("avp", "vp", "evp", "admin");

    public static final DetractorProtocol SEED = new DetractorProtocol(Duration.ofHours(24), Duration.ofHours(48),
            Duration.ofHours(72), Duration.ofDays(30), "avp");

    public DetractorProtocol {
        Objects.requireNonNull(escalateTo, "escalateTo");
        if (!LEADER_ROLES.contains(escalateTo)) {
            throw new IllegalArgumentException("escalations go to a leader role " + LEADER_ROLES + ", not " + escalateTo);
        }
        for (Duration d : new Duration[] {outreach, rootCause, actionPlan, followUp}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("protocol durations must be positive");
            }
        }
        if (rootCause.compareTo(outreach) < 0 || actionPlan.compareTo(rootCause) < 0) {
            throw new IllegalArgumentException("deadlines must not come before the previous stage's: "
                    + outreach + " ≤ " + rootCause + " ≤ " + actionPlan);
        }
    }

    /**
     * When a case's clocks start (issue 17): at the answer's {@code submittedAt} — the customer has waited since they
     * answered, however late the answer reached Rhythm (a HubSpot export imported days later opens its case already
     * breached). The time Rhythm received it ({@code receivedAt}) is the start only when no submission time is known,
     * or when the submission time claims to be later than the receipt (a clock ahead of ours cannot buy extra time).
     */
    public static Instant clockStart(Instant submittedAt, Instant receivedAt) {
        Objects.requireNonNull(receivedAt, "receivedAt");
        return submittedAt == null || submittedAt.isAfter(receivedAt) ? receivedAt : submittedAt;
    }

    /** Each stage's deadline for a case whose clocks start at {@code openedAt} (see {@link #clockStart}). */
    public Map<SlaStage, Instant> deadlines(Instant openedAt) {
        Map<SlaStage, Instant> due = new EnumMap<>(SlaStage.class);
        due.put(SlaStage.OUTREACH, openedAt.plus(outreach));
        due.put(SlaStage.ROOT_CAUSE, openedAt.plus(rootCause));
        due.put(SlaStage.ACTION_PLAN, openedAt.plus(actionPlan));
        return due;
    }

    /** Where a stage with deadline {@code dueAt}, met at {@code metAt} (null: not yet), stands at {@code now}. */
    public static StageState state(Instant dueAt, Instant metAt, Instant now) {
        if (metAt != null) {
            return metAt.isAfter(dueAt) ? StageState.MET_LATE : StageState.MET;
        }
        return now.isAfter(dueAt) ? StageState.BREACHED : StageState.PENDING;
    }

    /**
     * True when a stage must be escalated now: it is breached (met late counts: the breach happened,
     * even if no scan saw it in time) and has not been escalated before — each stage escalates once.
     */
    public static boolean mustEscalate(Instant dueAt, Instant metAt, Instant escalatedAt, Instant now) {
        return escalatedAt == null && now.isAfter(dueAt) && state(dueAt, metAt, now).breached();
    }

    /** When the follow-up survey is due for a case resolved at {@code resolvedAt}. */
    public Instant followUpDue(Instant resolvedAt) {
        return resolvedAt.plus(followUp);
    }

    /** True when the follow-up survey is due and has not been requested yet. */
    public static boolean followUpDueNow(Instant followUpDueAt, Instant requestedAt, Instant now) {
        return followUpDueAt != null && requestedAt == null && !now.isBefore(followUpDueAt);
    }
}
