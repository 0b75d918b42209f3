package io.rhythm.health.domain.crm;

import io.rhythm.health.domain.LifecycleStage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CrmAdaptersTest {

    private final HubSpotCompanyAdapter hubspot = new HubSpotCompanyAdapter("APAC", "AUD");
    private final SalesforceAccountAdapter salesforce = new SalesforceAccountAdapter("APAC", "AUD");

    @Test
    void readsAHubSpotCustomerCompany() {
        AdaptedRow row = hubspot.read(Map.of("hs_object_id", "9001", "name", " SA Health ", "domain", "sahealth.example",
                "annualrevenue", "6,800,000", "lifecyclestage", "customer", "hubspot_owner_id", "51234",
                "rhythm_lifecycle_stage", "mature", "renewal_date", "2027-06-30T00:00:00Z", "industry", "Health"));
        assertThat(row.accepted()).isTrue();
        ClientUpsert upsert = row.upsert();
        assertThat(upsert.source()).isEqualTo("hubspot");
        assertThat(upsert.externalId()).isEqualTo("9001");
        assertThat(upsert.name()).isEqualTo("SA Health");
        assertThat(upsert.annualRevenue()).isEqualByComparingTo(new BigDecimal("6800000.00"));
        assertThat(upsert.currency()).isEqualTo("AUD");
        assertThat(upsert.ownerExternalId()).isEqualTo("51234");
        assertThat(upsert.lifecycleStage()).isEqualTo(LifecycleStage.MATURE);
        assertThat(upsert.renewalDate()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(upsert.region()).isEqualTo("APAC");
        assertThat(upsert.businessUnit()).isEqualTo("Health");
    }

    @Test
    void hubSpotBecameACustomerDateIsTheCustomerSinceAndExpansionIsAStage() {
        LocalDate today = LocalDate.of(2026, 11, 30);
        HubSpotCompanyAdapter adapter = new HubSpotCompanyAdapter("APAC", "AUD", today);
        Map<String, Object> row = new HashMap<>(Map.of("hs_object_id", "9002", "name", "GHA", "lifecyclestage", "customer",
                "hubspot_owner_id", "1", "rhythm_lifecycle_stage", "Expansion",
                "hs_lifecyclestage_customer_date", "2019-07-01T03:12:45.120Z"));
        ClientUpsert upsert = adapter.read(row).upsert();
        assertThat(upsert.lifecycleStage()).isEqualTo(LifecycleStage.EXPANSION);
        assertThat(upsert.customerSince()).isEqualTo(LocalDate.of(2019, 7, 1));

        // CSV exports label it; older APIs give epoch milliseconds (UTC)
        assertThat(adapter.read(Map.of("Record ID", "9003", "name", "x", "hubspot_owner_id", "1",
                "Became a Customer Date", "2026-08-01 09:30")).upsert().customerSince()).isEqualTo(LocalDate.of(2026, 8, 1));
        assertThat(adapter.read(Map.of("Record ID", "9004", "name", "x", "hubspot_owner_id", "1",
                "hs_lifecyclestage_customer_date", "1561939200000")).upsert().customerSince()).isEqualTo(LocalDate.of(2019, 7, 1));
        assertThat(adapter.read(Map.of("Record ID", "9005", "name", "x", "hubspot_owner_id", "1")).upsert().customerSince())
                .as("absent: keep what is stored").isNull();

        row.put("hs_lifecyclestage_customer_date", "2026-12-01");
        row.put("rhythm_lifecycle_stage", "growth");
        AdaptedRow rejected = adapter.read(row);
        assertThat(rejected.accepted()).isFalse();
        assertThat(rejected.problems()).extracting(RowProblem::field)
                .containsExactlyInAnyOrder("hs_lifecyclestage_customer_date", "rhythm_lifecycle_stage");
        assertThat(rejected.problems()).extracting(RowProblem::message)
                .anySatisfy(m -> assertThat(m).contains("in the future"))
                .anySatisfy(m -> assertThat(m).contains("EXPANSION"));
    }

    @Test
    void salesforceCustomFieldsGiveStageAndCustomerSince() {
        SalesforceAccountAdapter adapter = new SalesforceAccountAdapter("APAC", "AUD", LocalDate.of(2026, 11, 30));
        ClientUpsert upsert = adapter.read(Map.of("Id", "001000000000001AAA", "Name", "WA Health", "Type", "Customer - Direct",
                "OwnerId", "005000000000001", "Rhythm_Lifecycle_Stage__c", "EXPANSION", "Customer_Since__c", "2021-03-15")).upsert();
        assertThat(upsert.lifecycleStage()).isEqualTo(LifecycleStage.EXPANSION);
        assertThat(upsert.customerSince()).isEqualTo(LocalDate.of(2021, 3, 15));
        assertThat(adapter.read(Map.of("Id", "001000000000002AAA", "Name", "x", "Type", "Customer", "OwnerId", "005000000000001",
                "Customer_Since_Date__c", "2027-01-01")).problems()).extracting(RowProblem::field)
                .containsExactly("Customer_Since_Date__c");
    }

    @Test
    void csvExportsRecordIdIsAcceptedAndStageIsKeptWhenNotGiven() {
        AdaptedRow row = hubspot.read(Map.of("Record ID", "77", "name", "GHA", "hubspot_owner_id", "1"));
        assertThat(row.accepted()).isTrue();
        assertThat(row.upsert().externalId()).isEqualTo("77");
        assertThat(row.upsert().lifecycleStage()).isNull();
        assertThat(row.upsert().annualRevenue()).isNull();
        assertThat(row.upsert().currency()).isNull();
    }

    @Test
    void rejectsHubSpotRowsWithEveryProblemNamed() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("name", "");
        bad.put("annualrevenue", "lots");
        bad.put("lifecyclestage", "lead");
        bad.put("currency", "dollars");
        AdaptedRow row = hubspot.read(bad);
        assertThat(row.accepted()).isFalse();
        assertThat(row.upsert()).isNull();
        assertThat(row.problems()).extracting(RowProblem::field).containsExactlyInAnyOrder(
                "hs_object_id", "name", "lifecyclestage", "annualrevenue", "currency", "hubspot_owner_id");
    }

    @Test
    void readsASalesforceCustomerAccountWithItsParent() {
        AdaptedRow row = salesforce.read(Map.of("Id", "0015g00000AbCdEAAZ", "Name", "WA Health", "Type", "Customer - Direct",
                "Industry", "Health", "AnnualRevenue", 8100000, "OwnerId", "0055g00000XyZ12AAB", "ParentId", "0015g00000PaRenTAAZ"));
        assertThat(row.accepted()).isTrue();
        assertThat(row.upsert().source()).isEqualTo("salesforce");
        assertThat(row.upsert().annualRevenue()).isEqualByComparingTo("8100000.00");
        assertThat(row.upsert().businessUnit()).isEqualTo("Health");
        assertThat(row.upsert().parentExternalId()).isEqualTo("0015g00000PaRenTAAZ");
        assertThat(row.upsert().lifecycleStage()).isNull();
    }

    @Test
    void rejectsProspectsAndMalformedSalesforceIds() {
        AdaptedRow prospect = salesforce.read(Map.of("Id", "0015g00000AbCdE", "Name", "Maybe Co", "Type", "Prospect", "OwnerId", "005"));
        assertThat(prospect.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("Type"));
        AdaptedRow badId = salesforce.read(Map.of("Id", "123", "Name", "X", "OwnerId", "005", "AnnualRevenue", "-5"));
        assertThat(badId.problems()).extracting(RowProblem::field).containsExactlyInAnyOrder("Id", "AnnualRevenue");
    }

    @Test
    void overlongValuesAreRefusedFieldByFieldAsTheApiRefusesThem() {
        String name = "N".repeat(ClientUpsert.NAME_MAX + 1);
        AdaptedRow hub = hubspot.read(Map.of("hs_object_id", "9001", "name", name, "lifecyclestage", "customer",
                "hubspot_owner_id", "51234", "region", "R".repeat(ClientUpsert.REGION_MAX + 1),
                "tier", "T".repeat(ClientUpsert.TIER_MAX + 1), "industry", "I".repeat(ClientUpsert.BUSINESS_UNIT_MAX + 1)));
        assertThat(hub.accepted()).isFalse();
        assertThat(hub.problems()).extracting(RowProblem::field).containsExactlyInAnyOrder("name", "region", "tier", "industry");
        assertThat(hub.problems()).extracting(RowProblem::message).allMatch(m -> m.startsWith("must be at most "));
        AdaptedRow sf = salesforce.read(Map.of("Id", "0015g00000XyZabAAB", "Name", name, "Type", "Customer - Direct",
                "OwnerId", "O".repeat(ClientUpsert.EXTERNAL_ID_MAX + 1), "ParentId", "P".repeat(ClientUpsert.EXTERNAL_ID_MAX + 1)));
        assertThat(sf.problems()).extracting(RowProblem::field).containsExactlyInAnyOrder("Name", "OwnerId", "ParentId");
        // at the limit they are taken
        AdaptedRow atLimit = hubspot.read(Map.of("hs_object_id", "9001", "name", "N".repeat(ClientUpsert.NAME_MAX),
                "lifecyclestage", "customer", "hubspot_owner_id", "51234"));
        assertThat(atLimit.accepted()).isTrue();
        assertThat(atLimit.upsert().name()).hasSize(ClientUpsert.NAME_MAX);
    }
}
