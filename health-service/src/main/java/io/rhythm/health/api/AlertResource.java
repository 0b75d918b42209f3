package io.rhythm.health.api;

import io.rhythm.health.alerts.Alert;
import io.rhythm.health.alerts.Alerts;
import io.rhythm.health.domain.Client;
import io.rhythm.health.domain.alerts.AlertStatus;
import io.rhythm.health.domain.alerts.AlertType;
import io.rhythm.health.domain.alerts.Severity;
import io.rhythm.platform.idempotency.IdempotentRequests;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.FieldError;
import io.rhythm.platform.web.problem.Versions;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/** Alerts of the caller's portfolio, and the alert workflow with its SLA timers (seed 001 alert protocol). */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts", description = "Alerts with owners, severities, a status workflow and SLA timers")
@SecurityRequirement(name = "bearer")
public class AlertResource {

    @Inject
    Alerts alerts;
    @Inject
    Caller caller;
    @Inject
    Clock clock;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    AlertListing listing;

    @GET
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "List alerts of your portfolio", description = "Newest first. CSEs and CAMs see the alerts of "
            + "the clients assigned to them. breached=true keeps alerts that missed (or are missing) an SLA. Cursor "
            + "paging: pass nextCursor back as cursor.")
    public Page<AlertView> listAlerts(
            @Parameter(description = "OPEN, ACKNOWLEDGED, ASSESSED, PLANNED, EXECUTING or RESOLVED") @QueryParam("status") String status,
            @Parameter(description = "CRITICAL, HIGH, MEDIUM or LOW") @QueryParam("severity") String severity,
            @Parameter(description = "INACTIVITY, CRITICAL_HEALTH, BILLING_ISSUE or URGENT_TICKET") @QueryParam("type") String type,
            @Parameter(description = "the owning CSE's username") @QueryParam("owner") String owner,
            @Parameter(description = "one client") @QueryParam("clientId") String clientId,
            @Parameter(description = "true: only alerts with a breached SLA") @QueryParam("breached") Boolean breached,
            @Parameter(description = "1-200, default 50") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        List<FieldError> errors = new ArrayList<>();
        AlertStatus s = parse("status", status, AlertStatus::valueOf, errors);
        Severity sev = parse("severity", severity, Severity::valueOf, errors);
        AlertType t = parse("type", type, AlertType::valueOf, errors);
        UUID client = parse("clientId", clientId, UUID::fromString, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return listing.page(s, sev, t, owner, client, Boolean.TRUE.equals(breached), limit, cursor);
    }

    @GET
    @Path("/{id}")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Read an alert", description = "With its SLA timers and transitions. The ETag guards transitions. "
            + "404 when the alert does not exist or its client is outside your portfolio.")
    public Response getAlert(@PathParam("id") UUID id) {
        Alert alert = visible(id);
        return Response.ok(AlertView.of(alert, Instant.now(clock))).tag(Versions.etag(alert.version())).build();
    }

    @POST
    @Path("/{id}/transitions")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.ADMIN})
    @Operation(summary = "Move an alert forward", description = "OPEN → ACKNOWLEDGED → ASSESSED → PLANNED → EXECUTING → "
            + "RESOLVED, one step at a time (from ASSESSED on, RESOLVED directly when no intervention is needed). Reaching a "
            + "stage stops its SLA timer. Requires If-Match with the alert's ETag (412 stale, 428 missing); a move the "
            + "workflow does not allow is a 409. The owning CSE or CAM, or avp/vp/admin. Publishes AlertStatusChanged.")
    public Response transitionAlert(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                               @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                               @Valid @NotNull AlertTransitionRequest request) {
        return idempotent.execute(idempotencyKey, "POST /api/v1/alerts/" + id + "/transitions", request, () -> {
            visible(id);
            Instant now = Instant.now(clock);
            Alert moved = alerts.transition(id, ifMatch, request.to(), request.note(), caller.username(), now);
            return Response.ok(AlertView.of(moved, now)).tag(Versions.etag(moved.version())).build();
        });
    }

    private Alert visible(UUID id) {
        Alert alert = alerts.find(id).orElseThrow(() -> ApiException.notFound("Alert", id));
        Client client = Client.findById(alert.clientId());
        caller.requireVisible(client.ownership(), "Alert", id);
        return alert;
    }

    private static <T> T parse(String field, String value, Function<String, T> parser, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(field.equals("clientId") ? value.trim() : value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "is not a valid " + field + ": " + value));
            return null;
        }
    }
}
