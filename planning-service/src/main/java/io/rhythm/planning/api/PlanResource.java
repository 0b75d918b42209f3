package io.rhythm.planning.api;

import io.rhythm.planning.domain.AccountPlan;
import io.rhythm.planning.domain.FiscalYear;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.DirectoryEntry;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.payload.AccountPlanCreated;
import io.rhythm.platform.idempotency.IdempotentRequests;
import io.rhythm.platform.outbox.OutboxWriter;
import io.rhythm.platform.web.problem.ApiException;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Account plans")
public class PlanResource {


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
    @ConfigProperty(name = "rhythm.fiscal-year.start-month", defaultValue = "7")
    int fiscalYearStart;

    @POST
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.ADMIN})
    @Operation(summary = "Open an account plan", description = "One plan per client and fiscal year (409 for a second). "
            + "CSEs and CAMs plan their own clients. Publishes AccountPlanCreated on planning.plans.v1.")
    public Response create(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Valid @NotNull PlanRequest request) {
        return idempotent.execute(idempotencyKey, "POST /api/v1/plans", request, () -> {
            DirectoryEntry client = directory.requireVisible(request.clientId(), caller);
            String fiscalYear = request.fiscalYear() != null ? request.fiscalYear()
                    : FiscalYear.containing(LocalDate.now(clock), fiscalYearStart).label();
            if (AccountPlan.count("clientId = ?1 and fiscalYear = ?2", client.clientId(), fiscalYear) > 0) {
                throw ApiException.conflict(client.name() + " already has an account plan for " + fiscalYear);
            }
            AccountPlan plan = new AccountPlan();
            plan.id = UUID.randomUUID();
            plan.clientId = client.clientId();
            plan.fiscalYear = fiscalYear;
            plan.title = request.title().strip();
            plan.owner = caller.username();
            plan.createdAt = Instant.now(clock);
            plan.persist();
            outbox.publish(EventCatalogue.ACCOUNT_PLAN_CREATED, client.clientId().toString(), new AccountPlanCreated(
                    plan.id.toString(), client.clientId().toString(), fiscalYear, plan.title, plan.owner));
            return Response.created(URI.create("/api/v1/plans/" + plan.id)).entity(PlanView.of(plan, client.name())).build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    public PlanView get(@PathParam("id") UUID id) {
        AccountPlan plan = AccountPlan.findById(id);
        if (plan == null) {
            throw ApiException.notFound("Account plan", id);
        }
        DirectoryEntry client = directory.find(plan.clientId).orElseThrow(() -> ApiException.notFound("Account plan", id));
        caller.requireVisible(client.ownership(), "Account plan", id);
        return PlanView.of(plan, client.name());
    }

    @GET
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "A client's account plans, newest fiscal year first")
    public List<PlanView> forClient(@QueryParam("clientId") UUID clientId) {
        if (clientId == null) {
            throw ApiException.invalid("clientId", "is required");
        }
        DirectoryEntry client = directory.requireVisible(clientId, caller);
        return AccountPlan.<AccountPlan>list("clientId = ?1 order by fiscalYear desc", clientId).stream()
                .map(p -> PlanView.of(p, client.name())).toList();
    }
}
