package io.rhythm.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The demo's FY2026 account plans (issue 12), one per demo client, with stakeholders from the client's contacts and
 * opportunity and risk registers whose totals are seed 000's Strategic Context, the same inputs
 * {@code PlanRegistersApiTest} (planning-service) feeds through the API, spread over more clients:
 * <ul>
 *   <li>open weighted pipeline <b>8,360,000.00</b> (SA Health 4.0M, Sunrise 2.0M, WA Health 0.96M, GHA 0.9M — the seed's
 *       "improving accounts with higher probability" — and 0.5M over five healthy or stable tail clients), so
 *       realistic new revenue at 35 % is <b>2,926,000.00</b>;</li>
 *   <li>confirmed attrition <b>2,720,000.00</b>: FY2026 578,000.00 (SA Health), FY2027 1,022,000.00 (SA Health
 *       722,000.00, Sunrise 300,000.00), FY2028 1,120,000.00 (Sunrise: the seed's largest hit), so coverage is
 *       2,926,000 ÷ 2,720,000 = 107.57 %, "barely covers";</li>
 *   <li>at-risk attrition (Sunrise 400,000 at 25 %, a critical tail client 150,000 at 40 %), one mitigated risk, one lost
 *       tender and two won deals (quota attainment).</li>
 * </ul>
 * Plain data: {@link DemoPlanningLoader} sends it, {@code DemoPlansTest} checks the sums.
 */
public final class DemoPlans {

    public static final String FISCAL_YEAR = "FY2026";
    public static final BigDecimal CONVERSION_RATE = new BigDecimal("0.35");

    public record Stakeholder(String contactEmail, String name, String title, String role, int influence, String sentiment,
                              String engagementFrequency, int relationshipStrength, LocalDate lastContactDate) {
    }

    public record Opportunity(String name, String type, BigDecimal value, String stage, int probability,
                              LocalDate expectedClose, String owner, String closeReason) {

        public boolean open() {
            return !stage.startsWith("CLOSED_");
        }

        /** value × probability / 100, to the cent (as planning-service computes it). */
        public BigDecimal weighted() {
            return value.multiply(BigDecimal.valueOf(probability)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_EVEN);
        }
    }

    public record Risk(String description, BigDecimal amount, String fiscalYear, String status, int probability,
                       String mitigationPlan, String owner) {
    }

    public record Plan(String clientKey, String title, BigDecimal maintenanceRevenue, BigDecimal growthRevenue,
                       String engagementPlan, String uncomfortableTruths, List<Stakeholder> stakeholders,
                       List<Opportunity> opportunities, List<Risk> risks) {
    }

    /** A sales target for FY2026 (Sales Target Workshop, 12 Jan). */
    public record Quota(String owner, BigDecimal target) {
    }

    private DemoPlans() {
    }

    public static List<Quota> quotas() {
        return List.of(new Quota("cse", money("6000000")), new Quota("cse2", money("4500000")),
                new Quota("cse3", money("1500000")), new Quota("cam", money("3000000")), new Quota("cam2", money("1200000")));
    }

    /** One FY2026 plan per client of the portfolio. */
    public static List<Plan> plans(DemoPortfolio.Portfolio portfolio) {
        List<DemoPortfolio.Client> tail = portfolio.clients().stream()
                .filter(c -> !List.of("sa-health", "wa-health", "gha", "sunrise").contains(c.key())).toList();
        // the tail's pipeline: the first five healthy or stable tail clients, 500,000.00 weighted together
        List<DemoPortfolio.Client> growing = tail.stream()
                .filter(c -> c.profile() == DemoPortfolio.Profile.HEALTHY || c.profile() == DemoPortfolio.Profile.STABLE)
                .limit(5).toList();
        String[][] tailDeals = {
                {"Medication management module", "NEW_MODULE", "400000", "QUALIFIED", "25"},   // 100,000
                {"Patient flow analytics", "UPSELL", "300000", "PROPOSAL", "40"},              // 120,000
                {"Additional site licences", "UPSELL", "200000", "NEGOTIATION", "60"},         // 120,000
                {"Integration services", "SERVICES", "250000", "PROSPECTING", "20"},           //  50,000
                {"Mobile rostering cross-sell", "CROSS_SELL", "220000", "PROPOSAL", "50"}};    // 110,000
        Optional<DemoPortfolio.Client> criticalTail = tail.stream()
                .filter(c -> c.profile() == DemoPortfolio.Profile.CRITICAL).findFirst();

        List<Plan> plans = new ArrayList<>();
        for (DemoPortfolio.Client client : portfolio.clients()) {
            List<DemoPortfolio.Contact> contacts = portfolio.contacts().stream()
                    .filter(c -> c.clientKey().equals(client.key())).toList();
            List<Opportunity> opportunities = new ArrayList<>();
            List<Risk> risks = new ArrayList<>();
            String truths = null;
            String cse = client.ownerCse();
            String cam = client.ownerCam();
            switch (client.key()) {
                case "sa-health" -> {
                    opportunities.add(new Opportunity("Statewide rollout", "NEW_MODULE", money("8000000"), "PROPOSAL", 50,
                            LocalDate.of(2027, 6, 30), cse, null));
                    opportunities.add(new Opportunity("Lost tender: regional imaging", "NEW_MODULE", money("700000"),
                            "CLOSED_LOST", 0, LocalDate.of(2026, 5, 30), cam, "Price: the state chose the lowest bid"));
                    risks.add(new Risk("Country health network moves to the state platform", money("578000"), "FY2026",
                            "CONFIRMED", 100, "Keep the clinical modules through the transition; offer integration services", cse));
                    risks.add(new Risk("Metropolitan hospitals consolidate pathology onto another vendor", money("722000"),
                            "FY2027", "CONFIRMED", 100, "Stakeholder-specific strategy: expand with the satisfied departments", cam));
                    truths = "NPS 6.1 on average but ranging from 1 to 9: some departments are detractors, and SA Health alone is "
                            + "21 % of our maintenance revenue. We have no executive sponsor in the metropolitan hospitals.";
                }
                case "wa-health" -> {
                    opportunities.add(new Opportunity("Clinical analytics upsell", "UPSELL", money("2400000"), "QUALIFIED", 40,
                            LocalDate.of(2027, 5, 31), cse, null));
                    opportunities.add(new Opportunity("Telehealth module", "NEW_MODULE", money("350000"), "CLOSED_WON", 100,
                            LocalDate.of(2026, 9, 30), cam, "Signed after the pilot in two regions"));
                    risks.add(new Risk("Telehealth scope dispute", money("250000"), "FY2027", "MITIGATED", 5,
                            "Scope agreed in writing at the September service review", cse));
                    truths = "The renewal in February is not yet secured: the new CIO has not met us.";
                }
                case "gha" -> {
                    opportunities.add(new Opportunity("Patient portal cross-sell", "CROSS_SELL", money("1500000"), "PROPOSAL", 60,
                            LocalDate.of(2027, 3, 31), cse, null));
                    opportunities.add(new Opportunity("Mobile nursing app", "NEW_MODULE", money("480000"), "CLOSED_WON", 100,
                            LocalDate.of(2026, 8, 31), cse, "Clinical champion secured budget"));
                }
                case "sunrise" -> {
                    opportunities.add(new Opportunity("Pathology module retention", "RENEWAL", money("2500000"), "NEGOTIATION", 80,
                            LocalDate.of(2027, 4, 30), cse, null));
                    risks.add(new Risk("Sunrise consolidates onto the state aged-care platform", money("1120000"), "FY2028",
                            "CONFIRMED", 100, "Retain the pathology module through the transition", cam));
                    risks.add(new Risk("First facilities leave ahead of the consolidation", money("300000"), "FY2027",
                            "CONFIRMED", 100, "Transition services offer", cam));
                    risks.add(new Risk("Residential care sites under review", money("400000"), "FY2027", "AT_RISK", 25,
                            "Executive sponsor meeting each quarter", cse));
                    truths = "Sunrise is leaving the core platform by FY2028 whatever we do; the question is what we keep.";
                }
                default -> {
                    int deal = growing.indexOf(client);
                    if (deal >= 0) {
                        String[] d = tailDeals[deal];
                        opportunities.add(new Opportunity(d[0], d[1], money(d[2]), d[3], Integer.parseInt(d[4]),
                                LocalDate.of(2027, 2 + deal, 28), deal % 2 == 0 ? cse : cam, null));
                    }
                    if (criticalTail.isPresent() && criticalTail.get().equals(client)) {
                        risks.add(new Risk("Budget cut: the client reviews every non-clinical system", money("150000"), "FY2027",
                                "AT_RISK", 40, "Health check and a value review with the CFO", cse));
                        truths = "Usage has fallen for three months and nobody above the unit managers answers us.";
                    }
                }
            }
            BigDecimal weighted = opportunities.stream().filter(Opportunity::open).map(Opportunity::weighted)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            plans.add(new Plan(client.key(), client.name() + " account plan FY2026", client.maintenanceRevenue(),
                    weighted.multiply(CONVERSION_RATE).setScale(2, RoundingMode.HALF_EVEN),
                    engagementPlan(client), truths, stakeholders(client, contacts), List.copyOf(opportunities), List.copyOf(risks)));
        }
        return List.copyOf(plans);
    }

    /** Open weighted pipeline of the plans. */
    public static BigDecimal weightedPipeline(List<Plan> plans) {
        return plans.stream().flatMap(p -> p.opportunities().stream()).filter(Opportunity::open).map(Opportunity::weighted)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_EVEN);
    }

    /** Confirmed attrition of one fiscal-year label, or of all when {@code fiscalYear} is null. */
    public static BigDecimal confirmedAttrition(List<Plan> plans, String fiscalYear) {
        return plans.stream().flatMap(p -> p.risks().stream())
                .filter(r -> r.status().equals("CONFIRMED") && (fiscalYear == null || r.fiscalYear().equals(fiscalYear)))
                .map(Risk::amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_EVEN);
    }

    private static String engagementPlan(DemoPortfolio.Client client) {
        return switch (client.profile()) {
            case HEALTHY -> "Quarterly partnership meetings and QBRs, bi-annual health check and executive engagement "
                    + "(Giants / Collaborate / Leverage cadence); expansion conversations at each QBR.";
            case STABLE -> "Monthly partnership meetings, quarterly QBR and health check, executive engagement each quarter.";
            case AT_RISK, CRITICAL -> "Monthly partnership meetings and service reviews, quarterly QBR and health check "
                    + "(Maintain / Nurture cadence) until the Satisfaction Action Plan closes.";
        };
    }

    /** The client's first contacts as its stakeholder map; at-risk and critical tail clients are single-threaded. */
    private static List<Stakeholder> stakeholders(DemoPortfolio.Client client, List<DemoPortfolio.Contact> contacts) {
        boolean strategic = client.tier().equals("Strategic");
        boolean struggling = client.profile() == DemoPortfolio.Profile.AT_RISK || client.profile() == DemoPortfolio.Profile.CRITICAL;
        int count = strategic ? Math.min(4, contacts.size()) : struggling ? 1 : Math.min(2, contacts.size());
        String[] roles = {"ECONOMIC_BUYER", "CHAMPION", "INFLUENCER", "DETRACTOR"};
        String sentiment = switch (client.profile()) {
            case HEALTHY -> "POSITIVE";
            case STABLE, AT_RISK -> "NEUTRAL";
            case CRITICAL -> "NEGATIVE";
        };
        List<Stakeholder> stakeholders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            DemoPortfolio.Contact contact = contacts.get(i);
            // a struggling client's only stakeholder is a champion without budget: single-threaded, no sponsor
            String role = struggling && !strategic ? "CHAMPION" : roles[i];
            stakeholders.add(new Stakeholder(contact.email(), contact.name(), contact.title(), role,
                    role.equals("ECONOMIC_BUYER") ? 5 : 3 + i % 2, role.equals("DETRACTOR") ? "NEGATIVE" : sentiment,
                    i == 0 ? "quarterly" : "monthly", struggling ? 2 : 4, null));
        }
        return List.copyOf(stakeholders);
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount).setScale(2, RoundingMode.UNNECESSARY);
    }
}
