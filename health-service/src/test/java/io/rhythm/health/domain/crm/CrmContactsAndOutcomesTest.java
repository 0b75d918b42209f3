package io.rhythm.health.domain.crm;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** HubSpot and Salesforce contact rows, and the outcomes company/account rows tell. */
class CrmContactsAndOutcomesTest {

    private final HubSpotContactAdapter hubspotContacts = new HubSpotContactAdapter();
    private final SalesforceContactAdapter salesforceContacts = new SalesforceContactAdapter();
    private final HubSpotCompanyAdapter hubspot = new HubSpotCompanyAdapter("APAC", "AUD");
    private final SalesforceAccountAdapter salesforce = new SalesforceAccountAdapter("APAC", "AUD");

    @Test
    void readsAHubSpotContact() {
        AdaptedContact row = hubspotContacts.read(Map.of("hs_object_id", "501", "associatedcompanyid", "9001",
                "firstname", "Jane", "lastname", "Citizen", "email", "jane.citizen@health.sa.example",
                "jobtitle", "Chief Information Officer", "hs_email_optout", "false"));
        assertThat(row.accepted()).isTrue();
        assertThat(row.upsert()).isEqualTo(new ContactUpsert("hubspot", "501", "9001", "associatedcompanyid", "Jane Citizen",
                "jane.citizen@health.sa.example", "Chief Information Officer", null, false));
    }

    @Test
    void aHubSpotContactWithoutANameIsNamedByEmailAndOptOutsAreRead() {
        AdaptedContact row = hubspotContacts.read(Map.of("Record ID", "502", "associatedcompanyid", 9001,
                "email", "ops@wa.example", "hs_email_optout", true));
        assertThat(row.upsert().name()).isEqualTo("ops@wa.example");
        assertThat(row.upsert().optedOut()).isTrue();
        assertThat(hubspotContacts.read(Map.of("hs_object_id", "503", "associatedcompanyid", "1", "lastname", "Lee",
                "unsubscribed", "yes")).upsert().optedOut()).isTrue();
    }

    @Test
    void rejectsHubSpotContactsWithEveryProblemNamed() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("email", "not-an-email");
        bad.put("hs_email_optout", "maybe");
        bad.put("jobtitle", "x".repeat(201));
        AdaptedContact row = hubspotContacts.read(bad);
        assertThat(row.accepted()).isFalse();
        assertThat(row.problems()).extracting(RowProblem::field)
                .containsExactlyInAnyOrder("hs_object_id", "associatedcompanyid", "email", "jobtitle", "hs_email_optout");
        assertThat(hubspotContacts.read(Map.of("hs_object_id", "1", "associatedcompanyid", "2")).problems())
                .extracting(RowProblem::field).containsExactly("firstname");
    }

    @Test
    void readsSalesforceContactsAndRejectsBadIds() {
        AdaptedContact row = salesforceContacts.read(Map.of("Id", "0035g00000AbCdEAAZ", "AccountId", "0015g00000AbCdEAAZ",
                "FirstName", "Sam", "LastName", "Ng", "Email", "sam.ng@gha.example", "Title", "CFO", "Department", "Finance",
                "HasOptedOutOfEmail", true));
        assertThat(row.upsert()).isEqualTo(new ContactUpsert("salesforce", "0035g00000AbCdEAAZ", "0015g00000AbCdEAAZ",
                "AccountId", "Sam Ng", "sam.ng@gha.example", "CFO", "Finance", true));
        assertThat(salesforceContacts.read(Map.of("Id", "12", "Email", "x@y")).problems()).extracting(RowProblem::field)
                .containsExactlyInAnyOrder("Id", "AccountId", "LastName", "Email");
    }

    @Test
    void aFormerCustomerChurnedOnItsChurnDate() {
        AdaptedRow churned = hubspot.read(Map.of("hs_object_id", "9", "name", "Gone Co", "hubspot_owner_id", "1",
                "lifecyclestage", "Former_Customer", "churn_date", "2026-09-30"));
        assertThat(churned.accepted()).isTrue();
        assertThat(churned.upsert().churnedOn()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(hubspot.read(Map.of("hs_object_id", "9", "name", "Gone Co", "hubspot_owner_id", "1",
                "lifecyclestage", "churned")).problems()).extracting(RowProblem::field).containsExactly("churn_date");
        // a customer's churn_date means nothing (it is not a former customer)
        assertThat(hubspot.read(Map.of("hs_object_id", "9", "name", "Co", "hubspot_owner_id", "1",
                "lifecyclestage", "customer", "churn_date", "2026-09-30")).upsert().churnedOn()).isNull();

        AdaptedRow account = salesforce.read(Map.of("Id", "0015g00000AbCdE", "Name", "Gone", "Type", "Former Customer",
                "OwnerId", "005", "Churn_Date__c", "2026-08-31", "Renewal_Date__c", "2026-09-01"));
        assertThat(account.upsert().churnedOn()).isEqualTo(LocalDate.of(2026, 8, 31));
        assertThat(account.upsert().renewalDate()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(salesforce.read(Map.of("Id", "0015g00000AbCdE", "Name", "Gone", "Type", "Former Customer", "OwnerId", "005"))
                .problems()).extracting(RowProblem::field).containsExactly("Churn_Date__c");
    }

    @Test
    void aRenewalDateRollingForwardByATermFromOneThatCameIsARenewal() {
        LocalDate today = LocalDate.of(2026, 11, 23);
        LocalDate stored = LocalDate.of(2026, 10, 31);
        assertThat(CrmOutcomes.renewedOn(stored, stored.plusYears(1), today)).contains(stored);
        assertThat(CrmOutcomes.renewedOn(stored, stored.plusMonths(6), today)).contains(stored);
        assertThat(CrmOutcomes.renewedOn(stored, stored.plusMonths(6).minusDays(1), today)).isEmpty();   // a correction
        assertThat(CrmOutcomes.renewedOn(today.plusDays(90), today.plusDays(90).plusYears(1), today)).isPresent();
        assertThat(CrmOutcomes.renewedOn(today.plusDays(91), today.plusDays(91).plusYears(1), today)).isEmpty(); // not due yet
        assertThat(CrmOutcomes.renewedOn(null, stored, today)).isEmpty();
        assertThat(CrmOutcomes.renewedOn(stored, null, today)).isEmpty();
        assertThat(CrmOutcomes.renewedOn(stored, stored.minusYears(1), today)).isEmpty();
    }

    @Test
    void overlongContactNamesAreRefused() {
        AdaptedContact row = salesforceContacts.read(Map.of("Id", "0035g00000AbCdEAAZ", "AccountId", "0015g00000AbCdEAAZ",
                "FirstName", "F".repeat(101), "LastName", "L".repeat(101)));
        assertThat(row.problems()).extracting(RowProblem::field).containsExactlyInAnyOrder("FirstName", "LastName");
    }
}
