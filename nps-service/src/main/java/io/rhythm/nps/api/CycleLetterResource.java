package io.rhythm.nps.api;

import io.rhythm.nps.service.letters.ClientLetters;
import io.rhythm.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Drafting a cycle's client letters (seed 000 "NPS Analysis &amp; Client Letters"). */
@Path("/api/v1/nps/cycles/{cycleId}/letters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Client letters and talking points", description = "Drafts from a cycle's results, EVP approval, sending")
public class CycleLetterResource {

    @Inject
    ClientLetters letters;

    @POST
    @Path("/generate")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Draft the cycle's client letters", description = "One letter per client with answers in the "
            + "cycle (within your portfolio): score, trend against the client's previous cycle, top themes. Repeating it "
            + "redrafts DRAFT letters (discarding edits) and never touches approved or sent ones.")
    public ClientLetters.Generation generate(@PathParam("cycleId") UUID cycleId) {
        return letters.generate(cycleId);
    }
}
