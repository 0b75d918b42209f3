package io.rhythm.health.service;

import io.rhythm.health.domain.Contact;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.Locale;
import java.util.UUID;

/** What every contact write shares (the contact API and CRM sync): the email rule and ContactUpserted. */
@ApplicationScoped
public class ContactWrites {

    @Inject
    EntityManager em;
    @Inject
    OutboxWriter outbox;

    /** Writes the contact and publishes ContactUpserted (clients.v1) in the caller's transaction. */
    public void publish(Contact contact) {
        em.flush();
        outbox.publish(EventCatalogue.CONTACT_UPSERTED, contact.clientId.toString(), contact.toEvent());
    }

    /** Whether another contact ({@code self} excluded) of the client has this email (case-insensitive). */
    public boolean emailTaken(UUID clientId, String email, UUID self) {
        if (email == null || email.isBlank()) {
            return false;
        }
        long taken = Contact.count("clientId = ?1 and lower(email) = ?2" + (self == null ? "" : " and id <> ?3"),
                self == null ? new Object[]{clientId, email.strip().toLowerCase(Locale.ROOT)}
                        : new Object[]{clientId, email.strip().toLowerCase(Locale.ROOT), self});
        return taken > 0;
    }
}
