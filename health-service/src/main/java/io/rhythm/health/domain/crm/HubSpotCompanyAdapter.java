package io.rhythm.health.domain.crm;

import io.rhythm.health.domain.LifecycleStage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a row of a HubSpot company export ({@code hs_object_id}, {@code name}, {@code domain},
 * {@code annualrevenue}, {@code lifecyclestage}, {@code hubspot_owner_id}, ...). Only companies at
 * lifecycle stage {@code customer} or {@code evangelist} are clients; leads and opportunities are
 * rejected with that reason. HubSpot's lifecycle is a sales funnel, not ours: a company's Rhythm
 * stage (ONBOARDING, ADOPTION, MATURE, EXPANSION, RENEWAL) comes from the optional
 * {@code rhythm_lifecycle_stage} property, otherwise it is kept (new clients start at ONBOARDING).
 * Tenure: HubSpot stamps the day a company reached lifecycle stage customer in
 * {@code hs_lifecyclestage_customer_date} ("Became a Customer Date" in CSV exports; a date-time, or epoch
 * milliseconds in older APIs): it becomes the client's {@code customerSince} (not in the future).
 *
 * <h2>Outcomes (the ground truth of backtests)</h2>
 * HubSpot has no standard "churned" lifecycle stage; portals add their own. A company whose
 * {@code lifecyclestage} is one of {@value #CHURNED_STAGES_TEXT} (case-insensitive) is a former customer:
 * it is taken like a customer and its client is recorded as CHURNED on the custom property
 * {@code churn_date} (required for such a row: the export says nothing else about when). A renewal is
 * read from {@code renewal_date} rolling forward: when a customer's row brings a later renewal date
 * while the stored one has passed, the client renewed on the stored date (see ClientSync).
 */
public final class HubSpotCompanyAdapter {

    public static final String SOURCE = "hubspot";
    private static final Set<String> CUSTOMER_STAGES = Set.of("customer", "evangelist");
    static final String CHURNED_STAGES_TEXT = "former_customer, formercustomer, former customer, churned";
    private static final Set<String> CHURNED_STAGES = Set.of("former_customer", "formercustomer", "former customer", "churned");

    /** HubSpot's "Became a Customer Date": its internal name in API exports, its label in CSV exports. */
    static final List<String> CUSTOMER_SINCE_FIELDS = List.of("hs_lifecyclestage_customer_date", "Became a Customer Date");

    private final String defaultRegion;
    private final String defaultCurrency;
    private final LocalDate today;

    public HubSpotCompanyAdapter(String defaultRegion, String defaultCurrency, LocalDate today) {
        this.defaultRegion = defaultRegion;
        this.defaultCurrency = defaultCurrency;
        this.today = today;
    }

    public HubSpotCompanyAdapter(String defaultRegion, String defaultCurrency) {
        this(defaultRegion, defaultCurrency, LocalDate.now(java.time.ZoneOffset.UTC));
    }

    public AdaptedRow read(Map<String, ?> row) {
        List<RowProblem> problems = new ArrayList<>();
        // API exports name the id hs_object_id, CSV exports "Record ID"
        String idField = CrmRows.text(row, "hs_object_id") != null ? "hs_object_id" : "Record ID";
        String id = CrmRows.limited(row, idField, ClientUpsert.EXTERNAL_ID_MAX, problems);
        if (id == null && CrmRows.text(row, idField) == null) {
            problems.add(new RowProblem("hs_object_id", "is required (or Record ID)"));
        }
        String name = CrmRows.required(row, "name", ClientUpsert.NAME_MAX, problems);
        String hubspotStage = CrmRows.text(row, "lifecyclestage");
        boolean churned = hubspotStage != null && CHURNED_STAGES.contains(hubspotStage.toLowerCase(Locale.ROOT));
        if (hubspotStage != null && !churned && !CUSTOMER_STAGES.contains(hubspotStage.toLowerCase(Locale.ROOT))) {
            problems.add(new RowProblem("lifecyclestage", "'" + hubspotStage + "' is not a customer: only "
                    + "customer and evangelist companies are clients (and former customers: " + CHURNED_STAGES_TEXT + ")"));
        }
        var churnDate = CrmRows.date(row, "churn_date", problems);
        if (churned && churnDate == null && CrmRows.text(row, "churn_date") == null) {
            problems.add(new RowProblem("churn_date", "is required for a former customer (lifecyclestage " + hubspotStage + ")"));
        }
        LifecycleStage stage = CrmRows.stage(row, "rhythm_lifecycle_stage", problems);
        var customerSince = CrmRows.customerSince(row, CUSTOMER_SINCE_FIELDS, today, problems);
        var revenue = CrmRows.money(row, "annualrevenue", problems);
        String currency = CrmRows.currency(row, "currency", defaultCurrency, problems);
        var renewal = CrmRows.date(row, "renewal_date", problems);
        String owner = CrmRows.required(row, "hubspot_owner_id", ClientUpsert.EXTERNAL_ID_MAX, problems);
        String region = CrmRows.limited(row, "region", ClientUpsert.REGION_MAX, problems);
        String industry = CrmRows.limited(row, "industry", ClientUpsert.BUSINESS_UNIT_MAX, problems);
        String cam = CrmRows.limited(row, "rhythm_cam", ClientUpsert.USERNAME_MAX, problems);
        String tier = CrmRows.limited(row, "tier", ClientUpsert.TIER_MAX, problems);
        String parent = CrmRows.limited(row, "hs_parent_company_id", ClientUpsert.EXTERNAL_ID_MAX, problems);
        if (!problems.isEmpty()) {
            return AdaptedRow.rejected(problems);
        }
        return AdaptedRow.of(new ClientUpsert(SOURCE, id, name, region != null ? region : defaultRegion,
                industry, null, owner, cam, tier, stage, renewal, revenue, revenue == null ? null : currency, parent,
                churned ? churnDate : null, customerSince));
    }
}
