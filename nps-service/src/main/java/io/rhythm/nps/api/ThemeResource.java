package io.rhythm.nps.api;

import io.rhythm.nps.service.themes.ResponseThemes;
import io.rhythm.nps.service.themes.ThemeCatalog;
import io.rhythm.platform.idempotency.IdempotentRequests;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.Versions;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

/** The configurable theme taxonomy (theme → owner function, keywords/phrases) and re-tagging of stored responses. */
@Path("/api/v1/nps/themes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Themes", description = "Theme taxonomy for NPS comments")
public class ThemeResource {

    @Inject
    ThemeCatalog catalog;
    @Inject
    ResponseThemes responseThemes;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "The theme taxonomy", description = "Ordered by code; cursor paging.")
    public Page<ThemeView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Page<ThemeCatalog.StoredTheme> page = catalog.page(PageRequest.of(limit, cursor));
        return page.map(ThemeView::of);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "One theme", description = "With its version as ETag (send it in If-Match to update).")
    public Response get(@PathParam("code") String code) {
        ThemeCatalog.StoredTheme theme = catalog.require(code);
        return Response.ok(ThemeView.of(theme)).tag(Versions.etag(theme.version())).build();
    }

    @POST
    @Transactional
    @RolesAllowed({Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Add a theme", description = "400 with field errors for a missing name/owner, no keywords, blank, repeated or "
            + "stop-word-only keywords; 409 when the code or the name (case-insensitive) is taken. New responses are tagged with it "
            + "at once; stored responses after POST /api/v1/nps/themes/retag. Idempotency-Key supported.")
    public Response create(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, ThemeRequest request) {
        ThemeRequest body = required(request);
        return idempotent.execute(idempotencyKey, "POST /api/v1/nps/themes", body, () -> {
            ThemeCatalog.StoredTheme theme = catalog.create(body.code(), body.name(), body.owner(), body.keywords(), caller.username());
            return Response.created(URI.create("/api/v1/nps/themes/" + theme.code())).tag(Versions.etag(theme.version()))
                    .entity(ThemeView.of(theme)).build();
        });
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed({Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Change a theme's name, owner and keywords", description = "Requires If-Match with the theme's ETag (428 "
            + "without, 412 when stale). The code stays (a code in the body is ignored). Same validation as POST.")
    public Response update(@PathParam("code") String code, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ThemeRequest request) {
        ThemeRequest body = required(request);
        ThemeCatalog.StoredTheme theme = catalog.update(code, body.name(), body.owner(), body.keywords(), ifMatch, caller.username());
        return Response.ok(ThemeView.of(theme)).tag(Versions.etag(theme.version())).build();
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed({Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Remove a theme", description = "409 for the last theme. Stored automatic tags lose it on the next retag; "
            + "manual tags keep it until a person re-tags.")
    public Response delete(@PathParam("code") String code) {
        catalog.delete(code);
        return Response.noContent().build();
    }

    @POST
    @Path("/retag")
    @Transactional
    @RolesAllowed({Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Re-apply automatic tagging to stored responses", description = "With the current taxonomy, to every "
            + "response (or one cycle's with ?cycleId=). Manual tags are not touched and keep winning. Answers how many responses "
            + "were examined, how many automatic tags changed, and how many examined responses keep a manual tag.")
    public ResponseThemes.RetagResult retag(@QueryParam("cycleId") String cycleId) {
        return responseThemes.retag(cycleId == null || cycleId.isBlank() ? null : uuid("cycleId", cycleId));
    }

    private static ThemeRequest required(ThemeRequest request) {
        if (request == null) {
            throw ApiException.invalid("$", "a theme (name, owner, keywords) is required");
        }
        return request;
    }

    static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, "must be a UUID, was '" + value + "'");
        }
    }
}
