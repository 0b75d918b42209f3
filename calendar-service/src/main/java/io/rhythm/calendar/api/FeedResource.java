package io.rhythm.calendar.api;

import io.rhythm.calendar.service.IcsFeed;
import io.rhythm.calendar.service.IcsFeeds;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.Problem;
import io.rhythm.platform.web.problem.Versions;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Set;
import java.util.UUID;

@Path("/api/v1/calendar/feeds")
@Tag(name = "iCalendar feeds", description = "RFC 5545 feeds for calendar apps")
public class FeedResource {

    /** The 200 of a feed: its text and ETag. */
    private static final String FEED_OK = "text/calendar, with an ETag naming exactly this text";
    /** The 304 of a feed read again. */
    /** The feed's ETag: the quoted base64url SHA-256 of its components' UIDs and stamps (IcsFeeds). */
    private static final String ETAG_PATTERN = "^\"[A-Za-z0-9_-]{43}\"$";
    private static final String FEED_NOT_MODIFIED = "Not modified: If-None-Match names the feed's current ETag (no body). "
            + "Calendar apps that poll send the ETag of their last copy back; any change to the feed changes its ETag.";
    private static final Set<String> FEED_ROLES = Set.of(Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING);

    @Inject
    IcsFeeds feeds;
    @Inject
    Caller caller;
    @Inject
    ClientDirectory directory;

    @POST
    @Transactional
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Get a personal feed URL", description = "A new secret (256 bits, stored hashed) in the URL lets a "
            + "calendar app subscribe without OAuth; any earlier URL of yours stops working. The URL is shown only now.")
    @APIResponse(responseCode = "201", description = "The feed URL")
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a person's role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response issue() {
        return Response.status(201).entity(feeds.issue(caller)).build();
    }

    @DELETE
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Revoke your feed URL", description = "The URL answers 404 from now on.")
    @APIResponse(responseCode = "204", description = "Revoked (also when there was none)")
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a person's role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response revoke() {
        feeds.revoke(caller);
        return Response.noContent().build();
    }

    @GET
    @Path("/ics/{secret}")
    @PermitAll
    @Produces(IcsFeeds.MEDIA_TYPE)
    @Operation(summary = "A personal iCalendar feed (no login: the secret is the credential)", description = "Your roles' "
            + "operating-rhythm events and milestones, your open deliverables, and the meetings of your clients and those you "
            + "planned or attend.")
    @APIResponse(responseCode = "200", description = FEED_OK, content = @Content(mediaType = IcsFeeds.MEDIA_TYPE),
            headers = @Header(name = HttpHeaders.ETAG, description = "The feed's version", schema = @Schema(type = SchemaType.STRING, pattern = ETAG_PATTERN, maxLength = 45)))
    @APIResponse(responseCode = "304", description = FEED_NOT_MODIFIED)
    @APIResponse(responseCode = "404", description = "Unknown or revoked secret",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response personal(@PathParam("secret") String secret, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return send(feeds.personal(secret), ifNoneMatch);
    }

    @GET
    @Path("/roles/{role}")
    @Produces(IcsFeeds.MEDIA_TYPE)
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "A role's operating-rhythm feed", description = "Events and milestones only (no client meetings).")
    @APIResponse(responseCode = "200", description = FEED_OK, content = @Content(mediaType = IcsFeeds.MEDIA_TYPE),
            headers = @Header(name = HttpHeaders.ETAG, description = "The feed's version", schema = @Schema(type = SchemaType.STRING, pattern = ETAG_PATTERN, maxLength = 45)))
    @APIResponse(responseCode = "304", description = FEED_NOT_MODIFIED)
    @APIResponse(responseCode = "400", description = "Not a role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a person's role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response ofRole(@PathParam("role") String role, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        if (!FEED_ROLES.contains(role)) {
            throw ApiException.invalid("role", "must be one of " + FEED_ROLES.stream().sorted().toList());
        }
        return send(feeds.ofRole(role), ifNoneMatch);
    }

    @GET
    @Path("/clients/{clientId}")
    @Produces(IcsFeeds.MEDIA_TYPE)
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "A client's feed", description = "The client's scheduled activities (planned, held, cancelled "
            + "as STATUS:CANCELLED) and the open items of its checklists. Only for callers who may see the client.")
    @APIResponse(responseCode = "200", description = FEED_OK, content = @Content(mediaType = IcsFeeds.MEDIA_TYPE),
            headers = @Header(name = HttpHeaders.ETAG, description = "The feed's version", schema = @Schema(type = SchemaType.STRING, pattern = ETAG_PATTERN, maxLength = 45)))
    @APIResponse(responseCode = "304", description = FEED_NOT_MODIFIED)
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a person's role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The client is not in your portfolio",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response ofClient(@PathParam("clientId") UUID clientId, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return send(feeds.ofClient(directory.requireVisible(clientId, caller)), ifNoneMatch);
    }

    /**
     * 304 when If-None-Match names the feed's ETag, else its text; the ETag either way. The text is written from the
     * feed's kept parts as they are (a Vert.x buffer over them), not copied into a new body per request.
     */
    private static Response send(IcsFeed feed, String ifNoneMatch) {
        EntityTag tag = new EntityTag(feed.etag());
        if (Versions.notModified(ifNoneMatch, tag)) {
            return Response.notModified(tag).build();
        }
        return Response.ok(feed.content(), IcsFeeds.MEDIA_TYPE + "; charset=utf-8").tag(tag).build();
    }
}
