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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
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
    @Inject
    io.rhythm.health.service.SegmentMessages segment;
    @Inject
    ClientEventIntake clientEvents;

    @POST
    @Path("/support")
    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "Ingest helpdesk events", description = "{\"events\": [...]}, up to 1,000 TICKET_OPENED / "
            + "TICKET_UPDATED / TICKET_CLOSED events (ticketId, clientId or externalId, occurredAt; priority LOW, NORMAL, HIGH, "
            + "URGENT; TICKET_CLOSED may carry csat, a CSAT rating 1-5 where 4 and 5 count as satisfied). Each is answered on "
            + "its own (ACCEPTED, DUPLICATE by eventId, UNMATCHED: unknown client, kept in the unmatched queue; REJECTED with "
            + "field errors). A ticket's state follows its latest event whatever the arrival order; from the client's tickets "
            + "Rhythm derives support.open_tickets, support.open_urgent_tickets, support.backlog_over_30_days (open more than "
            + "30 days) and support.csat_pct (% satisfied of the ratings of the last 90 days) and ingests those that changed "
            + "as signals (event id <eventId>:<metric>), so scores and alerts follow at once; an hourly pass updates the "
            + "inputs that change with time alone.")
    public List<ClientEventResult> support(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SignalBatchSchemas.SupportEvents.class))) @Valid @NotNull ClientEventBatch batch) {
        return clientEvents.support(batch);
    }

    @POST
    @Path("/billing")
    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "Ingest billing-system events", description = "{\"events\": [...]}, up to 1,000 INVOICE_ISSUED "
            + "(invoiceId, amount, currency, dueDate) / INVOICE_PAID (invoiceId) / PAYMENT_FAILED (invoiceId optional) / "
            + "DISPUTE_OPENED / DISPUTE_RESOLVED (disputeId, or the invoiceId it is about) events, answered one by one as for "
            + "support events. Rhythm derives financial.overdue_invoices (unpaid after the due date, UTC), "
            + "financial.aged_receivables_days (days the oldest of those is past due), financial.payment_failures_90_days "
            + "and financial.open_billing_disputes, and ingests those that changed as signals.")
    public List<ClientEventResult> billing(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SignalBatchSchemas.BillingEvents.class))) @Valid @NotNull ClientEventBatch batch) {
        return clientEvents.billing(batch);
    }

    @POST
    @Path("/segment")
    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "Ingest Segment track/group calls", description = "Segment's batch shape {\"batch\": [...]} (up to "
            + "1,000 calls): groupId is the client (Rhythm id, or external id for source segment); each numeric property "
            + "(track) or trait (group) naming a model input, in full or by its last part (active_users_pct), becomes a "
            + "signal with event id messageId:metric. Per-call results.")
    public List<SegmentResult> segment(@Valid @NotNull SegmentBatch batch) {
        if (batch.batch().isEmpty() || batch.batch().size() > MAX_SIGNALS) {
            throw ApiException.invalid("batch", "must hold 1 to " + MAX_SIGNALS + " calls (got " + batch.batch().size() + ")");
        }
        List<SegmentResult> results = new ArrayList<>();
        for (int i = 0; i < batch.batch().size(); i++) {
            var message = batch.batch().get(i);
            var read = segment.read(message);
            String messageId = message != null && message.hasNonNull("messageId") ? message.get("messageId").asText() : null;
            if (!read.problems().isEmpty()) {
                results.add(new SegmentResult(i, messageId, List.of(), read.ignored(), read.problems()));
                continue;
            }
            List<SignalResult> signals = new ArrayList<>();
            for (var signal : read.signals()) {
                signals.add(store(signals.size(), signal, "segment"));
            }
            results.add(new SegmentResult(i, messageId, signals, read.ignored(), List.of()));
        }
        return results;
    }

    @POST
    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "Ingest signals", description = "Up to 1,000 signals, each answered on its own (ACCEPTED, "
            + "DUPLICATE, STALE — also when a newer value of the same metric is in the same call —, UNMATCHED, REJECTED); "
            + "each client with an accepted signal is rescored at once. For high volume, "
            + "produce the same JSON to Kafka topic signals.ingest.v1 with the client id as key.")
    public List<SignalResult> ingest(@Valid @NotNull SignalBatch batch) {
        if (batch.signals().isEmpty() || batch.signals().size() > MAX_SIGNALS) {
            throw ApiException.invalid("signals", "must hold 1 to " + MAX_SIGNALS + " signals (got " + batch.signals().size() + ")");
        }
        SignalResult[] results = new SignalResult[batch.signals().size()];
        List<Integer> rows = new ArrayList<>();
        List<io.rhythm.health.domain.SignalInput> signals = new ArrayList<>();
        for (int i = 0; i < batch.signals().size(); i++) {
            SignalReader.Read read = reader.read(batch.signals().get(i));
            if (read.signal() == null) {
                String eventId = batch.signals().get(i) != null && batch.signals().get(i).hasNonNull("eventId")
                        ? batch.signals().get(i).get("eventId").asText() : null;
                results[i] = new SignalResult(i, eventId, "REJECTED", null, null, read.problems());
            } else {
                rows.add(i);
                signals.add(read.signal());
            }
        }
        if (!signals.isEmpty()) {
            List<SignalIngestion.Result> stored;
            try {
                stored = QuarkusTransaction.requiringNew().call(() -> ingestion.ingestAll(signals, "http"));
            } catch (RuntimeException batchFailure) {
                stored = null; // one by one below: a signal that cannot be stored never takes the others with it
            }
            for (int k = 0; k < signals.size(); k++) {
                int row = rows.get(k);
                results[row] = stored != null ? result(row, signals.get(k), stored.get(k)) : store(row, signals.get(k), "http");
            }
        }
        return List.of(results);
    }

    private static SignalResult result(int row, io.rhythm.health.domain.SignalInput signal, SignalIngestion.Result result) {
        return new SignalResult(row, signal.eventId(), result.outcome().name(),
                result.clientId() == null ? null : result.clientId().toString(), result.detail(), List.of());
    }

    /** Each signal in its own transaction: one failure never takes the others with it. */
    private SignalResult store(int row, io.rhythm.health.domain.SignalInput signal, String channel) {
        try {
            return result(row, signal, QuarkusTransaction.requiringNew().call(() -> ingestion.ingest(signal, channel)));
        } catch (RuntimeException e) {
            return new SignalResult(row, signal.eventId(), "REJECTED", null, null,
                    List.of(new RowProblem("signal", "could not be stored, retry it: " + e.getClass().getSimpleName())));
        }
    }
}
