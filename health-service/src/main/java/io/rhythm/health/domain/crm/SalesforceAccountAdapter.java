package io.rhythm.health.domain.crm;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a row of a Salesforce Account export ({@code Id}, {@code Name}, {@code Type},
 * {@code Industry}, {@code AnnualRevenue}, {@code OwnerId}, {@code ParentId}). Accounts whose
 * {@code Type} starts with "Customer" are clients (prospects, partners, ... are rejected with that
 * reason); {@code Industry} becomes the business unit and {@code ParentId} the parent account.
 *
 * <h2>Outcomes (the ground truth of backtests)</h2>
 * An account whose {@code Type} is "Former Customer" or "Churned" (case-insensitive; custom picklist
 * values, Salesforce has none for it) is taken like a customer and its client is recorded as CHURNED
 * on the custom field {@code Churn_Date__c} (required for such a row). The custom field
 * {@code Renewal_Date__c}, when present, is the renewal date; a customer's renewal date rolling
 * forward past a stored one that has passed records a renewal on the stored date (see ClientSync).
 *
 * <h2>Stage and tenure</h2>
 * Salesforce has neither: the optional custom fields {@code Rhythm_Lifecycle_Stage__c} (ONBOARDING, ADOPTION,
 * MATURE, EXPANSION, RENEWAL; absent keeps the stored stage) and {@code Customer_Since__c} (or
 * {@code Customer_Since_Date__c}; the day the account became a customer, not in the future) are read.
 */
public final class SalesforceAccountAdapter {

    public static final String SOURCE = "salesforce";

    /** Salesforce has no standard field: the custom Customer_Since__c, else the common Customer_Since_Date__c. */
    static final List<String> CUSTOMER_SINCE_FIELDS = List.of("Customer_Since__c", "Customer_Since_Date__c");

    private final String defaultRegion;
    private final String defaultCurrency;
    private final LocalDate today;

    public SalesforceAccountAdapter(String defaultRegion, String defaultCurrency, LocalDate today) {
        this.defaultRegion = defaultRegion;
        this.defaultCurrency = defaultCurrency;
        this.today = today;
    }

    public SalesforceAccountAdapter(String defaultRegion, String defaultCurrency) {
        this(defaultRegion, defaultCurrency, LocalDate.now(java.time.ZoneOffset.UTC));
    }

    public AdaptedRow read(Map<String, ?> row) {
        List<RowProblem> problems = new ArrayList<>();
        String id = CrmRows.required(row, "Id", problems);
        if (id != null && !id.matches("[A-Za-z0-9]{15}([A-Za-z0-9]{3})?")) {
            problems.add(new RowProblem("Id", "'" + id + "' is not a Salesforce id (15 or 18 characters)"));
        }
        String name = CrmRows.required(row, "Name", ClientUpsert.NAME_MAX, problems);
        String type = CrmRows.text(row, "Type");
        boolean churned = type != null && (type.equalsIgnoreCase("Former Customer") || type.equalsIgnoreCase("Churned"));
        if (type != null && !churned && !type.toLowerCase(Locale.ROOT).startsWith("customer")) {
            problems.add(new RowProblem("Type", "'" + type + "' is not a customer account"));
        }
        var churnDate = CrmRows.date(row, "Churn_Date__c", problems);
        if (churned && churnDate == null && CrmRows.text(row, "Churn_Date__c") == null) {
            problems.add(new RowProblem("Churn_Date__c", "is required for a former customer (Type " + type + ")"));
        }
        var renewal = CrmRows.date(row, "Renewal_Date__c", problems);
        var stage = CrmRows.stage(row, "Rhythm_Lifecycle_Stage__c", problems);
        var customerSince = CrmRows.customerSince(row, CUSTOMER_SINCE_FIELDS, today, problems);
        var revenue = CrmRows.money(row, "AnnualRevenue", problems);
        String currency = CrmRows.currency(row, "CurrencyIsoCode", defaultCurrency, problems);
        String owner = CrmRows.required(row, "OwnerId", ClientUpsert.EXTERNAL_ID_MAX, problems);
        String region = CrmRows.limited(row, "Region__c", ClientUpsert.REGION_MAX, problems);
        String industry = CrmRows.limited(row, "Industry", ClientUpsert.BUSINESS_UNIT_MAX, problems);
        String tier = CrmRows.limited(row, "Tier__c", ClientUpsert.TIER_MAX, problems);
        String parent = CrmRows.limited(row, "ParentId", ClientUpsert.EXTERNAL_ID_MAX, problems);
        if (!problems.isEmpty()) {
            return AdaptedRow.rejected(problems);
        }
        return AdaptedRow.of(new ClientUpsert(SOURCE, id, name, region != null ? region : defaultRegion,
                industry, null, owner, null, tier, stage, renewal, revenue, revenue == null ? null : currency, parent,
                churned ? churnDate : null, customerSince));
    }
}
