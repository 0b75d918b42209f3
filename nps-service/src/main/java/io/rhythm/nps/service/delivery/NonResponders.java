package io.rhythm.nps.service.delivery;

import io.rhythm.nps.domain.SurveyCycle;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.ContactDirectory;
import io.rhythm.platform.clients.ContactEntry;
import io.rhythm.platform.persistence.SqlValues;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Who was invited to a cycle and has not answered, now (seed 000: non-responders are pulled on day 5 and
 * day 12 for personal follow-up by the CSE/CAM). Within the caller's portfolio; a contact who has since
 * unsubscribed is marked, so nobody emails them.
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

    public record NonResponder(String clientId, String clientName, String ownerCse, String ownerCam, String contactId,
                               String name, String email, Instant invitedAt, int reminders, boolean subscribed) {
    }

    public List<NonResponder> of(UUID cycleId, UUID clientId) {
        if (SurveyCycle.findById(cycleId) == null) {
            throw ApiException.notFound("Survey cycle", cycleId);
        }
        if (clientId != null) {
            clients.requireVisible(clientId, caller);
        }
        List<NonResponder> list = new ArrayList<>();
        java.util.Map<UUID, java.util.Map<UUID, Boolean>> subscriptions = new java.util.HashMap<>(); // per client, loaded once
        for (Object row : em.createNativeQuery("""
                        select i.client_id, i.contact_id, r.name, i.email, i.invited_at, i.reminders from survey_invitation i
                        join recipient r on r.cycle_id = i.cycle_id and r.contact_id = i.contact_id
                        where i.cycle_id = ?1 and i.responded_at is null and (cast(?2 as uuid) is null or i.client_id = ?2)
                        order by i.client_id, r.name, i.contact_id""")
                .setParameter(1, cycleId).setParameter(2, clientId).getResultList()) {
            Object[] c = (Object[]) row;
            UUID client = (UUID) c[0];
            var entry = clients.find(client).filter(e -> caller.canSee(e.ownership()));
            if (entry.isEmpty()) {
                continue;
            }
            UUID contactId = (UUID) c[1];
            boolean subscribed = subscriptions.computeIfAbsent(client, id -> contacts.ofClient(id, true).stream()
                            .collect(java.util.stream.Collectors.toMap(ContactEntry::contactId, ContactEntry::subscribed)))
                    .getOrDefault(contactId, true);
            list.add(new NonResponder(client.toString(), entry.get().name(), entry.get().ownerCse(), entry.get().ownerCam(),
                    contactId.toString(), (String) c[2], (String) c[3], SqlValues.instant(c[4]), ((Number) c[5]).intValue(),
                    subscribed));
        }
        return list;
    }
}
