package io.rhythm.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The APAC demo portfolio of seed 000, generated deterministically from a seed: 25 clients whose
 * maintenance revenue is concentrated as the seed says (the four largest hold about 80 %, SA Health
 * alone 21 %), owned by several CSEs and CAMs, renewing over the next 18 months, with contacts
 * (some with the problems a recipient-list check must find) and three monthly snapshots of signals
 * shaped so that every health band is represented. Plain Java, so benchmarks can generate larger
 * portfolios the same way.
 */
public final class DemoPortfolio {

    /** The band a client's signals are shaped for. */
    public enum Profile { HEALTHY, STABLE, AT_RISK, CRITICAL }

    public record Client(String key, String name, String businessUnit, String ownerCse, String ownerCam, String tier,
                         String lifecycleStage, LocalDate renewalDate, BigDecimal maintenanceRevenue, Profile profile) {
    }

    public record Contact(String clientKey, String name, String email, String title, List<String> stakeholderRoles,
                          boolean subscribed) {
    }

    /** One metric observation; {@code monthsAgo} 0 is the current month. */
    public record Signal(String clientKey, String metric, double value, int monthsAgo) {
    }

    public record Portfolio(List<Client> clients, List<Contact> contacts, List<Signal> signals) {

        public BigDecimal totalRevenue() {
            return clients.stream().map(Client::maintenanceRevenue).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /**
     * One billing event of a demo invoice (Working Capital's aged receivables): {@code type} INVOICE_ISSUED (with
     * amount, currency and due date), PAYMENT_FAILED or DISPUTE_OPENED, on {@code day}.
     */
    public record BillingEvent(String clientKey, String eventId, String type, String invoiceId, String amount,
                               String currency, LocalDate dueDate, LocalDate day) {
    }

    /**
     * The demo's unpaid invoices, one quarter of the client's maintenance revenue each, shaped like the financial
     * inputs its signals already give, so the inputs health derives from them are the same (an invoice not yet due
     * changes none of them): an AT_RISK client owes one invoice 45 days past due; a CRITICAL client two, 80 and 30
     * days past due, the older with a failed payment and an open dispute; both also have next quarter's invoice,
     * due in 20 days. HEALTHY and STABLE clients get none (their signals' aged-receivables days would change).
     */
    public static List<BillingEvent> billing(Portfolio portfolio, LocalDate today) {
        List<BillingEvent> events = new ArrayList<>();
        for (Client client : portfolio.clients()) {
            String quarter = client.maintenanceRevenue().divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_EVEN).toPlainString();
            String invoice = "DEMO-" + client.key() + "-";
            switch (client.profile()) {
                case AT_RISK -> {
                    events.add(issued(client, invoice + "1", quarter, today.minusDays(45)));
                    events.add(issued(client, invoice + "2", quarter, today.plusDays(20)));
                }
                case CRITICAL -> {
                    events.add(issued(client, invoice + "1", quarter, today.minusDays(80)));
                    events.add(issued(client, invoice + "2", quarter, today.minusDays(30)));
                    events.add(issued(client, invoice + "3", quarter, today.plusDays(20)));
                    events.add(new BillingEvent(client.key(), "demo-" + invoice + "1-payment-failed", "PAYMENT_FAILED",
                            invoice + "1", null, null, null, today.minusDays(20)));
                    events.add(new BillingEvent(client.key(), "demo-" + invoice + "1-disputed", "DISPUTE_OPENED",
                            invoice + "1", null, null, null, today.minusDays(15)));
                }
                case HEALTHY, STABLE -> {
                }
            }
        }
        return events;
    }

    private static BillingEvent issued(Client client, String invoiceId, String amount, LocalDate due) {
        return new BillingEvent(client.key(), "demo-" + invoiceId + "-issued", "INVOICE_ISSUED", invoiceId, amount, "AUD",
                due, due.minusDays(30));
    }

    private record Named(String name, String businessUnit, String revenue, Profile profile, String stage, LocalDate renewal,
                         String cse, String cam) {
    }

    /** The four clients seed 000 names: 79.9 % of maintenance revenue together, SA Health 21.0 %. */
    private static final List<Named> NAMED = List.of(
            new Named("SA Health", "Health", "6800000", Profile.AT_RISK, "MATURE", LocalDate.of(2027, 6, 30), "cse", "cam"),
            new Named("WA Health", "Health", "8100000", Profile.STABLE, "RENEWAL", LocalDate.of(2027, 2, 28), "cse", "cam"),
            new Named("GHA", "Health", "6500000", Profile.HEALTHY, "MATURE", LocalDate.of(2027, 9, 30), "cse2", "cam"),
            new Named("Sunrise", "Aged Care", "4500000", Profile.CRITICAL, "RENEWAL", LocalDate.of(2028, 3, 31), "cse2", "cam2")); // FY28: seed 000 Sunrise attrition
    /** What the other 21 clients share: 20.1 % of the total. */
    private static final BigDecimal LONG_TAIL = new BigDecimal("6500000");

    private static final String[] PLACES = {"Northern", "Coastal", "Metro", "Riverina", "Hunter", "Gold Coast", "Tasman",
            "Pilbara", "Canterbury", "Waikato", "Gippsland", "Darling Downs", "Illawarra", "Kimberley", "Otago", "Barossa"};
    private static final String[] KINDS = {"Care Network", "Pathology", "Health Service", "Aged Care", "Hospital Group",
            "Diagnostics", "Community Health", "Medical Imaging"};
    private static final String[] FIRST = {"Alex", "Sam", "Jordan", "Priya", "Wei", "Aroha", "Tom", "Mei", "Liam", "Zara",
            "Nikhil", "Grace", "Mateo", "Hana", "Oliver", "Ruby"};
    private static final String[] LAST = {"Nguyen", "Smith", "Patel", "Chen", "Williams", "Ngata", "Brown", "Kaur", "Wilson",
            "Taylor", "Lee", "Singh", "Martin", "Walker"};
    private static final String[] TITLES = {"Chief Information Officer", "Director Clinical Systems", "Procurement Lead",
            "Head of Digital Health", "Nurse Unit Manager", "Chief Financial Officer"};
    private static final String[] CSES = {"cse", "cse2", "cse3"};
    private static final String[] CAMS = {"cam", "cam2"};
    private static final String[] STAGES = {"ONBOARDING", "ADOPTION", "MATURE", "MATURE", "RENEWAL"};

    private DemoPortfolio() {
    }

    /**
     * The day a client became a customer: fixed per client (the same on every load), between 2015 and 2024, so
     * every demo client is past seed 001's "> 90 days tenure" when the 2026 NPS lists are built.
     */
    public static LocalDate customerSince(Client client) {
        int h = Math.floorMod(client.key().hashCode(), 10 * 12);
        return LocalDate.of(2015 + h / 12, 1 + h % 12, 1);
    }

    /** The demo portfolio: the named clients plus {@code 25 - 4} generated ones. */
    public static Portfolio generate(long seed, LocalDate today) {
        return generate(seed, today, 21);
    }

    /** The named clients plus {@code extraClients} generated ones sharing the long-tail revenue. */
    public static Portfolio generate(long seed, LocalDate today, int extraClients) {
        Random random = new Random(seed);
        List<Client> clients = new ArrayList<>();
        for (Named named : NAMED) {
            clients.add(new Client(key(named.name()), named.name(), named.businessUnit(), named.cse(), named.cam(), "Strategic",
                    named.stage(), named.renewal(), new BigDecimal(named.revenue()).setScale(2, RoundingMode.HALF_EVEN),
                    named.profile()));
        }
        List<BigDecimal> tail = split(LONG_TAIL, extraClients, random);
        List<Profile> profiles = tailProfiles(extraClients, random);
        List<String> names = new ArrayList<>();
        for (int i = 0; names.size() < extraClients; i++) {
            String name = PLACES[random.nextInt(PLACES.length)] + " " + KINDS[random.nextInt(KINDS.length)];
            if (!names.contains(name) && NAMED.stream().noneMatch(n -> n.name().equals(name))) {
                names.add(name);
            } else if (i > 10 * extraClients) {
                names.add(name + " " + (names.size() + 1));
            }
        }
        for (int i = 0; i < extraClients; i++) {
            String name = names.get(i);
            clients.add(new Client(key(name), name, name.contains("Aged") ? "Aged Care" : name.contains("Patholog")
                    || name.contains("Diagnos") || name.contains("Imaging") ? "Diagnostics" : "Health",
                    CSES[random.nextInt(CSES.length)], CAMS[random.nextInt(CAMS.length)], i < extraClients / 3 ? "Enterprise" : "Standard",
                    STAGES[random.nextInt(STAGES.length)], today.plusDays(30 + random.nextInt(510)), tail.get(i), profiles.get(i)));
        }
        List<Contact> contacts = new ArrayList<>();
        List<Signal> signals = new ArrayList<>();
        for (Client client : clients) {
            contacts.addAll(contactsOf(client, random));
            for (int monthsAgo = 2; monthsAgo >= 0; monthsAgo--) {
                signals.addAll(signalsOf(client, monthsAgo, random));
            }
        }
        return new Portfolio(List.copyOf(clients), List.copyOf(contacts), List.copyOf(signals));
    }

    /** A stable key usable as an external id and in event ids: lower case, dashes. */
    static String key(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** Splits an amount into {@code parts} positive shares (two decimals) that add up exactly. */
    static List<BigDecimal> split(BigDecimal amount, int parts, Random random) {
        if (parts == 0) {
            return List.of();
        }
        double[] weights = new double[parts];
        double sum = 0;
        for (int i = 0; i < parts; i++) {
            weights[i] = 0.5 + random.nextDouble();
            sum += weights[i];
        }
        List<BigDecimal> shares = new ArrayList<>();
        BigDecimal allocated = BigDecimal.ZERO;
        for (int i = 0; i < parts - 1; i++) {
            BigDecimal share = amount.multiply(BigDecimal.valueOf(weights[i] / sum)).setScale(2, RoundingMode.HALF_EVEN);
            shares.add(share);
            allocated = allocated.add(share);
        }
        shares.add(amount.subtract(allocated).setScale(2, RoundingMode.HALF_EVEN));
        return shares;
    }

    /** About 35 % healthy, 35 % stable, 20 % at risk, 10 % critical, shuffled. */
    private static List<Profile> tailProfiles(int count, Random random) {
        List<Profile> profiles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double share = (double) i / Math.max(1, count);
            profiles.add(share < 0.35 ? Profile.HEALTHY : share < 0.70 ? Profile.STABLE : share < 0.90 ? Profile.AT_RISK : Profile.CRITICAL);
        }
        Collections.shuffle(profiles, random);
        return profiles;
    }

    private static List<Contact> contactsOf(Client client, Random random) {
        List<Contact> contacts = new ArrayList<>();
        String domain = client.key() + ".example";
        int count = 2 + random.nextInt(3);
        // SA Health, a state health department, has many stakeholders: ten clean ones answer its NPS (DemoNps)
        boolean saHealth = client.name().equals("SA Health");
        if (saHealth) {
            count = DemoNps.SA_HEALTH_SCORES.size() + 3;
        }
        boolean waHealth = client.name().equals("WA Health"); // three clean contacts answer both cycles (DemoNps)
        if (waHealth) {
            count = DemoNps.WA_HEALTH_Q2_SCORES.size() + 2;
        }
        for (int i = 0; i < count; i++) {
            String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
            String email = name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "." + i + "@" + domain;
            int quirk = saHealth && i < DemoNps.SA_HEALTH_SCORES.size() || waHealth && i < DemoNps.WA_HEALTH_Q2_SCORES.size()
                    ? 9 : random.nextInt(10);
            contacts.add(new Contact(client.key(), name,
                    quirk == 0 ? null : email,                                   // ~10 % without email
                    quirk == 1 ? null : TITLES[random.nextInt(TITLES.length)],  // ~10 % without a title
                    i == 0 ? List.of("EXECUTIVE_SPONSOR", "DECISION_MAKER") : i == 1 ? List.of("CHAMPION") : List.of(),
                    quirk != 2));                                                // ~10 % unsubscribed
        }
        return contacts;
    }

    /**
     * Input values aimed at the profile's band under the default model (every component moves together,
     * so the band holds whatever the lifecycle weights), with a little noise and a gentle trend over the
     * three months toward the current values.
     */
    private static List<Signal> signalsOf(Client client, int monthsAgo, Random random) {
        double[] v = switch (client.profile()) {
            // active %, logins/30d, days since login, adoption %, plan %, tickets, urgent, backlog, csat %, overdue,
            // payment failures, disputes, aged days, nps
            case HEALTHY -> new double[]{90, 21, 1, 78, 88, 1, 0, 0, 92, 0, 0, 0, 5, 9.4};
            case STABLE -> new double[]{68, 14, 3, 55, 65, 3, 0, 1, 80, 0, 0, 0, 20, 8};
            case AT_RISK -> new double[]{50, 8, 7, 35, 50, 6, 1, 3, 70, 1, 0, 0, 45, 6};
            case CRITICAL -> new double[]{25, 2, 16, 15, 30, 9, 2, 5, 55, 2, 1, 1, 80, 3};
        };
        if (client.name().equals("SA Health")) {
            v[13] = 6.1; // seed 000: SA Health's NPS averages 6.1 (range 1-9)
        }
        String[] metrics = {"usage.active_users_pct", "usage.login_days_last_30", "usage.days_since_last_login",
                "usage.feature_adoption_pct", "usage.plan_limit_usage_pct", "support.open_tickets",
                "support.open_urgent_tickets", "support.backlog_over_30_days", "support.csat_pct",
                "financial.overdue_invoices", "financial.payment_failures_90_days", "financial.open_billing_disputes",
                "financial.aged_receivables_days", "relational.latest_nps_score"};
        List<Signal> signals = new ArrayList<>();
        for (int i = 0; i < metrics.length; i++) {
            boolean isCount = i == 1 || i == 2 || (i >= 5 && i <= 7) || (i >= 9 && i <= 12);
            double value = v[i];
            boolean seedFact = i == 13 && client.name().equals("SA Health"); // 6.1, as it is
            if (!isCount && !seedFact) { // percentages and scores drift a little, earlier months a little better or worse
                double trend = client.profile() == Profile.CRITICAL || client.profile() == Profile.AT_RISK ? 2.5 : -1.0;
                value = value + monthsAgo * trend + (random.nextDouble() * 2 - 1);
                value = Math.max(0, Math.min(i == 13 ? 10 : 100, Math.round(value * 10) / 10.0));
            }
            if (i == 4 && client.profile() == Profile.HEALTHY) {
                value = Math.max(value, 82); // ≥ 80 % of plan limits for months running: expansion signals
            }
            signals.add(new Signal(client.key(), metrics[i], value, monthsAgo));
        }
        return signals;
    }
}
