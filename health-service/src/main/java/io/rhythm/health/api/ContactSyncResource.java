package io.rhythm.health.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rhythm.health.domain.crm.AdaptedContact;
import io.rhythm.health.domain.crm.HubSpotContactAdapter;
import io.rhythm.health.domain.crm.RowProblem;
import io.rhythm.health.domain.crm.SalesforceContactAdapter;
import io.rhythm.health.service.ClientSync;
import io.rhythm.health.service.ContactSync;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** CRM sync of contacts: bulk upserts of HubSpot and Salesforce contact export rows. */
@Path("/api/v1/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "CRM sync", description = "Bulk upsert of clients from a CRM, owner mappings, the unmatched queue")
public class ContactSyncResource {

    /** Per-row results of a contact bulk call, and how many rows ended each way. */
    public record ContactBulkResult(Map<ClientSync.Outcome, Integer> summary, List<ContactSync.RowResult> results) {
        static ContactBulkResult of(List<ContactSync.RowResult> results) {
            Map<ClientSync.Outcome, Integer> summary = new EnumMap<>(ClientSync.Outcome.class);
            for (ClientSync.Outcome outcome : ClientSync.Outcome.values()) {
                summary.put(outcome, 0);
            }
            results.forEach(r -> summary.merge(r.status(), 1, Integer::sum));
            return new ContactBulkResult(summary, results);
        }
    }

    @Inject
    ContactSync sync;
    @Inject
    ObjectMapper mapper;
    @ConfigProperty(name = "rhythm.crm.max-rows")
    int maxRows;

    @POST
    @Path("/bulk/hubspot")
    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "Upsert contacts from a HubSpot contact export", description = "{\"rows\": [...]}, 1 to 1,000 rows "
            + "with hs_object_id (or Record ID), associatedcompanyid (the company's HubSpot id: the client synced from "
            + "/api/v1/clients/bulk/hubspot), firstname, lastname, email, jobtitle, department, hs_email_optout / unsubscribed. "
            + "Per-row results (CREATED, UPDATED, UNCHANGED — re-sending a row changes nothing —, UNMATCHED: unknown "
            + "company, kept in the unmatched queue; REJECTED with field errors). Each create or change publishes "
            + "ContactUpserted. An opt-out unsubscribes the contact; a row without one never re-subscribes it.")
    public ContactBulkResult hubspot(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CrmRowSchemas.HubSpotContacts.class))) @Valid @NotNull BulkRows body) {
        HubSpotContactAdapter adapter = new HubSpotContactAdapter();
        return run(body, row -> adapter.read(asMap(row)));
    }

    @POST
    @Path("/bulk/salesforce")
    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "Upsert contacts from a Salesforce Contact export", description = "Rows with Id, AccountId (the "
            + "client synced from /api/v1/clients/bulk/salesforce), FirstName, LastName, Email, Title, Department, "
            + "HasOptedOutOfEmail; answered as the HubSpot rows.")
    public ContactBulkResult salesforce(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CrmRowSchemas.SalesforceContacts.class))) @Valid @NotNull BulkRows body) {
        SalesforceContactAdapter adapter = new SalesforceContactAdapter();
        return run(body, row -> adapter.read(asMap(row)));
    }

    private ContactBulkResult run(BulkRows body, Function<JsonNode, AdaptedContact> reader) {
        if (body.rows().isEmpty() || body.rows().size() > maxRows) {
            throw ApiException.invalid("rows", "must hold 1 to " + maxRows + " rows (got " + body.rows().size() + ")");
        }
        List<AdaptedContact> adapted = new ArrayList<>(body.rows().size());
        List<Map<String, ?>> originals = new ArrayList<>(body.rows().size());
        for (JsonNode row : body.rows()) {
            boolean object = row != null && row.isObject();
            adapted.add(object ? reader.apply(row) : AdaptedContact.rejected(List.of(new RowProblem("row", "must be a JSON object"))));
            originals.add(object ? asMap(row) : Map.of());
        }
        return ContactBulkResult.of(sync.sync(adapted, originals));
    }

    @SuppressWarnings("unchecked")
    private Map<String, ?> asMap(JsonNode row) {
        return mapper.convertValue(row, Map.class);
    }
}
