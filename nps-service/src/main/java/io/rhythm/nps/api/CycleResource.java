package io.rhythm.nps.api;

import io.rhythm.nps.domain.CycleSchedule;
import io.rhythm.nps.domain.SurveyCycle;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.payload.CycleCreated;
import io.rhythm.platform.idempotency.IdempotentRequests;
import io.rhythm.platform.outbox.OutboxWriter;
import io.rhythm.platform.web.paging.Cursor;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
import io.quarkus.panache.common.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.rhythm.platform.web.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Path("/api/v1/nps/cycles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Survey cycles", description = "NPS survey cycles")
public class CycleResource {

    @Inject
    OutboxWriter outbox;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;
    @Inject
    Clock clock;
    @Inject
    io.rhythm.nps.service.Milestones milestones;
    @Inject
    io.rhythm.nps.service.CycleResults results;
    @Inject
    io.rhythm.nps.service.themes.ResponseThemes responseThemes;
    @Inject
    io.rhythm.nps.service.operations.CycleClosing closing;
    @Inject
    io.rhythm.nps.service.operations.CycleDeliveries deliveries;

    @POST
    @Transactional
    @RolesAllowed({Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Create a survey cycle", description = "Names are unique (409). Generates the milestone plan "
            + "(the seed's own dates for the 2026 cycles, Appendix A offsets otherwise). Publishes CycleCreated on nps.cycles.v1.")
    @APIResponse(responseCode = "201", description = "The cycle")
    @APIResponse(responseCode = "400", description = "Missing or bad fields, close date not after open date",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Not signed in",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not AVP, VP, EVP or admin",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A cycle of that name exists, or the Idempotency-Key was used for another request",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response create(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Valid @NotNull CycleRequest request) {
        LocalDate close = request.closeDate() != null ? request.closeDate()
                : CycleSchedule.plan(request.name(), request.openDate()).closeDate();
        if (!close.isAfter(request.openDate())) {
            throw ApiException.invalid("closeDate", "must be after openDate " + request.openDate());
        }
        return idempotent.execute(idempotencyKey, "POST /api/v1/nps/cycles", request, () -> {
            String name = request.name().strip();
            if (SurveyCycle.count("name", name) > 0) {
                throw ApiException.conflict("a cycle named '" + name + "' already exists");
            }
            SurveyCycle cycle = new SurveyCycle();
            cycle.id = UUID.randomUUID();
            cycle.name = name;
            cycle.openDate = request.openDate();
            cycle.closeDate = close;
            cycle.createdBy = caller.username();
            cycle.createdAt = Instant.now(clock);
            cycle.persist();
            milestones.generate(cycle);
            outbox.publish(EventCatalogue.CYCLE_CREATED, cycle.id.toString(),
                    new CycleCreated(cycle.id.toString(), cycle.name, cycle.openDate, cycle.closeDate));
            return Response.created(URI.create("/api/v1/nps/cycles/" + cycle.id)).entity(CycleView.of(cycle)).build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    public CycleView get(@PathParam("id") UUID id) {
        SurveyCycle cycle = SurveyCycle.findById(id);
        if (cycle == null) {
            throw ApiException.notFound("Survey cycle", id);
        }
        return CycleView.of(cycle);
    }

    @GET
    @Path("/{id}/results")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "A cycle's results", description = "Within your portfolio: NPS (exact and rounded) with its 95 % "
            + "confidence interval and a caveat on small samples, promoters/passives/detractors, average, range and standard "
            + "deviation, response rate against the > 40 % target, the NPS weighted by client revenue beside the unweighted "
            + "one, and all of it per client, business unit, CSE, CAM and segment; the response rate counts eligible contacts of the "
            + "frozen recipient list (subscribed, valid address) and those of them who answered by any channel (link, HubSpot "
            + "import, webhook): eligible, responded, percent, targetMet, responsesNeeded; responses and invited (Rhythm's own "
            + "invitations) beside it.")
    public io.rhythm.nps.service.CycleResults.Results results(@PathParam("id") UUID id) {
        return results.of(id);
    }

    @POST
    @Path("/{id}/close")
    @Transactional
    @RolesAllowed({Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Close a survey cycle", description = "By AVP, VP, EVP or admin, at any time (the milestone scan "
            + "closes it by itself once its close date has ended, as 'system'). Status CLOSED; its survey links answer 410 "
            + "Gone from now on, imports are refused and nothing more is sent; the whole cycle's results are frozen (see "
            + "…/closed-results) and published in CycleClosed on nps.cycles.v1; the SURVEY_CLOSE milestone is completed. "
            + "409 if it is closed already, 404 for an unknown cycle.")
    public io.rhythm.nps.service.operations.CycleClosing.Closing close(@PathParam("id") UUID id) {
        return closing.close(id, caller.username());
    }

    @PUT
    @Path("/{id}/delivery")
    @Transactional
    @RolesAllowed({Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Set who delivers a cycle's survey", description = "EXTERNAL: HubSpot (or the named tool) sends "
            + "the survey; Rhythm sends no invitations or reminders (409 on …/invitations/send and …/invitations/remind), exports "
            + "the validated list (GET …/recipients/export) and the non-responder pulls (…/recipients/non-responders/export), "
            + "takes the day-5/12 snapshots, and accepts imports and webhook answers until the cycle closes. RHYTHM (the "
            + "default): Rhythm e-mails them. Either way the scan closes the cycle at the end of its close date. 409 once "
            + "closed, or when handing to another tool a cycle Rhythm has already sent invitations of.")
    @APIResponse(responseCode = "200", description = "The cycle")
    @APIResponse(responseCode = "400", description = "Missing or unknown delivery, tool too long",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Not signed in",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not AVP, VP, EVP, marketing or admin",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown cycle",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Closed, or Rhythm already sent invitations",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public CycleView delivery(@PathParam("id") UUID id, @Valid @NotNull DeliveryRequest request) {
        return CycleView.of(deliveries.setDelivery(id, request.delivery(), request.tool()));
    }

    @POST
    @Path("/{id}/extend")
    @Transactional
    @RolesAllowed({Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Extend a cycle's close date", description = "The milestone scan closes every cycle at the end of "
            + "its close date (UTC), whatever its channel; a leader who wants answers for longer moves the close date later "
            + "before it ends. The SURVEY_CLOSE milestone and the unanswered invitation links move with it; closeExtendedAt "
            + "and closeExtendedBy record who did it. 400 when the new date is not later, 409 once closed or once the close "
            + "date has ended.")
    @APIResponse(responseCode = "200", description = "The cycle with its new close date")
    @APIResponse(responseCode = "400", description = "Missing date, or not after the current close date",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Not signed in",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not AVP, VP, EVP or admin",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown cycle",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Closed, or its close date has ended",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public CycleView extend(@PathParam("id") UUID id, @Valid @NotNull ExtendRequest request) {
        return CycleView.of(deliveries.extend(id, request.closeDate(), caller.username()));
    }

    @GET
    @Path("/{id}/closed-results")
    @Transactional
    @RolesAllowed({Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "A closed cycle's frozen results", description = "The whole cycle's results as they were when it "
            + "closed (exactly those of its CycleClosed event): responses, invited, response rate against the > 40 % target, "
            + "NPS with its 95 % interval, promoters/passives/detractors, average, min, max, standard deviation, top themes. "
            + "Whole portfolio, so for portfolio-wide roles only; 409 while the cycle is open (…/results has the live "
            + "figures).")
    public io.rhythm.nps.service.operations.CycleClosing.Closing closedResults(@PathParam("id") UUID id) {
        return closing.of(id).orElseThrow(() -> ApiException.conflict("The cycle is still open: its results are frozen when "
                + "it closes; GET …/results has the live figures"));
    }

    @GET
    @Path("/{id}/breakdown")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "A cycle's results broken down by one dimension", description = "groupBy=client|segment|businessUnit|cse|cam "
            + "(required; 400 otherwise). The whole cycle (overall) and one group per client / segment (from segments.migrations.v1; "
            + "'(none)' when unknown) / business unit / owner CSE / owner CAM, each with counts, NPS and its 95 % interval and caveat, average, "
            + "min-max, standard deviation, response rate against the > 40 % target and the revenue-weighted NPS. Within your portfolio.")
    public io.rhythm.nps.service.CycleResults.Breakdown breakdown(@PathParam("id") UUID id, @QueryParam("groupBy") String groupBy) {
        io.rhythm.nps.service.Dimension by = io.rhythm.nps.service.Dimension.parse(groupBy);
        return results.breakdown(id, by);
    }

    @GET
    @Path("/{id}/themes")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Theme counts of a cycle", description = "Effective themes (a manual tag wins over the automatic one) of the "
            + "cycle's responses within your portfolio, for the whole cycle or per groupBy=client|segment|businessUnit|cse, with each "
            + "theme's owner business function, its share of the commented responses and its split by NPS category.")
    public io.rhythm.nps.service.themes.ResponseThemes.CycleThemes themes(@PathParam("id") UUID id, @QueryParam("groupBy") String groupBy) {
        io.rhythm.nps.service.Dimension by = groupBy == null || groupBy.isBlank() ? null : io.rhythm.nps.service.Dimension.parse(groupBy);
        return responseThemes.ofCycle(id, by);
    }

    @GET
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Survey cycles, newest first", description = "Cursor paging.")
    public Page<CycleView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        String query = "true = true";
        Parameters params = new Parameters();
        if (page.after() != null) {
            query += " and (openDate < :open or (openDate = :open and id > :id))";
            params.and("open", page.after().sortDate()).and("id", page.after().uuid());
        }
        var rows = SurveyCycle.<SurveyCycle>find(query + " order by openDate desc, id", params).page(0, page.fetchSize()).list();
        return Page.of(rows, page, c -> new Cursor(c.openDate.toString(), c.id.toString()), CycleView::of);
    }
}
