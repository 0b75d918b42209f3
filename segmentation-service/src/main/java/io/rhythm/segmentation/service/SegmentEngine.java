package io.rhythm.segmentation.service;

import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.EventType;
import io.rhythm.platform.events.payload.SatisfactionActionPlanNoLongerRequired;
import io.rhythm.platform.events.payload.SatisfactionActionPlanRequired;
import io.rhythm.platform.events.payload.SegmentMigrated;
import io.rhythm.platform.outbox.OutboxWriter;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.segmentation.domain.Classification;
import io.rhythm.segmentation.domain.ClassifierInput;
import io.rhythm.segmentation.domain.ClientSegmentState;
import io.rhythm.segmentation.domain.ConfirmationRule;
import io.rhythm.segmentation.domain.Segment;
import io.rhythm.segmentation.domain.SegmentAssignment;
import io.rhythm.segmentation.domain.SegmentClassifier;
import io.rhythm.segmentation.domain.SegmentModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Keeps every client's segment current: re-assesses a client when one of its inputs changes (confirmation rule
 * applies), applies and expires overrides, and re-segments on model activation. Every change is a migration
 * record plus {@code SegmentMigrated} (and {@code SatisfactionActionPlanRequired}/{@code …NoLongerRequired} when
 * the client enters or leaves Maintain, Nurture or Sleeping Giants) through the outbox, in the caller's transaction.
 */
@ApplicationScoped
public class SegmentEngine {

    public static final String SYSTEM = "system";

    @Inject
    ModelRegistry models;
    @Inject
    Inputs inputs;
    @Inject
    OutboxWriter outbox;
    @Inject
    Clock clock;

    /** Where {@link #apply} puts what it changed: at once (one client, the live path), or collected for a batch. */
    public interface Writes {
        void state(ClientSegmentState state);

        void migration(SegmentAssignment migration);

        void event(EventType type, String subject, Object payload);
    }

    /** Hibernate for the rows, the outbox one event at a time: the live path (one client per transaction). */
    private final Writes live = new Writes() {
        @Override
        public void state(ClientSegmentState state) {
            state.persist();
        }

        @Override
        public void migration(SegmentAssignment migration) {
            migration.persist();
        }

        @Override
        public void event(EventType type, String subject, Object payload) {
            outbox.publish(type, subject, payload);
        }
    };

    /** Re-assesses one client after an input changed; returns the migration, if any. */
    @Transactional(Transactional.TxType.MANDATORY)
    public SegmentAssignment assess(UUID clientId, String causeEventId) {
        SegmentModel model = models.active();
        ClassifierInput input = inputs.of(clientId, model);
        return apply(state(clientId), model, input, "INPUT", causeEventId, false);
    }

    /**
     * Applies one classification to a client's state. With {@code immediate} (model activation) the confirmation
     * rule is skipped: the new model's placement is taken at once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SegmentAssignment apply(ClientSegmentState state, SegmentModel model, ClassifierInput input, String cause,
                                   String causeEventId, boolean immediate) {
        return apply(state, model, input, cause, causeEventId, immediate, null);
    }

    /**
     * {@link #apply(ClientSegmentState, SegmentModel, ClassifierInput, String, String, boolean)} for a model activation
     * dated {@code effectiveFrom} (null: now): a move is effective from then, and a client left in its segment that
     * entered it later counts as in it from then (a migration record to itself, no event).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SegmentAssignment apply(ClientSegmentState state, SegmentModel model, ClassifierInput input, String cause,
                                   String causeEventId, boolean immediate, Instant effectiveFrom) {
        return apply(state, model, input, cause, causeEventId, immediate, effectiveFrom, live);
    }

    /**
     * {@link #apply(ClientSegmentState, SegmentModel, ClassifierInput, String, String, boolean, Instant)} with its
     * state row, migration record and events handed to {@code writes} (a batch writes them set-based afterwards).
     */
    public SegmentAssignment apply(ClientSegmentState state, SegmentModel model, ClassifierInput input, String cause,
                                   String causeEventId, boolean immediate, Instant effectiveFrom, Writes writes) {
        Classification c = SegmentClassifier.classify(model, input);
        Instant now = Instant.now(clock);
        state.computedSegment = c.segment();
        state.computedReason = c.reason();
        state.satisfaction = c.satisfaction();
        state.satisfactionBand = c.satisfactionBand();
        state.spendBand = c.spendBand();
        state.modelVersion = model.version();
        state.updatedAt = now;
        SegmentAssignment migration = null;
        if (state.overridden(today())) {
            state.pending(ConfirmationRule.Pending.NONE);
        } else if (effectiveFrom != null && c.segment() != null) {
            state.pending(ConfirmationRule.Pending.NONE);
            if (state.segment != c.segment()) {
                migration = migrate(state, c.segment(), c.reason(), cause, causeEventId, model.version(), effectiveFrom,
                        SYSTEM, input.revenue(), writes);
            } else if (state.segmentSince == null || effectiveFrom.isBefore(state.segmentSince)) {
                migration = record(state, c.segment(), c.reason(), cause, causeEventId, model.version(), effectiveFrom,
                        SYSTEM, input.revenue(), writes);
            }
        } else {
            ConfirmationRule rule = immediate ? ConfirmationRule.IMMEDIATE : model.confirmation();
            ConfirmationRule.Decision d = rule.next(state.segment, c.segment(), state.pending(), now);
            state.pending(d.pending());
            if (d.migrateTo() != null) {
                migration = migrate(state, d.migrateTo(), c.reason(), cause, causeEventId, model.version(), d.effectiveAt(),
                        SYSTEM, input.revenue(), writes);
            }
        }
        writes.state(state);
        return migration;
    }

    /**
     * Puts a client in a segment by hand, from {@code effectiveFrom} until {@code expiresOn} (exclusive, optional).
     * From today or earlier it is in force at once (the migration is returned); from a later day it is scheduled:
     * stored, shown with its {@code effectiveFrom}, and applied by {@link #applyDueOverrides} on that day (null is
     * returned). A scheduled override cannot replace one in force (409): there is one override per client.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SegmentAssignment override(UUID clientId, Segment segment, String reason, LocalDate effectiveFrom,
                                      LocalDate expiresOn, String by) {
        ClientSegmentState state = state(clientId);
        LocalDate today = today();
        boolean scheduled = effectiveFrom.isAfter(today);
        if (scheduled && state.overridden(today)) {
            throw ApiException.conflict("An override (" + state.overrideSegment + ") is in force "
                    + (state.overrideExpires == null ? "until replaced" : "until " + state.overrideExpires)
                    + "; replace it with one in force today, or schedule this one after it has ended");
        }
        state.overrideSegment = segment;
        state.overrideReason = reason;
        state.overrideFrom = effectiveFrom;
        state.overrideExpires = expiresOn;
        state.overrideBy = by;
        state.updatedAt = Instant.now(clock);
        SegmentAssignment migration = scheduled ? null : startOverride(state);
        state.persist();
        return migration;
    }

    /**
     * Starts every scheduled override whose first day has come ({@code effectiveFrom} on or before {@code today}, not
     * yet expired, the client not yet in its segment): a migration effective at the start of {@code effectiveFrom}.
     */
    @Transactional
    public int applyDueOverrides(LocalDate today) {
        List<ClientSegmentState> due = ClientSegmentState.list("overrideSegment is not null and overrideFrom <= ?1 "
                + "and (overrideExpires is null or overrideExpires > ?1) and (segment is null or segment <> overrideSegment)", today);
        for (ClientSegmentState state : due) {
            state.updatedAt = Instant.now(clock);
            startOverride(state);
            state.persist();
        }
        return due.size();
    }

    /**
     * Puts the client in its override's segment from the start of {@code effectiveFrom}. An override into the segment
     * the client is already in is recorded too (a migration record from the segment to itself, cause OVERRIDE, no
     * event: the segment does not change); when it starts before the client entered the segment it back-dates the
     * entry, so the Activity Register counts the segment's cadence from the override's effectiveFrom.
     */
    private SegmentAssignment startOverride(ClientSegmentState state) {
        state.pending(ConfirmationRule.Pending.NONE);
        Instant from = state.overrideFrom.atStartOfDay(ZoneOffset.UTC).toInstant();
        BigDecimal revenue = inputs.of(state.clientId, models.active()).revenue();
        if (state.segment == state.overrideSegment) {
            Instant entered = state.segmentSince == null || from.isBefore(state.segmentSince) ? from : state.segmentSince;
            return record(state, state.segment, state.overrideReason, "OVERRIDE", null, models.activeVersion(), entered,
                    state.overrideBy, revenue, live);
        }
        return migrate(state, state.overrideSegment, state.overrideReason, "OVERRIDE", null, models.activeVersion(),
                from, state.overrideBy, revenue, live);
    }

    /**
     * The daily pass of the day rule ({@link ConfirmationRule#elapsed}): every pending move that has sat in its cell
     * for the active model's {@code confirmation.days} by {@code now} is taken, effective when the days were up. A client
     * under an override keeps it. Returns how many moved; none when the active model has no day rule.
     */
    @Transactional
    public int confirmPendingMoves(Instant now) {
        SegmentModel model = models.active();
        ConfirmationRule rule = model.confirmation();
        if (rule.days() == null) {
            return 0;
        }
        Instant startedBy = now.minus(java.time.Duration.ofDays(rule.days()));
        List<ClientSegmentState> waiting = ClientSegmentState.list("pendingSegment is not null and pendingSince <= ?1", startedBy);
        int moved = 0;
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (ClientSegmentState state : waiting) {
            if (state.overridden(today)) {
                continue;
            }
            ConfirmationRule.Decision d = rule.elapsed(state.pending(), now);
            if (d.migrateTo() != null) {
                state.pending(d.pending());
                migrate(state, d.migrateTo(), "confirmed after " + rule.days() + " days in the cell; " + state.computedReason,
                        "INPUT", null, model.version(), d.effectiveAt(), SYSTEM, inputs.of(state.clientId, model).revenue(), live);
                state.updatedAt = Instant.now(clock);
                state.persist();
                moved++;
            }
        }
        return moved;
    }

    /**
     * Ends every override whose expiry date is on or before {@code today}: the computed segment returns as a
     * migration (effective at the start of the expiry date). A client the model cannot place keeps its segment.
     */
    @Transactional
    public int expireOverrides(LocalDate today) {
        List<ClientSegmentState> expired = ClientSegmentState.list("overrideSegment is not null and overrideExpires <= ?1", today);
        for (ClientSegmentState state : expired) {
            Instant effective = state.overrideExpires.atStartOfDay(ZoneOffset.UTC).toInstant();
            Segment previousOverride = state.overrideSegment;
            state.overrideSegment = null;
            state.overrideReason = null;
            state.overrideFrom = null;
            state.overrideExpires = null;
            state.overrideBy = null;
            SegmentModel model = models.active();
            ClassifierInput input = inputs.of(state.clientId, model);
            Classification c = SegmentClassifier.classify(model, input);
            state.computedSegment = c.segment();
            state.computedReason = c.reason();
            if (c.segment() != null) {
                migrate(state, c.segment(), "override (" + previousOverride + ") expired; computed: " + c.reason(),
                        "OVERRIDE_EXPIRED", null, model.version(), effective, SYSTEM, input.revenue(), live);
            }
            state.updatedAt = Instant.now(clock);
            state.persist();
        }
        return expired.size();
    }

    /** The client's state row, new (UNASSIGNED) when it has none. */
    public ClientSegmentState state(UUID clientId) {
        ClientSegmentState state = ClientSegmentState.findById(clientId);
        if (state == null) {
            state = new ClientSegmentState();
            state.clientId = clientId;
            state.updatedAt = Instant.now(clock);
        }
        return state;
    }

    private SegmentAssignment migrate(ClientSegmentState state, Segment to, String reason, String cause, String causeEventId,
                                      int modelVersion, Instant effectiveAt, String by, BigDecimal revenue, Writes writes) {
        Segment from = state.segment;
        if (from == to) {
            return null;
        }
        SegmentAssignment m = record(state, to, reason, cause, causeEventId, modelVersion, effectiveAt, by, revenue, writes);
        String text = m.reason;
        String client = state.clientId.toString();
        writes.event(EventCatalogue.SEGMENT_MIGRATED, client, new SegmentMigrated(client, from == null ? null : from.name(),
                to.name(), text, to.sapRequired(), by, modelVersion, cause, causeEventId, effectiveAt));
        boolean wasSap = from != null && from.sapRequired();
        if (to.sapRequired() && !wasSap) {
            writes.event(EventCatalogue.SATISFACTION_ACTION_PLAN_REQUIRED, client, new SatisfactionActionPlanRequired(client,
                    to.name(), from == null ? null : from.name(), text, m.id.toString(), effectiveAt));
        } else if (!to.sapRequired() && wasSap) {
            writes.event(EventCatalogue.SATISFACTION_ACTION_PLAN_NO_LONGER_REQUIRED, client,
                    new SatisfactionActionPlanNoLongerRequired(client, to.name(), from.name(), text, m.id.toString(), effectiveAt));
        }
        return m;
    }

    /** Stores one migration record and makes it the client's segment since {@code effectiveAt}; publishes nothing. */
    private SegmentAssignment record(ClientSegmentState state, Segment to, String reason, String cause, String causeEventId,
                                     int modelVersion, Instant effectiveAt, String by, BigDecimal revenue, Writes writes) {
        SegmentAssignment m = new SegmentAssignment();
        m.id = UUID.randomUUID();
        m.clientId = state.clientId;
        m.segment = to;
        m.fromSegment = state.segment;
        m.reason = reason.length() > 500 ? reason.substring(0, 497) + "..." : reason;
        m.assignedBy = by;
        m.assignedAt = Instant.now(clock);
        m.cause = cause;
        m.causeEventId = causeEventId;
        m.modelVersion = modelVersion;
        m.effectiveAt = effectiveAt;
        m.revenueAmount = revenue;
        writes.migration(m);
        state.segment = to;
        state.segmentSince = effectiveAt;
        return m;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
