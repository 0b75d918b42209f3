package io.rhythm.health.api;

import io.rhythm.health.domain.crm.ClientUpsert;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The typed request bodies the CRM bulk operations document (issue 10: no {@code JsonNode} in the document).
 * They are read as raw JSON ({@link BulkRows}) because each row is validated on its own and answered in the
 * per-row results (a bad row never rejects the batch), so these records are documentation only: each lists the
 * fields the source's adapter in {@code domain/crm} reads, with the checks it makes. Cells may also come as JSON
 * numbers or booleans (exports differ); other fields of the export are ignored.
 */
public final class CrmRowSchemas {

    private CrmRowSchemas() {
    }

    static final String DAY = "^\\d{4}-\\d{2}-\\d{2}";
    static final String AMOUNT = "^[\\d,]{1,20}(\\.\\d+)?$";
    static final String CURRENCY = "^[A-Za-z]{3}$";
    static final String SALESFORCE_ID = "^[A-Za-z0-9]{15}([A-Za-z0-9]{3})?$";
    static final String STAGE = "^(?:[Oo][Nn][Bb][Oo][Aa][Rr][Dd][Ii][Nn][Gg]|[Aa][Dd][Oo][Pp][Tt][Ii][Oo][Nn]|[Mm][Aa][Tt][Uu][Rr][Ee]"
            + "|[Ee][Xx][Pp][Aa][Nn][Ss][Ii][Oo][Nn]|[Rr][Ee][Nn][Ee][Ww][Aa][Ll])$";
    static final String FLAG = "^(?:[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]|[Yy][Ee][Ss]|[Nn][Oo]|1|0)$";
    static final String EPOCH_OR_DAY = "^(?:\\d{11,15}|\\d{4}-\\d{2}-\\d{2}.*)$";

    @Schema(name = "RhythmClientRows", description = "Rows in Rhythm's own format (ClientRequest), identified by externalIds[source]")
    public record RhythmRows(
            @Schema(required = true, pattern = "^[a-z][a-z0-9_-]{0,29}$", maxLength = 30, example = "crm",
                    description = "Which externalIds entry identifies each row") String source,
            @Schema(required = true, minItems = 1, maxItems = 1000, description = "1 to 1,000 rows (rhythm.crm.max-rows)")
            List<ClientRequest> rows) {
    }

    @Schema(name = "HubSpotCompanyRows", description = "Rows of a HubSpot company export")
    public record HubSpotCompanies(
            @Schema(required = true, minItems = 1, maxItems = 1000, description = "1 to 1,000 rows (rhythm.crm.max-rows)")
            List<HubSpotCompany> rows) {
    }

    @Schema(name = "HubSpotCompanyRow", description = "A HubSpot company (API property names; a CSV export's labels where noted)")
    public record HubSpotCompany(
            @JsonProperty("hs_object_id") @Schema(maxLength = ClientUpsert.EXTERNAL_ID_MAX, example = "9876543210",
                    description = "The company's HubSpot id (required, or Record ID)") String hsObjectId,
            @JsonProperty("Record ID") @Schema(maxLength = ClientUpsert.EXTERNAL_ID_MAX, description = "The id as a CSV export labels it") String recordId,
            @Schema(required = true, maxLength = ClientUpsert.NAME_MAX, example = "SA Health") String name,
            @Schema(required = true, example = "customer", description = "customer or evangelist; "
                    + "former_customer, formercustomer, former customer or churned record CHURNED on churn_date (any case)")
            String lifecyclestage,
            @JsonProperty("hubspot_owner_id") @Schema(required = true, maxLength = ClientUpsert.EXTERNAL_ID_MAX, example = "31415926",
                    description = "Mapped to a Rhythm user with owner-mappings/hubspot") String hubspotOwnerId,
            @Schema(pattern = AMOUNT, example = "578000.00", description = "Annual revenue, not negative, at most 15 digits before the point (thousands separators allowed)") String annualrevenue,
            @Schema(pattern = CURRENCY, maxLength = 3, example = "AUD", description = "ISO 4217; default rhythm.crm.default-currency") String currency,
            @JsonProperty("renewal_date") @Schema(pattern = DAY, example = "2027-06-30") String renewalDate,
            @JsonProperty("churn_date") @Schema(pattern = DAY, description = "Required for a former customer") String churnDate,
            @JsonProperty("rhythm_lifecycle_stage") @Schema(pattern = STAGE, maxLength = 20, example = "MATURE",
                    description = "The Rhythm stage (any case); absent keeps the stored one (new clients: ONBOARDING)") String rhythmLifecycleStage,
            @JsonProperty("hs_lifecyclestage_customer_date") @Schema(pattern = EPOCH_OR_DAY, example = "2019-07-01T00:00:00Z",
                    description = "Became a Customer Date: an ISO date or date-time, or epoch milliseconds; not in the future")
            String customerDate,
            @JsonProperty("Became a Customer Date") @Schema(pattern = EPOCH_OR_DAY,
                    description = "The same date as a CSV export labels it") String customerDateLabel,
            @Schema(maxLength = ClientUpsert.REGION_MAX, description = "Default rhythm.crm.default-region") String region,
            @Schema(maxLength = ClientUpsert.BUSINESS_UNIT_MAX, description = "The client's business unit") String industry,
            @JsonProperty("rhythm_cam") @Schema(maxLength = ClientUpsert.USERNAME_MAX, description = "The CAM's Rhythm username") String rhythmCam,
            @Schema(maxLength = ClientUpsert.TIER_MAX) String tier,
            @JsonProperty("hs_parent_company_id") @Schema(maxLength = ClientUpsert.EXTERNAL_ID_MAX) String hsParentCompanyId) {
    }

    @Schema(name = "SalesforceAccountRows", description = "Rows of a Salesforce Account export")
    public record SalesforceAccounts(
            @Schema(required = true, minItems = 1, maxItems = 1000, description = "1 to 1,000 rows (rhythm.crm.max-rows)")
            List<SalesforceAccount> rows) {
    }

    @Schema(name = "SalesforceAccountRow", description = "A Salesforce Account (API field names)")
    public record SalesforceAccount(
            @JsonProperty("Id") @Schema(required = true, pattern = SALESFORCE_ID, maxLength = 18, example = "0015g00000XyZabAAB") String id,
            @JsonProperty("Name") @Schema(required = true, maxLength = ClientUpsert.NAME_MAX, example = "SA Health") String name,
            @JsonProperty("Type") @Schema(example = "Customer - Direct", description = "Customer…; "
                    + "Former Customer or Churned record CHURNED on Churn_Date__c") String type,
            @JsonProperty("OwnerId") @Schema(required = true, maxLength = ClientUpsert.EXTERNAL_ID_MAX, example = "0055g00000AbCdEAAZ") String ownerId,
            @JsonProperty("AnnualRevenue") @Schema(pattern = AMOUNT, example = "578000.00") String annualRevenue,
            @JsonProperty("CurrencyIsoCode") @Schema(pattern = CURRENCY, maxLength = 3, example = "AUD") String currencyIsoCode,
            @JsonProperty("Renewal_Date__c") @Schema(pattern = DAY, example = "2027-06-30") String renewalDate,
            @JsonProperty("Churn_Date__c") @Schema(pattern = DAY, description = "Required for a former customer") String churnDate,
            @JsonProperty("Rhythm_Lifecycle_Stage__c") @Schema(pattern = STAGE, maxLength = 20, example = "EXPANSION") String stage,
            @JsonProperty("Customer_Since__c") @Schema(pattern = EPOCH_OR_DAY, example = "2019-07-01",
                    description = "Not in the future (or Customer_Since_Date__c)") String customerSince,
            @JsonProperty("Customer_Since_Date__c") @Schema(pattern = EPOCH_OR_DAY) String customerSinceDate,
            @JsonProperty("Region__c") @Schema(maxLength = ClientUpsert.REGION_MAX) String region,
            @JsonProperty("Industry") @Schema(maxLength = ClientUpsert.BUSINESS_UNIT_MAX) String industry,
            @JsonProperty("Tier__c") @Schema(maxLength = ClientUpsert.TIER_MAX) String tier,
            @JsonProperty("ParentId") @Schema(maxLength = ClientUpsert.EXTERNAL_ID_MAX) String parentId) {
    }

    @Schema(name = "HubSpotContactRows", description = "Rows of a HubSpot contact export")
    public record HubSpotContacts(
            @Schema(required = true, minItems = 1, maxItems = 1000, description = "1 to 1,000 rows (rhythm.crm.max-rows)")
            List<HubSpotContact> rows) {
    }

    @Schema(name = "HubSpotContactRow", description = "A HubSpot contact; a name (firstname/lastname) or an email is required")
    public record HubSpotContact(
            @JsonProperty("hs_object_id") @Schema(example = "501", description = "Required, or Record ID") String hsObjectId,
            @JsonProperty("Record ID") String recordId,
            @Schema(required = true, example = "9876543210",
                    description = "The company's HubSpot id (the client synced from /api/v1/clients/bulk/hubspot)") String associatedcompanyid,
            @Schema(maxLength = 100, example = "Jo") String firstname,
            @Schema(maxLength = 100, example = "Citizen") String lastname,
            @Schema(maxLength = 254, format = "email", example = "jo.citizen@example.com") String email,
            @Schema(maxLength = 200) String jobtitle,
            @Schema(maxLength = 200) String department,
            @JsonProperty("hs_email_optout") @Schema(pattern = FLAG, maxLength = 5, example = "false") String emailOptOut,
            @Schema(pattern = FLAG, maxLength = 5, description = "Either flag unsubscribes the contact") String unsubscribed) {
    }

    @Schema(name = "SalesforceContactRows", description = "Rows of a Salesforce Contact export")
    public record SalesforceContacts(
            @Schema(required = true, minItems = 1, maxItems = 1000, description = "1 to 1,000 rows (rhythm.crm.max-rows)")
            List<SalesforceContact> rows) {
    }

    @Schema(name = "SalesforceContactRow", description = "A Salesforce Contact (API field names)")
    public record SalesforceContact(
            @JsonProperty("Id") @Schema(required = true, pattern = SALESFORCE_ID, maxLength = 18, example = "0035g00000QwErTAAV") String id,
            @JsonProperty("AccountId") @Schema(required = true, pattern = SALESFORCE_ID, maxLength = 18, example = "0015g00000XyZabAAB") String accountId,
            @JsonProperty("FirstName") @Schema(maxLength = 100, example = "Jo") String firstName,
            @JsonProperty("LastName") @Schema(required = true, maxLength = 100, example = "Citizen") String lastName,
            @JsonProperty("Email") @Schema(maxLength = 254, format = "email", example = "jo.citizen@example.com") String email,
            @JsonProperty("Title") @Schema(maxLength = 200) String title,
            @JsonProperty("Department") @Schema(maxLength = 200) String department,
            @JsonProperty("HasOptedOutOfEmail") @Schema(pattern = FLAG, maxLength = 5, example = "false") String optedOut) {
    }
}
