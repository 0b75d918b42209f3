package io.rhythm.platform.testing;

import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.events.payload.ClientUpserted;
import io.rhythm.platform.events.payload.ContactUpserted;
import io.rhythm.platform.events.payload.Money;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** Publishes clients on clients.v1 exactly as health-service's outbox does, for services that project them. */
public final class TestClients {

    private TestClients() {
    }

    /** Publishes a contact of a client as health-service does; returns the event's ce_id. */
    public static String publishContact(String clientId, String contactId, String name, String email, boolean subscribed,
                                        long version) {
        ContactUpserted contact = new ContactUpserted(contactId, clientId, name, email, "CIO", "IT",
                java.util.List.of("DECISION_MAKER"), subscribed, true, version);
        CloudEvent event = CloudEvent.create(EventCatalogue.CONTACT_UPSERTED, clientId, Json.tree(contact), null);
        TopicProbe.send(Topics.CLIENTS, event);
        return event.id();
    }

    /** A new client owned by the given CSE and CAM, at version 0; returns its id. */
    public static String publishNew(String name, String ownerCse, String ownerCam) {
        String id = UUID.randomUUID().toString();
        publish(id, name, ownerCse, ownerCam, 0);
        return id;
    }

    /** Publishes one version of a client; returns the event's ce_id. */
    public static String publish(String clientId, String name, String ownerCse, String ownerCam, long version) {
        return publish(clientId, name, ownerCse, ownerCam, version, null);
    }

    /** Publishes one version of a client that became a customer on {@code customerSince} (null: unknown). */
    public static String publish(String clientId, String name, String ownerCse, String ownerCam, long version,
                                 LocalDate customerSince) {
        ClientUpserted client = new ClientUpserted(clientId, name, "APAC", "Health", ownerCse, ownerCam, "Enterprise",
                "MATURE", LocalDate.of(2027, 6, 30), new Money("250000.00", "AUD"), Map.of("hubspot", "hs-" + clientId),
                version, customerSince);
        CloudEvent event = CloudEvent.create(EventCatalogue.CLIENT_UPSERTED, clientId, Json.tree(client), null);
        TopicProbe.send(Topics.CLIENTS, event);
        return event.id();
    }
}
