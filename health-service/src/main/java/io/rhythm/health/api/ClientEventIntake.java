package io.rhythm.health.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rhythm.health.domain.crm.RowProblem;
import io.rhythm.health.service.ClientEventReader;
import io.rhythm.health.service.SupportBillingEvents;
import io.rhythm.platform.web.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The HTTP side of support and billing events: reads each event on its own (a bad one is REJECTED with
 * its field errors), stores the readable ones in one transaction and, should that fail, one by one so
 * that one event that cannot be stored never takes the others with it.
 */
@ApplicationScoped
public class ClientEventIntake {

    static final int MAX_EVENTS = 1_000;

    @Inject
    ClientEventReader reader;
    @Inject
    SupportBillingEvents events;

    List<ClientEventResult> support(ClientEventBatch batch) {
        return run(batch, reader::support, "support");
    }

    List<ClientEventResult> billing(ClientEventBatch batch) {
        return run(batch, reader::billing, "billing");
    }

    private List<ClientEventResult> run(ClientEventBatch batch, Function<JsonNode, ClientEventReader.Read> read, String channel) {
        if (batch.events().isEmpty() || batch.events().size() > MAX_EVENTS) {
            throw ApiException.invalid("events", "must hold 1 to " + MAX_EVENTS + " events (got " + batch.events().size() + ")");
        }
        ClientEventResult[] results = new ClientEventResult[batch.events().size()];
        List<Integer> rows = new ArrayList<>();
        List<SupportBillingEvents.Incoming> incoming = new ArrayList<>();
        for (int i = 0; i < batch.events().size(); i++) {
            JsonNode json = batch.events().get(i);
            ClientEventReader.Read event = read.apply(json);
            if (event.event() == null) {
                String eventId = json != null && json.hasNonNull("eventId") ? json.get("eventId").asText() : null;
                results[i] = new ClientEventResult(i, eventId, "REJECTED", null, null, null, event.problems());
            } else {
                rows.add(i);
                incoming.add(new SupportBillingEvents.Incoming(event.client(), event.event()));
            }
        }
        if (!incoming.isEmpty()) {
            List<SupportBillingEvents.Result> stored;
            try {
                stored = QuarkusTransaction.requiringNew().call(() -> events.ingest(incoming, channel));
            } catch (RuntimeException batchFailure) {
                stored = null; // one by one below
            }
            for (int k = 0; k < incoming.size(); k++) {
                int row = rows.get(k);
                SupportBillingEvents.Incoming item = incoming.get(k);
                if (stored != null) {
                    results[row] = result(row, item, stored.get(k));
                    continue;
                }
                try {
                    results[row] = result(row, item, QuarkusTransaction.requiringNew().call(() -> events.ingest(List.of(item), channel)).get(0));
                } catch (RuntimeException e) {
                    results[row] = new ClientEventResult(row, item.event().eventId(), "REJECTED", null, null, null,
                            List.of(new RowProblem("event", "could not be stored, retry it: " + e.getClass().getSimpleName())));
                }
            }
        }
        return List.of(results);
    }

    private static ClientEventResult result(int row, SupportBillingEvents.Incoming item, SupportBillingEvents.Result result) {
        return new ClientEventResult(row, item.event().eventId(), result.outcome().name(),
                result.clientId() == null ? null : result.clientId().toString(), result.detail(), result.metrics(), List.of());
    }
}
