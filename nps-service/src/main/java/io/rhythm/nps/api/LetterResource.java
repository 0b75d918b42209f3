package io.rhythm.nps.api;

import io.rhythm.nps.domain.letters.ClientLetter;
import io.rhythm.nps.domain.letters.LetterStatus;
import io.rhythm.nps.service.letters.ClientLetters;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.Versions;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Locale;
import java.util.UUID;

/** Client letters: read (JSON, HTML, PDF), edit while a draft, EVP approval, marked sent. */
@Path("/api/v1/nps/letters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Client letters and talking points", description = "Drafts from a cycle's results, EVP approval, sending")
public class LetterResource {

    private static final String PDF = "application/pdf";

    @Inject
    ClientLetters letters;

    @GET
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Client letters", description = "Within your portfolio, by client name; filters cycleId, clientId, "
            + "status (DRAFT, APPROVED, SENT), businessUnit; cursor paging.")
    public Page<LetterView> list(@QueryParam("cycleId") String cycleId, @QueryParam("clientId") String clientId,
                                 @QueryParam("status") String status, @QueryParam("businessUnit") String businessUnit,
                                 @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        Page<ClientLetter> rows = letters.list(new ClientLetters.Filter(QueryParams.uuid("cycleId", cycleId), QueryParams.uuid("clientId", clientId), status(status),
                businessUnit == null || businessUnit.isBlank() ? null : businessUnit), page);
        return rows.map(this::view);
    }

    @GET
    @Path("/{id}")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "One client letter", description = "With its ETag (send it in If-Match to edit).")
    public Response get(@PathParam("id") UUID id) {
        ClientLetter letter = letters.require(id);
        return Response.ok(view(letter)).tag(Versions.etag(letter.version)).build();
    }

    @GET
    @Path("/{id}/html")
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "A client letter as HTML", description = "Marked DRAFT until approved.")
    public String html(@PathParam("id") UUID id) {
        return letters.html(letters.require(id));
    }

    @GET
    @Path("/{id}/pdf")
    @Produces(PDF)
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "A client letter as PDF", description = "The HTML letter rendered to PDF.")
    public Response pdf(@PathParam("id") UUID id) {
        ClientLetter letter = letters.require(id);
        return Response.ok(letters.pdf(letter), PDF)
                .header("Content-Disposition", "inline; filename=\"letter-" + letter.id + ".pdf\"").build();
    }

    @PUT
    @Path("/{id}")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Edit a draft letter's text", description = "The client's CSE/CAM or a leader; If-Match with the "
            + "ETag (428 missing, 412 stale); 409 once approved or sent.")
    public Response edit(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull LetterEdit request) {
        ClientLetter letter = letters.edit(id, ifMatch, request.subject(), request.body());
        return Response.ok(view(letter)).tag(Versions.etag(letter.version)).build();
    }

    @POST
    @Path("/{id}/approve")
    @Transactional
    @RolesAllowed(Roles.EVP)
    @Operation(summary = "Approve a letter (EVP only)", description = "DRAFT → APPROVED; 409 otherwise.")
    public LetterView approve(@PathParam("id") UUID id) {
        return view(letters.approve(id));
    }

    @POST
    @Path("/{id}/sent")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Mark an approved letter sent", description = "APPROVED → SENT with the day it went out (default "
            + "today); 409 before approval or when already sent.")
    public LetterView sent(@PathParam("id") UUID id, @Valid LetterSent request) {
        return view(letters.markSent(id, request == null ? null : request.sentOn()));
    }

    private LetterView view(ClientLetter letter) {
        return LetterView.of(letter, letters.factsOf(letter));
    }

    private static LetterStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return LetterStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("status", "must be one of DRAFT, APPROVED, SENT");
        }
    }
}
