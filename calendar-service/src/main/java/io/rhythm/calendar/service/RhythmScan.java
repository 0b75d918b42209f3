package io.rhythm.calendar.service;

import io.quarkus.scheduler.Scheduled;
import io.rhythm.calendar.domain.CalendarEvent;
import io.rhythm.calendar.domain.CalendarMilestone;
import io.rhythm.calendar.domain.Checklist;
import io.rhythm.calendar.domain.Deliverable;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.payload.CalendarMilestoneDue;
import io.rhythm.platform.events.payload.DeliverableOverdue;
import io.rhythm.platform.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Announces the rhythm on {@code calendar.milestones.v1}: CalendarMilestoneDue once for each milestone
 * starting within the next {@code rhythm.calendar.milestone-lead} days, DeliverableOverdue once for each
 * item that is still open after its due date (items overdue for longer than
 * {@code rhythm.calendar.overdue-lookback} days when first seen are not news and are not announced).
 */
@ApplicationScoped
public class RhythmScan {

    @Inject
    OutboxWriter outbox;
    @Inject
    Clock clock;
    @ConfigProperty(name = "rhythm.calendar.milestone-lead", defaultValue = "7")
    int milestoneLeadDays;
    @ConfigProperty(name = "rhythm.calendar.overdue-lookback", defaultValue = "30")
    int overdueLookbackDays;

    public record Result(LocalDate asOf, int milestonesDue, int deliverablesOverdue) {
    }

    @Scheduled(identity = "calendar-rhythm-scan", every = "${rhythm.calendar.scan-every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        scan(LocalDate.now(clock));
    }

    @Transactional
    public Result scan(LocalDate asOf) {
        Instant now = Instant.now(clock);
        List<CalendarMilestone> milestones = CalendarMilestone.list(
                "duePublishedAt is null and startsOn >= ?1 and startsOn <= ?2 order by startsOn, id", asOf, asOf.plusDays(milestoneLeadDays));
        for (CalendarMilestone m : milestones) {
            CalendarEvent event = CalendarEvent.findById(m.eventId);
            outbox.publish(EventCatalogue.CALENDAR_MILESTONE_DUE, event.id.toString(),
                    new CalendarMilestoneDue(event.calendarKey, event.id.toString(), event.code, event.title, m.id.toString(),
                            m.code, m.title, m.startsOn, m.endsOn, Arrays.asList(event.realmRoles)));
            m.duePublishedAt = now;
        }
        List<Deliverable> overdue = Deliverable.list(
                "status = ?1 and overduePublishedAt is null and dueOn < ?2 and dueOn >= ?3 order by dueOn, id",
                Deliverable.Status.OPEN, asOf, asOf.minusDays(overdueLookbackDays));
        for (Deliverable d : overdue) {
            Checklist c = Checklist.findById(d.checklistId);
            String subject = c.clientId != null ? c.clientId.toString() : c.id.toString();
            outbox.publish(EventCatalogue.DELIVERABLE_OVERDUE, subject,
                    new DeliverableOverdue(d.id.toString(), c.id.toString(), c.template,
                            c.eventId == null ? null : c.eventId.toString(), c.clientId == null ? null : c.clientId.toString(),
                            d.title, d.dueOn, Arrays.asList(d.ownerRoles), d.ownerPerson, asOf));
            d.overduePublishedAt = now;
        }
        return new Result(asOf, milestones.size(), overdue.size());
    }
}
