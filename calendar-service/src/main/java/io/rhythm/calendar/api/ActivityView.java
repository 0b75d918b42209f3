package io.rhythm.calendar.api;

import io.rhythm.calendar.domain.ActionItem;
import io.rhythm.calendar.domain.ActivityStatus;
import io.rhythm.calendar.domain.ActivityType;
import io.rhythm.calendar.domain.EngagementActivity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/** An engagement activity; {@code occurredOn} is the planned day while PLANNED and the held day once HELD. */
public record ActivityView(String id, String clientId, ActivityType activityType, ActivityStatus status, String title,
                           LocalDate occurredOn, LocalDateTime startsAt, String timeZone, Integer durationMinutes,
                           List<EngagementActivity.Attendee> attendees, String summary, String notes, String outcomes,
                           List<ActionItemView> actionItems, String cancelReason, String loggedBy, Instant loggedAt,
                           String heldBy, int version) {

    public record ActionItemView(String id, String description, String owner, LocalDate dueOn, String status) {
        static ActionItemView of(ActionItem a) {
            return new ActionItemView(a.id.toString(), a.description, a.owner, a.dueOn, a.status);
        }
    }

    public static ActivityView of(EngagementActivity a) {
        return of(a, List.of());
    }

    public static ActivityView of(EngagementActivity a, List<ActionItem> items) {
        LocalDateTime local = a.startsAt == null || a.timeZone == null ? null
                : LocalDateTime.ofInstant(a.startsAt, ZoneId.of(a.timeZone));
        return new ActivityView(a.id.toString(), a.clientId.toString(), a.activityType, a.status, a.title, a.occurredOn,
                local, a.timeZone, a.durationMinutes, a.attendees == null ? List.of() : a.attendees, a.summary, a.notes,
                a.outcomes, items.stream().map(ActionItemView::of).toList(), a.cancelReason, a.loggedBy, a.loggedAt,
                a.heldBy, a.version);
    }
}
