package io.rhythm.calendar.service;

import io.rhythm.calendar.api.ActivityRequest;
import io.rhythm.calendar.api.ActivityView;
import io.rhythm.calendar.api.HoldRequest;
import io.rhythm.calendar.api.PlanActivityRequest;
import io.rhythm.calendar.api.RescheduleRequest;
import io.rhythm.calendar.domain.ActionItem;
import io.rhythm.calendar.domain.ActivityStatus;
import io.rhythm.calendar.domain.EngagementActivity;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.DirectoryEntry;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.payload.EngagementActivityLogged;
import io.rhythm.platform.outbox.OutboxWriter;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.FieldError;
import io.rhythm.platform.web.problem.Versions;
import io.rhythm.platform.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Engagement activities: planned (moved, cancelled) and held. Only holding one (or logging one that
 * happened) publishes EngagementActivityLogged, with the held day, which may lie in the past.
 */
@ApplicationScoped
public class Activities {

    @Inject
    ClientDirectory directory;
    @Inject
    OutboxWriter outbox;
    @Inject
    Clock clock;

    /** An engagement that happened, logged in one step. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EngagementActivity log(ActivityRequest request, Caller caller) {
        if (request.occurredOn().isAfter(LocalDate.now(clock))) {
            throw ApiException.invalid("occurredOn", "an engagement is logged once it happened");
        }
        DirectoryEntry client = directory.requireVisible(request.clientId(), caller);
        EngagementActivity activity = newActivity(client, request.activityType(), caller);
        activity.occurredOn = request.occurredOn();
        activity.summary = request.summary();
        activity.status = ActivityStatus.HELD;
        activity.heldBy = caller.username();
        activity.persist();
        publishHeld(activity);
        return activity;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ActivityView plan(PlanActivityRequest request, Caller caller) {
        List<FieldError> errors = new ArrayList<>();
        ZoneId zone = zone("timeZone", request.timeZone(), errors);
        List<PlanActivityRequest.AttendeeRequest> attendees = request.attendees() == null ? List.of() : request.attendees();
        for (int i = 0; i < attendees.size(); i++) {
            PlanActivityRequest.AttendeeRequest a = attendees.get(i);
            if ("INTERNAL".equals(a.kind()) && (a.username() == null || a.username().isBlank())) {
                errors.add(new FieldError("attendees[" + i + "].username", "is required for an INTERNAL attendee"));
            }
            if ("CLIENT".equals(a.kind()) && (a.name() == null || a.name().isBlank())) {
                errors.add(new FieldError("attendees[" + i + "].name", "is required for a CLIENT attendee"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        DirectoryEntry client = directory.requireVisible(request.clientId(), caller);
        EngagementActivity activity = newActivity(client, request.activityType(), caller);
        activity.status = ActivityStatus.PLANNED;
        activity.title = request.title();
        schedule(activity, request.startsAt(), zone, request.durationMinutes());
        activity.attendees = attendees.stream()
                .map(a -> new EngagementActivity.Attendee(a.kind(), a.username(), a.name(), a.email())).toList();
        activity.notes = request.notes();
        activity.persist();
        return ActivityView.of(activity);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ActivityView reschedule(UUID id, String ifMatch, RescheduleRequest request, Caller caller) {
        EngagementActivity activity = require(id, caller);
        Versions.requireMatch(ifMatch, activity.version);
        List<FieldError> errors = new ArrayList<>();
        ZoneId zone = zone("timeZone", request.timeZone(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (!activity.status.canMove()) {
            throw ApiException.conflict("A " + activity.status + " activity cannot be moved; only a planned one can");
        }
        schedule(activity, request.startsAt(), zone, request.durationMinutes());
        touch(activity);
        return view(activity);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ActivityView hold(UUID id, String ifMatch, HoldRequest request, Caller caller) {
        EngagementActivity activity = require(id, caller);
        if (ifMatch != null) {
            Versions.requireMatch(ifMatch, activity.version);
        }
        if (request.heldOn().isAfter(LocalDate.now(clock))) {
            throw ApiException.invalid("heldOn", "an activity is marked held once it happened");
        }
        transition(activity, ActivityStatus.HELD);
        activity.occurredOn = request.heldOn();
        activity.summary = request.summary() != null ? request.summary() : activity.title;
        if (request.notes() != null) {
            activity.notes = request.notes();
        }
        activity.outcomes = request.outcomes();
        activity.heldBy = caller.username();
        List<HoldRequest.ActionItemRequest> items = request.actionItems() == null ? List.of() : request.actionItems();
        for (int i = 0; i < items.size(); i++) {
            ActionItem item = new ActionItem();
            item.id = UUID.randomUUID();
            item.activityId = activity.id;
            item.description = items.get(i).description();
            item.owner = items.get(i).owner();
            item.dueOn = items.get(i).dueOn();
            item.status = "OPEN";
            item.position = i;
            item.persist();
        }
        touch(activity);
        publishHeld(activity);
        return view(activity);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ActivityView cancel(UUID id, String ifMatch, String reason, Caller caller) {
        EngagementActivity activity = require(id, caller);
        if (ifMatch != null) {
            Versions.requireMatch(ifMatch, activity.version);
        }
        transition(activity, ActivityStatus.CANCELLED);
        activity.cancelReason = reason;
        touch(activity);
        return view(activity);
    }

    public ActivityView get(UUID id, Caller caller) {
        return view(require(id, caller));
    }

    /** The activity, if its client is visible to the caller (404 otherwise). */
    public EngagementActivity require(UUID id, Caller caller) {
        EngagementActivity activity = EngagementActivity.findById(id);
        if (activity == null) {
            throw ApiException.notFound("Activity", id);
        }
        DirectoryEntry client = directory.find(activity.clientId).orElseThrow(() -> ApiException.notFound("Activity", id));
        caller.requireVisible(client.ownership(), "Activity", id);
        return activity;
    }

    public ActivityView view(EngagementActivity activity) {
        return ActivityView.of(activity, ActionItem.list("activityId = ?1 order by position", activity.id));
    }

    private static void transition(EngagementActivity activity, ActivityStatus next) {
        if (!activity.status.canBecome(next)) {
            throw ApiException.conflict("A " + activity.status + " activity cannot become " + next);
        }
        activity.status = next;
    }

    private void touch(EngagementActivity activity) {
        activity.updatedAt = Instant.now(clock);
        activity.version++;
    }

    private EngagementActivity newActivity(DirectoryEntry client, io.rhythm.calendar.domain.ActivityType type, Caller caller) {
        EngagementActivity activity = new EngagementActivity();
        activity.id = UUID.randomUUID();
        activity.clientId = client.clientId();
        activity.activityType = type;
        activity.loggedBy = caller.username();
        activity.loggedAt = Instant.now(clock);
        return activity;
    }

    private static void schedule(EngagementActivity activity, LocalDateTime startsAt, ZoneId zone, int minutes) {
        activity.startsAt = startsAt.atZone(zone).toInstant();
        activity.timeZone = zone.getId();
        activity.durationMinutes = minutes;
        activity.occurredOn = startsAt.toLocalDate();
    }

    private static ZoneId zone(String field, String value, List<FieldError> errors) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            errors.add(new FieldError(field, "is not an IANA time zone (e.g. Australia/Sydney)"));
            return null;
        }
    }

    private void publishHeld(EngagementActivity activity) {
        outbox.publish(EventCatalogue.ENGAGEMENT_ACTIVITY_LOGGED, activity.clientId.toString(),
                new EngagementActivityLogged(activity.id.toString(), activity.clientId.toString(),
                        activity.activityType.name(), activity.occurredOn, activity.heldBy, activity.summary));
    }
}
