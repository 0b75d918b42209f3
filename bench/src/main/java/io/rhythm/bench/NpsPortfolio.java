package io.rhythm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.EventSchemas;
import io.rhythm.platform.events.EventType;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.KafkaCloudEvents;
import io.rhythm.platform.events.payload.ClientUpserted;
import io.rhythm.platform.events.payload.ContactUpserted;
import io.rhythm.platform.events.payload.Money;
import org.apache.kafka.clients.producer.KafkaProducer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bench's portfolio, as the client registry (health-service) would publish it on {@code clients.v1}:
 * clients "NPS Bench 00001".. with {@code contactsPerClient} contacts each, every id derived from a name
 * ({@link UUID#nameUUIDFromBytes}) so that every run — and the SQL seeding of the aggregation — finds the
 * same clients and contacts. Event ids are derived too, so a re-publication is a duplicate to the services'
 * idempotent consumers. Every event is checked against its JSON Schema before it is sent.
 *
 * <p>Attributes vary so that every breakdown has several groups: business unit (5), owner CSE (cse, cse2, cse3),
 * CAM (cam, cam2), tier (3) and annual revenue (20 steps).
 */
final class NpsPortfolio {

    static final String EMAIL_DOMAIN = "nps-bench.example";
    static final long VERSION = 1;
    static final List<String> BUSINESS_UNITS = List.of("Health", "Government", "Education", "Utilities", "Finance");
    static final List<String> CSES = List.of("cse", "cse2", "cse3");
    static final List<String> TIERS = List.of("Enterprise", "Mid-Market", "Growth");

    final int clients;
    final int contactsPerClient;

    NpsPortfolio(int clients, int contactsPerClient) {
        this.clients = clients;
        this.contactsPerClient = contactsPerClient;
    }

    int contacts() {
        return clients * contactsPerClient;
    }

    static UUID clientId(int client) {
        return uuid("rhythm-bench-nps-client-" + (client + 1));
    }

    /** Contact number {@code contact} (0-based over the whole portfolio; client = contact / contactsPerClient). */
    UUID contactId(int contact) {
        return uuid("rhythm-bench-nps-contact-" + (contact / contactsPerClient + 1) + "-" + (contact % contactsPerClient + 1));
    }

    int clientOf(int contact) {
        return contact / contactsPerClient;
    }

    String email(int contact) {
        return String.format(Locale.ROOT, "r%05d-%02d@%s", contact / contactsPerClient + 1, contact % contactsPerClient + 1, EMAIL_DOMAIN);
    }

    static String clientName(int client) {
        return String.format(Locale.ROOT, "NPS Bench %05d", client + 1);
    }

    static String ownerCse(int client) {
        return CSES.get(client % CSES.size());
    }

    ClientUpserted client(int i) {
        return new ClientUpserted(clientId(i).toString(), clientName(i), "APAC", BUSINESS_UNITS.get(i % BUSINESS_UNITS.size()),
                ownerCse(i), i % 2 == 0 ? "cam" : "cam2", TIERS.get((i / 3) % TIERS.size()), "MATURE", LocalDate.of(2027, 6, 30),
                new Money(String.format(Locale.ROOT, "%d.00", 50_000 + (i % 20) * 25_000), "AUD"),
                Map.of("bench", String.format(Locale.ROOT, "nps-%05d", i + 1)), VERSION);
    }

    ContactUpserted contact(int k) {
        return new ContactUpserted(contactId(k).toString(), clientId(clientOf(k)).toString(),
                String.format(Locale.ROOT, "Respondent %05d-%02d", clientOf(k) + 1, k % contactsPerClient + 1), email(k),
                "Chief Information Officer", "IT", List.of("DECISION_MAKER"), true, true, VERSION);
    }

    record Published(long clients, long contacts, double seconds) {
    }

    /** Publishes every client, then every contact (key = client id, as health-service's outbox does). */
    Published publish(String bootstrap, String topic) throws Exception {
        AtomicLong acked = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Progress progress = new Progress(topic);
        long t0 = System.nanoTime();
        long sent = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaSupport.producer(bootstrap, "rhythm-bench-nps-portfolio"))) {
            for (int i = 0; i < clients; i++) {
                send(producer, topic, EventCatalogue.CLIENT_UPSERTED, clientId(i).toString(), "client-" + (i + 1), client(i), acked, failure);
                sent++;
            }
            for (int k = 0; k < contacts(); k++) {
                send(producer, topic, EventCatalogue.CONTACT_UPSERTED, clientId(clientOf(k)).toString(), "contact-" + (k + 1), contact(k),
                        acked, failure);
                sent++;
                long s = sent;
                progress.tick(() -> String.format(Locale.ROOT, "sent %,d acked %,d", s, acked.get()));
                if (failure.get() != null) {
                    break;
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("publishing the portfolio failed: " + failure.get(), failure.get());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Progress.log(String.format(Locale.ROOT, "published %,d ClientUpserted and %,d ContactUpserted on %s in %.1f s", clients,
                contacts(), topic, seconds));
        return new Published(clients, contacts(), seconds);
    }

    private static void send(KafkaProducer<String, String> producer, String topic, EventType type, String clientId, String name, Object payload,
                             AtomicLong acked, AtomicReference<Exception> failure) {
        JsonNode data = Json.tree(payload);
        EventSchemas.requireValid(type, data);
        CloudEvent event = new CloudEvent(uuid("rhythm-bench-nps-event-" + name + "-v" + VERSION).toString(), type.source(),
                type.type(), Instant.parse("2026-01-01T00:00:00Z"), clientId, null, data);
        producer.send(KafkaCloudEvents.toRecord(topic, event), (md, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            } else {
                acked.incrementAndGet();
            }
        });
    }

    static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
