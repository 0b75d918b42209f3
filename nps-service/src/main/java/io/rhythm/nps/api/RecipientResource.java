package io.rhythm.nps.api;

import io.rhythm.nps.domain.pulls.HubSpotContactCsv;
import io.rhythm.nps.domain.pulls.PullCutoff;
import io.rhythm.nps.service.RecipientLists;
import io.rhythm.nps.service.delivery.NonResponders;
import io.rhythm.nps.service.delivery.NonResponders.AsOf;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.Problem;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/nps/cycles/{cycleId}/recipients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recipient lists", description = "Who a cycle surveys, validated, signed off per client, then frozen")
public class RecipientResource {

    @Inject
    RecipientLists lists;
    @Inject
    Caller caller;
    @Inject
    NonResponders nonResponders;

    @POST
    @Path("/build")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Build recipient lists from the contacts", description = "For ?clientId=, or every client in your "
            + "portfolio. Each active contact is included only with a valid email and a subscription; missing/invalid emails, "
            + "unsubscribed contacts (manual outreach) and contacts without a role are flagged. Tenure (seed 001: \"all active "
            + "customers (> 90 days tenure)\"): a client with 90 days or fewer since its customerSince at the cycle's open date "
            + "has every contact excluded (TENURE_90_DAYS_OR_LESS) and its list's tenure says why; a client without "
            + "customerSince is included with the warning \"tenure unknown\". Rebuilding clears a sign-off; 409 once frozen.")
    public List<RecipientLists.ClientList> build(@PathParam("cycleId") UUID cycleId, @QueryParam("clientId") UUID clientId) {
        return lists.build(cycleId, clientId, caller);
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Recipient lists and their validation report", description = "Your clients' lists (or ?clientId=), "
            + "by client name, with counts of included, excluded and flagged contacts, the client's tenure at the open date "
            + "(status OVER_90_DAYS, UP_TO_90_DAYS with the reason it is excluded, or UNKNOWN) and the sign-off.")
    public List<RecipientLists.ClientList> report(@PathParam("cycleId") UUID cycleId, @QueryParam("clientId") UUID clientId) {
        return lists.report(cycleId, clientId, caller);
    }

    @POST
    @Path("/{clientId}/sign-off")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Sign off a client's list", description = "By the client's CSE or CAM (or AVP and above), before the "
            + "recipient-list deadline (409 after it, or before the list is built, or once frozen).")
    public RecipientLists.ClientList signOff(@PathParam("cycleId") UUID cycleId, @PathParam("clientId") UUID clientId) {
        return lists.signOff(cycleId, clientId, caller);
    }

    @GET
    @Path("/non-responders")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Who had not answered, now or as of a cycle day", description = "Eligible recipients (on the "
            + "frozen list, subscribed, valid address) of your clients (or ?clientId=) without an answer by the cutoff, "
            + "whatever channel delivered the survey (Rhythm's links, a HubSpot import, a webhook): now, or ?day=N (the end "
            + "of cycle day N, day 0 = open date: ?day=5 and ?day=12 are the seed's pulls) or ?asOf=YYYY-MM-DD (the end of "
            + "that date), the day ending at midnight UTC or in ?zone= (e.g. Australia/Sydney). An answer counts by its "
            + "submittedAt, so a late pull, or one after an import, is what it was on the day. Contacts who have since "
            + "unsubscribed are marked subscribed=false (follow up personally, never by e-mail).")
    @APIResponse(responseCode = "200", description = "The non-responders, by client then name")
    @APIResponse(responseCode = "400", description = "Bad day, asOf, zone or clientId, or both day and asOf",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Not signed in",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a CS, leadership or marketing role",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown cycle, or a client that is not yours",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public List<NonResponders.NonResponder> nonResponders(@PathParam("cycleId") UUID cycleId,
                                                          @QueryParam("clientId") UUID clientId,
                                                          @QueryParam("day") String day, @QueryParam("asOf") String asOf,
                                                          @QueryParam("zone") String zone) {
        return nonResponders.of(cycleId, clientId, asOf(day, asOf, zone));
    }

    @GET
    @Path("/non-responders/export")
    @Produces(HubSpotContactCsv.MEDIA_TYPE)
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "A non-responder pull as a HubSpot contact-import CSV", description = "The same pull as GET "
            + "…/non-responders (same ?clientId=, ?day=, ?asOf=, ?zone=), as text/csv with the columns Email, First Name, "
            + "Last Name, Company Name, for the reminder e-mail in HubSpot. Contacts who have since unsubscribed are left "
            + "out (they are followed up personally).")
    @APIResponse(responseCode = "200", description = "The CSV file", content = @Content(mediaType = HubSpotContactCsv.MEDIA_TYPE,
            example = "Email,First Name,Last Name,Company Name\r\nann.lee@health.example,Ann,Lee,SA Health\r\n"))
    @APIResponse(responseCode = "400", description = "Bad day, asOf, zone or clientId, or both day and asOf",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Not signed in",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a CS, leadership or marketing role",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown cycle, or a client that is not yours",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response exportNonResponders(@PathParam("cycleId") UUID cycleId, @QueryParam("clientId") UUID clientId,
                                        @QueryParam("day") String day, @QueryParam("asOf") String asOf,
                                        @QueryParam("zone") String zone) {
        AsOf at = asOf(day, asOf, zone);
        String name = "non-responders-" + cycleId + (at.day() != null ? "-day-" + at.day() : at.date() != null ? "-" + at.date() : "") + ".csv";
        return csv(nonResponders.csv(cycleId, clientId, at), name);
    }

    @GET
    @Path("/export")
    @Produces(HubSpotContactCsv.MEDIA_TYPE)
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "The validated recipient list as a HubSpot contact-import CSV", description = "Seed 000: "
            + "\"Upload validated list to HubSpot\" in one call. The included recipients (valid address, subscribed) of "
            + "your clients' lists (or ?clientId=), by client then name, as text/csv with the columns Email, First Name, "
            + "Last Name, Company Name. Excluded and flagged contacts are not in the file (see GET …/recipients).")
    @APIResponse(responseCode = "200", description = "The CSV file", content = @Content(mediaType = HubSpotContactCsv.MEDIA_TYPE,
            example = "Email,First Name,Last Name,Company Name\r\nann.lee@health.example,Ann,Lee,SA Health\r\n"))
    @APIResponse(responseCode = "400", description = "Bad clientId",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Not signed in",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a CS, leadership or marketing role",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown cycle, or a client that is not yours",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response export(@PathParam("cycleId") UUID cycleId, @QueryParam("clientId") UUID clientId) {
        return csv(lists.csv(cycleId, clientId, caller), "recipients-" + cycleId + ".csv");
    }

    private static Response csv(String body, String fileName) {
        return Response.ok(body, HubSpotContactCsv.MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    /** @throws ApiException 400 on {@code day} or {@code asOf} when they are not a whole number / a date */
    static AsOf asOf(String day, String asOf, String zone) {
        Integer d = null;
        if (day != null && !day.isBlank()) {
            if (!day.strip().matches("\\d{1,4}")) {
                throw ApiException.invalid("day", "must be a whole cycle day from 0 (the open date) to " + PullCutoff.MAX_DAY);
            }
            d = Integer.parseInt(day.strip());
        }
        LocalDate date = null;
        if (asOf != null && !asOf.isBlank()) {
            try {
                date = LocalDate.parse(asOf.strip());
            } catch (DateTimeParseException e) {
                throw ApiException.invalid("asOf", "must be a date YYYY-MM-DD");
            }
        }
        if (zone != null && zone.length() > 64) {
            throw ApiException.invalid("zone", "must be a time zone id such as UTC or Australia/Sydney");
        }
        return new AsOf(d, date, zone);
    }

    @POST
    @Path("/freeze")
    @Transactional
    @RolesAllowed({Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Freeze the recipient lists", description = "No list changes afterwards; the answer names the clients "
            + "whose list was not signed off.")
    public RecipientLists.Freeze freeze(@PathParam("cycleId") UUID cycleId) {
        return lists.freeze(cycleId, caller);
    }
}
