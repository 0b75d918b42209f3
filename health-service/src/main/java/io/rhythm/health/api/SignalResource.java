package io.rhythm.health.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rhythm.health.domain.crm.RowProblem;
import io.rhythm.health.service.SignalIngestion;
import io.rhythm.health.service.SignalReader;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

@Path("/api/v1/signals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Signals", description = "Usage, support, billing, engagement and relational signals")
public class SignalResource {

    static final int MAX_SIGNALS = 1_000;

    @Inject
    SignalReader reader;
    @Inject
    SignalIngestion ingestion;

    @POST
    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "Ingest signals", description = "Up to 1,000 signals, each answered on its own (ACCEPTED, "
            + "DUPLICATE, STALE, UNMATCHED, REJECTED); each accepted signal rescores its client at once. For high volume, "
            + "produce the same JSON to Kafka topic signals.ingest.v1 with the client id as key.")
    public List<SignalResult> ingest(@Valid @NotNull SignalBatch batch) {
        if (batch.signals().isEmpty() || batch.signals().size() > MAX_SIGNALS) {
            throw ApiException.invalid("signals", "must hold 1 to " + MAX_SIGNALS + " signals (got " + batch.signals().size() + ")");
        }
        List<SignalResult> results = new ArrayList<>(batch.signals().size());
        for (int i = 0; i < batch.signals().size(); i++) {
            SignalReader.Read read = reader.read(batch.signals().get(i));
            if (read.signal() == null) {
                String eventId = batch.signals().get(i) != null && batch.signals().get(i).hasNonNull("eventId")
                        ? batch.signals().get(i).get("eventId").asText() : null;
                results.add(new SignalResult(i, eventId, "REJECTED", null, null, read.problems()));
                continue;
            }
            try {
                SignalIngestion.Result result = QuarkusTransaction.requiringNew().call(() -> ingestion.ingest(read.signal(), "http"));
                results.add(new SignalResult(i, read.signal().eventId(), result.outcome().name(),
                        result.clientId() == null ? null : result.clientId().toString(), result.detail(), List.of()));
            } catch (RuntimeException e) {
                results.add(new SignalResult(i, read.signal().eventId(), "REJECTED", null, null,
                        List.of(new RowProblem("signal", "could not be stored, retry it: " + e.getClass().getSimpleName()))));
            }
        }
        return results;
    }
}
