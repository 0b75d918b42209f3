package io.rhythm.segmentation.api;

import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.DirectoryEntry;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.payload.SegmentMigrated;
import io.rhythm.platform.idempotency.IdempotentRequests;
import io.rhythm.platform.outbox.OutboxWriter;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
import io.rhythm.segmentation.domain.Segment;
import io.rhythm.segmentation.domain.SegmentAssignment;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/segments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Segments", description = "Segment assignments and migrations")
public class SegmentResource {

    @Inject
    ClientDirectory directory;
    @Inject
    OutboxWriter outbox;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    @POST
    @Path("/assignments")
    @Transactional
    @RolesAllowed({Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Put a client in a segment", description = "Records the migration and publishes "
            + "SegmentMigrated on segments.migrations.v1 (sapRequired for Maintain, Nurture, Sleeping Giants).")
    public Response assign(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                           @Valid @NotNull AssignmentRequest request) {
        Segment segment = Segment.parse(request.segment()).orElseThrow(() -> ApiException.invalid("segment",
                "must be one of " + Arrays.toString(Segment.values())));
        return idempotent.execute(idempotencyKey, "POST /api/v1/segments/assignments", request, () -> {
            DirectoryEntry client = directory.requireVisible(request.clientId(), caller);
            Segment previous = SegmentAssignment.current(client.clientId()).map(a -> a.segment).orElse(null);
            SegmentAssignment assignment = new SegmentAssignment();
            assignment.id = UUID.randomUUID();
            assignment.clientId = client.clientId();
            assignment.segment = segment;
            assignment.fromSegment = previous;
            assignment.reason = request.reason().strip();
            assignment.assignedBy = caller.username();
            assignment.assignedAt = Instant.now(clock);
            assignment.persist();
            outbox.publish(EventCatalogue.SEGMENT_MIGRATED, client.clientId().toString(), new SegmentMigrated(
                    client.clientId().toString(), previous == null ? null : previous.name(), segment.name(),
                    assignment.reason, segment.sapRequired(), assignment.assignedBy));
            return Response.created(URI.create("/api/v1/segments/clients/" + client.clientId()))
                    .entity(AssignmentView.of(assignment)).build();
        });
    }

    @GET
    @Path("/clients/{clientId}")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "A client's segment and its history", description = "404 outside your portfolio.")
    public ClientSegmentView client(@PathParam("clientId") UUID clientId) {
        DirectoryEntry client = directory.requireVisible(clientId, caller);
        List<AssignmentView> history = SegmentAssignment.history(clientId).stream().map(AssignmentView::of).toList();
        return new ClientSegmentView(clientId.toString(), client.name(), history.isEmpty() ? null : history.get(0), history);
    }
}
