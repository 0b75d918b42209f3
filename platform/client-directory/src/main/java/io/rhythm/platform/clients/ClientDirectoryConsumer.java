package io.rhythm.platform.clients;

import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.payload.ClientUpserted;
import io.rhythm.platform.events.payload.ContactUpserted;
import io.rhythm.platform.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the client and contact directories current from {@code clients.v1}. Each ClientUpserted is also fired
 * as a CDI event inside the same transaction, so a service can keep more of the client than the shared
 * directory does (e.g. nps-service's customer-since dates); observers must be out-of-order safe (by
 * {@code version}).
 */
@ApplicationScoped
public class ClientDirectoryConsumer {

    @Inject
    IdempotentConsumer inbox;

    @Inject
    ClientDirectory directory;

    @Inject
    ContactDirectory contacts;

    @Inject
    Event<ClientUpserted> upserted;

    @Incoming("clients")
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = io.rhythm.platform.events.MalformedEventException.class)
    public void onClientEvent(ConsumerRecord<String, String> record) {
        inbox.process("client-directory", record, event -> {
            if (event.type().equals(EventCatalogue.CLIENT_UPSERTED.type())) {
                ClientUpserted client = Json.read(event.data(), ClientUpserted.class);
                directory.apply(client);
                upserted.fire(client);
            } else if (event.type().equals(EventCatalogue.CONTACT_UPSERTED.type())) {
                contacts.apply(Json.read(event.data(), ContactUpserted.class));
            }
        });
    }
}
