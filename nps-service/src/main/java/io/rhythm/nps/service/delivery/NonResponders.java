package io.rhythm.nps.service.delivery;

import io.rhythm.nps.domain.SurveyCycle;
import io.rhythm.nps.domain.pulls.HubSpotContactCsv;
import io.rhythm.nps.domain.pulls.PullCutoff;
import io.rhythm.nps.service.operations.NonResponderPulls;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.ContactDirectory;
import io.rhythm.platform.clients.ContactEntry;
import io.rhythm.platform.persistence.SqlValues;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who on a cycle's recipient list (frozen once the lists are frozen) was eligible and had not answered by a cutoff
 * (seed 000: non-responders are pulled on day 5 and day 12 for the reminder and personal follow-up by the CSE/CAM;
 * issue 17: whatever channel delivered the survey — Rhythm's links, HubSpot, a webhook). The cutoff is now, the end of
 * a cycle day ({@code day}) or the end of a date ({@code asOf}), in UTC or a given zone ({@link PullCutoff}); an answer
 * counts by its {@code submittedAt}, so a pull asked for late, or after a HubSpot import, is what it was on the day.
 * Within the caller's portfolio; a contact who has since unsubscribed is marked, so nobody e-mails them.
 */
@ApplicationScoped
public class NonResponders {

    @Inject
    EntityManager em;
    @Inject
    ClientDirectory clients;
    @Inject
    ContactDirectory contacts;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    /** {@code invitedAt} and {@code reminders}: Rhythm's own invitation (null and 0 for a cycle run in HubSpot). */
    public record NonResponder(String clientId, String clientName, String ownerCse, String ownerCam, String contactId,
                               String name, String email, Instant invitedAt, int reminders, boolean subscribed) {
    }

    /** What a pull asks for: a cycle day, a date or now (null, null), with the zone of the day boundary. */
    public record AsOf(Integer day, LocalDate date, String zone) {
        public static final AsOf NOW = new AsOf(null, null, null);
    }

    public List<NonResponder> of(UUID cycleId, UUID clientId) {
        return of(cycleId, clientId, AsOf.NOW);
    }

    /** @throws ApiException 404 for an unknown cycle or a client the caller cannot see; 400 for a bad day, date or zone */
    public List<NonResponder> of(UUID cycleId, UUID clientId, AsOf asOf) {
        SurveyCycle cycle = SurveyCycle.findById(cycleId);
        if (cycle == null) {
            throw ApiException.notFound("Survey cycle", cycleId);
        }
        Instant cutoff = cutoff(cycle, asOf);
        if (clientId != null) {
            clients.requireVisible(clientId, caller);
        }
        List<NonResponder> list = new ArrayList<>();
        Map<UUID, Map<UUID, Boolean>> subscriptions = new HashMap<>(); // per client, loaded once
        for (Object row : em.createNativeQuery(("""
                        select r.client_id, r.contact_id, r.name, coalesce(i.email, r.email), i.invited_at, coalesce(i.reminders, 0)
                        from LIST
                        where r.cycle_id = ?1 and r.included and not ANSWERED and (cast(?2 as uuid) is null or r.client_id = ?2)
                        order by r.client_id, r.name, r.contact_id""")
                        .replace("LIST", NonResponderPulls.LIST_WITH_ANSWERS)
                        .replace("ANSWERED", NonResponderPulls.ANSWERED_BY.replace("?C", "?3")))
                .setParameter(1, cycleId).setParameter(2, clientId).setParameter(3, Timestamp.from(cutoff)).getResultList()) {
            Object[] c = (Object[]) row;
            UUID client = (UUID) c[0];
            var entry = clients.find(client).filter(e -> caller.canSee(e.ownership()));
            if (entry.isEmpty()) {
                continue;
            }
            UUID contactId = (UUID) c[1];
            boolean subscribed = subscriptions.computeIfAbsent(client, id -> contacts.ofClient(id, true).stream()
                            .collect(Collectors.toMap(ContactEntry::contactId, ContactEntry::subscribed)))
                    .getOrDefault(contactId, true);
            list.add(new NonResponder(client.toString(), entry.get().name(), entry.get().ownerCse(), entry.get().ownerCam(),
                    contactId.toString(), (String) c[2], (String) c[3], SqlValues.instant(c[4]), ((Number) c[5]).intValue(),
                    subscribed));
        }
        return list;
    }

    /**
     * The same pull as a CSV file in HubSpot's contact-import shape, for the reminder (seed 000: "Send reminder email
     * (Day 6)"). Contacts who have since unsubscribed are left out: they are followed up personally, never e-mailed.
     */
    public String csv(UUID cycleId, UUID clientId, AsOf asOf) {
        return HubSpotContactCsv.write(of(cycleId, clientId, asOf).stream().filter(NonResponder::subscribed)
                .map(n -> new HubSpotContactCsv.Row(n.email(), n.name(), n.clientName())).toList());
    }

    private Instant cutoff(SurveyCycle cycle, AsOf asOf) {
        if (asOf.day() != null && (asOf.day() < 0 || asOf.day() > PullCutoff.MAX_DAY)) {
            throw ApiException.invalid("day", "must be a cycle day from 0 (the open date) to " + PullCutoff.MAX_DAY);
        }
        if (asOf.day() != null && asOf.date() != null) {
            throw ApiException.invalid("asOf", "give either day or asOf, not both");
        }
        ZoneId zone;
        try {
            zone = PullCutoff.zone(asOf.zone());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("zone", e.getMessage());
        }
        return PullCutoff.cutoff(cycle.openDate, asOf.day(), asOf.date(), zone, Instant.now(clock));
    }
}
