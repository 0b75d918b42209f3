package io.rhythm.nps.api;

import io.rhythm.nps.domain.themes.ThemeRules;
import io.rhythm.nps.service.themes.ResponseThemes;
import io.rhythm.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** A person's themes for one response: the manual tag wins over the automatic one everywhere. */
@Path("/api/v1/nps/responses/{id}/themes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Themes")
public class ResponseThemeResource {

    @Inject
    ResponseThemes themes;

    /** @param themes theme codes or names of the current taxonomy; empty = "no theme" */
    @Schema(example = "{\"themes\": [\"PRODUCT_PERCEPTION\", \"Pricing & value\"]}")
    public record ManualThemes(@NotNull @Size(max = 50) List<@Size(max = ThemeRules.MAX_NAME) String> themes) {
    }

    @GET
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "A response's themes", description = "Automatic, manual (with who/when) and effective (manual if set). "
            + "404 outside your portfolio.")
    public ResponseThemes.Tags get(@PathParam("id") UUID id) {
        return themes.get(id);
    }

    @PUT
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Re-tag a response by hand", description = "Replaces the manual themes (codes or names, case-insensitive; "
            + "repeats dropped; [] = no theme). 400 with a field error per unknown theme (themes[i]). CSE/CAM for their own clients "
            + "(404 otherwise), leaders for all. The manual tag wins in counts, results and later events; a retag never touches it.")
    public ResponseThemes.Tags put(@PathParam("id") UUID id, @Valid @NotNull ManualThemes body) {
        return themes.setManual(id, body.themes());
    }

    @DELETE
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Remove the manual tag", description = "The automatic themes apply again.")
    public ResponseThemes.Tags delete(@PathParam("id") UUID id) {
        return themes.clearManual(id);
    }
}
