package io.rhythm.health.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rhythm.health.domain.Contact;
import io.rhythm.health.domain.crm.AdaptedContact;
import io.rhythm.health.domain.crm.ContactUpsert;
import io.rhythm.health.domain.crm.RowProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * CRM sync of contacts: upserts contact rows by their id in the source CRM, each row in its own
 * transaction (a bad row never takes others with it, and nothing of it is stored). A contact whose
 * company is not a known client waits in the unmatched queue. A first sync of a contact that was
 * already entered by hand (same client, same email) adopts it rather than creating a second one.
 * Every create or change publishes ContactUpserted, as the contact API does; an identical row changes
 * nothing and publishes nothing. The CRM's export has no stakeholder roles or "has left" flag: those
 * stay as kept in Rhythm.
 */
@ApplicationScoped
public class ContactSync {

    public record RowResult(int row, ClientSync.Outcome status, String externalId, String clientId, String contactId,
                            List<RowProblem> errors) {
    }

    @Inject
    EntityManager em;
    @Inject
    ContactWrites writes;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;

    public List<RowResult> sync(List<AdaptedContact> rows, List<Map<String, ?>> originals) {
        List<RowResult> results = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            AdaptedContact row = rows.get(i);
            if (!row.accepted()) {
                results.add(new RowResult(i, ClientSync.Outcome.REJECTED, null, null, null, row.problems()));
                continue;
            }
            int index = i;
            Map<String, ?> original = originals.get(i);
            try {
                results.add(QuarkusTransaction.requiringNew().call(() -> upsert(index, row.upsert(), original)));
            } catch (RuntimeException e) {
                results.add(new RowResult(i, ClientSync.Outcome.REJECTED, row.upsert().externalId(), null, null,
                        List.of(new RowProblem("row", "could not be stored: " + e.getClass().getSimpleName()))));
            }
        }
        return results;
    }

    private RowResult upsert(int index, ContactUpsert row, Map<String, ?> original) {
        UUID clientId = single(em.createNativeQuery("select client_id from client_external_id where source = ?1 and external_id = ?2")
                .setParameter(1, row.source()).setParameter(2, row.companyExternalId()).getResultList());
        if (clientId == null) {
            queueUnmatched(row, original);
            return new RowResult(index, ClientSync.Outcome.UNMATCHED, row.externalId(), null, null, List.of(new RowProblem(
                    row.companyField(), "company " + row.companyExternalId() + " is not a Rhythm client: sync the company "
                    + "(/api/v1/clients/bulk/" + row.source() + "), then re-send the contact")));
        }
        UUID linked = single(em.createNativeQuery("select contact_id from contact_external_id where source = ?1 and external_id = ?2")
                .setParameter(1, row.source()).setParameter(2, row.externalId()).getResultList());
        Contact contact = linked == null ? null : Contact.findById(linked, LockModeType.PESSIMISTIC_WRITE);
        if (contact == null && row.email() != null) {
            contact = Contact.<Contact>find("clientId = ?1 and lower(email) = ?2", clientId, row.email().toLowerCase(Locale.ROOT))
                    .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        }
        UUID self = contact == null ? null : contact.id;
        if (writes.emailTaken(clientId, row.email(), self)) {
            return new RowResult(index, ClientSync.Outcome.REJECTED, row.externalId(), clientId.toString(), null, List.of(
                    new RowProblem(row.source().equals("hubspot") ? "email" : "Email",
                            "another contact of the client has email " + row.email())));
        }
        boolean created = contact == null;
        if (created) {
            contact = new Contact();
            contact.id = UUID.randomUUID();
            contact.createdAt = Instant.now(clock);
            contact.clientId = clientId;
        }
        boolean changed = apply(contact, row, clientId);
        if (!created && !changed) {
            linkAndResolve(row, contact.id, linked == null);
            return new RowResult(index, ClientSync.Outcome.UNCHANGED, row.externalId(), clientId.toString(), contact.id.toString(), List.of());
        }
        contact.updatedAt = Instant.now(clock);
        if (created) {
            contact.persist();
        } else {
            contact.version++;
        }
        writes.publish(contact);
        linkAndResolve(row, contact.id, linked == null);
        return new RowResult(index, created ? ClientSync.Outcome.CREATED : ClientSync.Outcome.UPDATED, row.externalId(),
                clientId.toString(), contact.id.toString(), List.of());
    }

    /** Copies the row onto the contact; true when anything changed. Opting out is kept; opting in never re-subscribes. */
    private static boolean apply(Contact contact, ContactUpsert row, UUID clientId) {
        boolean changed = !Objects.equals(contact.clientId, clientId) || !Objects.equals(contact.name, row.name())
                || !Objects.equals(contact.email, row.email()) || !Objects.equals(contact.title, row.title())
                || !Objects.equals(contact.department, row.department()) || (row.optedOut() && contact.subscribed);
        contact.clientId = clientId;
        contact.name = row.name();
        contact.email = row.email();
        contact.title = row.title();
        contact.department = row.department();
        if (row.optedOut()) {
            contact.subscribed = false;
        }
        return changed;
    }

    private void linkAndResolve(ContactUpsert row, UUID contactId, boolean link) {
        em.flush();
        if (link) {
            em.createNativeQuery("""
                            insert into contact_external_id (source, external_id, contact_id) values (?1, ?2, ?3)
                            on conflict (source, external_id) do update set contact_id = excluded.contact_id""")
                    .setParameter(1, row.source()).setParameter(2, row.externalId()).setParameter(3, contactId).executeUpdate();
        }
        em.createNativeQuery("update unmatched_record set resolved_at = ?1 where source = ?2 and kind = 'contact' "
                        + "and external_id = ?3 and resolved_at is null")
                .setParameter(1, Instant.now(clock)).setParameter(2, row.source()).setParameter(3, row.externalId())
                .executeUpdate();
    }

    private void queueUnmatched(ContactUpsert row, Map<String, ?> original) {
        String payload;
        try {
            payload = mapper.writeValueAsString(original);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        em.createNativeQuery("""
                        insert into unmatched_record (id, source, kind, external_id, reason, payload, received_at)
                        values (?1, ?2, 'contact', ?3, ?4, cast(?5 as jsonb), ?6)
                        on conflict (source, kind, external_id) do update
                        set reason = excluded.reason, payload = excluded.payload, received_at = excluded.received_at,
                            resolved_at = null""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, row.source()).setParameter(3, row.externalId())
                .setParameter(4, "company " + row.companyExternalId() + " is not a known client").setParameter(5, payload)
                .setParameter(6, Instant.now(clock)).executeUpdate();
    }

    private static UUID single(List<?> ids) {
        return ids.isEmpty() ? null : (UUID) ids.get(0);
    }
}
