package io.rhythm.nps.api;

import io.rhythm.nps.domain.SurveyCycle;
import io.rhythm.nps.service.Milestones;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/nps/cycles/{cycleId}/milestones")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Survey cycles")
public class MilestoneResource {

    @Inject
    Milestones milestones;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "A cycle's milestones", description = "In date order, with owners, status and whether they are overdue.")
    public List<Milestones.MilestoneView> list(@PathParam("cycleId") UUID cycleId) {
        requireCycle(cycleId);
        return milestones.of(cycleId);
    }

    @POST
    @Path("/{code}/complete")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Complete a milestone", description = "By one of its owner roles, or AVP and above; 409 if done already.")
    public Milestones.MilestoneView complete(@PathParam("cycleId") UUID cycleId, @PathParam("code") String code) {
        requireCycle(cycleId);
        return milestones.complete(cycleId, code, caller);
    }

    private static void requireCycle(UUID cycleId) {
        if (SurveyCycle.findById(cycleId) == null) {
            throw ApiException.notFound("Survey cycle", cycleId);
        }
    }
}
