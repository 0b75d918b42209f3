package io.rhythm.health.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Parameters;
import io.rhythm.health.domain.OwnerMapping;
import io.rhythm.health.domain.UnmatchedRecord;
import io.rhythm.health.domain.crm.AdaptedRow;
import io.rhythm.health.domain.crm.ClientUpsert;
import io.rhythm.health.domain.crm.HubSpotCompanyAdapter;
import io.rhythm.health.domain.crm.RowProblem;
import io.rhythm.health.domain.crm.SalesforceAccountAdapter;
import io.rhythm.health.service.ClientSync;
import io.rhythm.platform.web.paging.Cursor;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** CRM sync: bulk upserts of client rows in Rhythm's, HubSpot's and Salesforce's shapes. */
@Path("/api/v1/clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "CRM sync", description = "Bulk upsert of clients from a CRM, owner mappings, the unmatched queue")
public class ClientSyncResource {

    @Inject
    ClientSync sync;
    @Inject
    ObjectMapper mapper;
    @Inject
    Validator validator;
    @Inject
    Clock clock;
    @ConfigProperty(name = "rhythm.crm.default-region")
    String defaultRegion;
    @ConfigProperty(name = "rhythm.crm.default-currency")
    String defaultCurrency;
    @ConfigProperty(name = "rhythm.crm.max-rows")
    int maxRows;

    @POST
    @Path("/bulk")
    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "Upsert clients in Rhythm's format", description = "Rows are ClientRequest objects; each "
            + "must carry externalIds[source], which identifies it (re-sending a row updates, an identical row changes "
            + "nothing). Per-row results; a bad row never rejects the batch.")
    public BulkResult bulk(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CrmRowSchemas.RhythmRows.class))) @Valid @NotNull BulkRows body) {
        if (body.source() == null || !body.source().matches("[a-z][a-z0-9_-]{0,29}")) {
            throw ApiException.invalid("source", "must name the CRM whose externalIds entry identifies each row, e.g. crm");
        }
        return run(body, row -> readRhythmRow(body.source(), row));
    }

    @POST
    @Path("/bulk/hubspot")
    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "Upsert clients from a HubSpot company export", description = "Rows with hs_object_id (or Record ID), "
            + "name, annualrevenue, lifecyclestage, hubspot_owner_id, ... Owners are mapped with owner-mappings/hubspot; "
            + "unmapped owners put the row in the unmatched queue. Outcomes for backtests: a company whose lifecyclestage "
            + "is former_customer, former customer or churned is recorded as CHURNED on its churn_date (required then); a "
            + "renewal_date that rolls forward by 6+ months from a stored one that has come (or is within 90 days) records "
            + "RENEWED on the stored date. The row's result names the outcome recorded. The Rhythm stage (ONBOARDING, ADOPTION, "
            + "MATURE, EXPANSION, RENEWAL) comes from rhythm_lifecycle_stage; customerSince from hs_lifecyclestage_customer_date "
            + "(\"Became a Customer Date\"; not in the future).")
    public BulkResult hubspot(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CrmRowSchemas.HubSpotCompanies.class))) @Valid @NotNull BulkRows body) {
        HubSpotCompanyAdapter adapter = new HubSpotCompanyAdapter(defaultRegion, defaultCurrency, LocalDate.now(clock));
        return run(body, row -> adapter.read(asMap(row)));
    }

    @POST
    @Path("/bulk/salesforce")
    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "Upsert clients from a Salesforce Account export", description = "Rows with Id, Name, Type, "
            + "Industry, AnnualRevenue, OwnerId, ParentId (and the custom Renewal_Date__c, Churn_Date__c). Only Customer "
            + "accounts are clients, and former customers: Type Former Customer or Churned records CHURNED on Churn_Date__c "
            + "(required then); Renewal_Date__c rolling forward records RENEWED as for HubSpot. The custom Rhythm_Lifecycle_Stage__c "
            + "sets the stage (EXPANSION included) and Customer_Since__c (or Customer_Since_Date__c) the customer-since date.")
    public BulkResult salesforce(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CrmRowSchemas.SalesforceAccounts.class))) @Valid @NotNull BulkRows body) {
        SalesforceAccountAdapter adapter = new SalesforceAccountAdapter(defaultRegion, defaultCurrency, LocalDate.now(clock));
        return run(body, row -> adapter.read(asMap(row)));
    }

    @PUT
    @Path("/owner-mappings/{source}/{externalOwnerId}")
    @Transactional
    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "Map a CRM owner id to a Rhythm user", description = "Then re-send the rows that were unmatched.")
    public OwnerMappingRequest mapOwner(@PathParam("source") String source, @PathParam("externalOwnerId") String externalOwnerId,
                                        @Valid @NotNull OwnerMappingRequest request) {
        OwnerMapping mapping = OwnerMapping.findById(new OwnerMapping.Key(source, externalOwnerId));
        if (mapping == null) {
            mapping = new OwnerMapping();
            mapping.key = new OwnerMapping.Key(source, externalOwnerId);
        }
        mapping.username = request.username();
        mapping.updatedAt = Instant.now(clock);
        mapping.persist();
        return request;
    }

    @GET
    @Path("/unmatched")
    // a read, not an ingest: DESIGN.md's security model lets integration clients call ingest endpoints only
    @RolesAllowed({Roles.ADMIN, Roles.AVP, Roles.VP})
    @Operation(summary = "The unmatched queue", description = "CRM records that could not be matched (e.g. to an owner), "
            + "oldest first, until a later sync resolves them.")
    public Page<UnmatchedView> unmatched(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        String query = "resolvedAt is null";
        Parameters params = new Parameters();
        if (page.after() != null) {
            query += " and (receivedAt > :at or (receivedAt = :at and id > :id))";
            params.and("at", parseInstant(page.after().sortValue())).and("id", page.after().uuid());
        }
        List<UnmatchedRecord> rows = UnmatchedRecord.<UnmatchedRecord>find(query + " order by receivedAt, id", params)
                .page(0, page.fetchSize()).list();
        return Page.of(rows, page, r -> new Cursor(r.receivedAt.toString(), r.id.toString()), UnmatchedView::of);
    }

    private BulkResult run(BulkRows body, Function<JsonNode, AdaptedRow> reader) {
        if (body.rows().isEmpty() || body.rows().size() > maxRows) {
            throw ApiException.invalid("rows", "must hold 1 to " + maxRows + " rows (got " + body.rows().size() + ")");
        }
        List<AdaptedRow> adapted = new ArrayList<>(body.rows().size());
        List<Map<String, ?>> originals = new ArrayList<>(body.rows().size());
        for (JsonNode row : body.rows()) {
            adapted.add(row != null && row.isObject() ? reader.apply(row)
                    : AdaptedRow.rejected(List.of(new RowProblem("row", "must be a JSON object"))));
            originals.add(row != null && row.isObject() ? asMap(row) : Map.of());
        }
        return BulkResult.of(sync.sync(adapted, originals));
    }

    private AdaptedRow readRhythmRow(String source, JsonNode row) {
        ClientRequest request;
        try {
            request = mapper.treeToValue(row, ClientRequest.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().isEmpty() ? "row" : e.getPath().get(e.getPath().size() - 1).getFieldName();
            return AdaptedRow.rejected(List.of(new RowProblem(field == null ? "row" : field, e.getOriginalMessage())));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return AdaptedRow.rejected(List.of(new RowProblem("row", e.getOriginalMessage())));
        }
        List<RowProblem> problems = new ArrayList<>();
        for (ConstraintViolation<ClientRequest> violation : validator.validate(request)) {
            problems.add(new RowProblem(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        String externalId = request.externalIds() == null ? null : request.externalIds().get(source);
        if (externalId == null) {
            problems.add(new RowProblem("externalIds." + source, "is required: it identifies the row"));
        }
        if (request.customerSince() != null && request.customerSince().isAfter(LocalDate.now(clock))) {
            problems.add(new RowProblem("customerSince", "must not be in the future (today is " + LocalDate.now(clock) + ")"));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(RowProblem::field));
            return AdaptedRow.rejected(problems);
        }
        return AdaptedRow.of(new ClientUpsert(source, externalId, request.name().strip(), request.region().strip(),
                request.businessUnit(), request.ownerCse(), null, request.ownerCam(), request.tier(), request.lifecycleStage(),
                request.renewalDate(), request.annualRevenue() == null ? null : request.annualRevenue().amount(),
                request.annualRevenue() == null ? null : request.annualRevenue().currency(), null, null,
                request.customerSince()));
    }

    @SuppressWarnings("unchecked")
    private Map<String, ?> asMap(JsonNode row) {
        return mapper.convertValue(row, Map.class);
    }

    private static Instant parseInstant(String value) {
        try {
            return Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.invalid("cursor", "is not a cursor issued by this API");
        }
    }
}
