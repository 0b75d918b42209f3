package io.rhythm.nps.domain.themes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The configurable list of feedback themes (issue 5: "a configurable taxonomy (theme → keywords/phrases,
 * e.g. 'product perception' ← legacy, outdated, old-fashioned, roadmap)"). Order matters only for display.
 *
 * @param themes themes with unique codes
 */
public record ThemeTaxonomy(List<Theme> themes) {

    public ThemeTaxonomy {
        themes = List.copyOf(themes);
        Set<String> codes = new HashSet<>();
        for (Theme theme : themes) {
            if (!codes.add(theme.code())) {
                throw new IllegalArgumentException("Theme " + theme.code() + " appears twice");
            }
        }
    }

    /**
     * Rhythm's starting taxonomy, in the seeds' language:
     * <ul>
     *   <li>Product perception → R&amp;D: seed 000 risk "Product perception: 'Legacy/outdated' feedback
     *       affecting renewals", mitigation "clear roadmap communication; feature demonstrations".</li>
     *   <li>Support responsiveness → Support: seed 001 urgent tickets, "support ticket sentiment analysis
     *       for frustration indicators".</li>
     *   <li>Implementation &amp; onboarding → PS: seed 001 "Post-Onboarding Survey", implementation
     *       timelines; seed 002 handoffs to onboarding teams.</li>
     *   <li>Pricing &amp; value → CommOps: seed 001 "transparent pricing", billing disputes; seed 002
     *       relationship profitability.</li>
     *   <li>Relationship &amp; account management → CS: seed 000 stakeholder strategies, partnership
     *       meetings, QBRs, executive engagement.</li>
     *   <li>Training &amp; enablement → PS: seed 001 "immediate interventions (technical fixes, training,
     *       support)".</li>
     *   <li>Reliability &amp; performance → R&amp;D: seed 002 "customer-reported stability issues",
     *       "critical service disruption".</li>
     * </ul>
     * Keywords avoid words whose stem collides with everyday phrases (e.g. not "check-in", which analyses
     * to "check" and would match "health check"; not a bare "value", which would match "we value …").
     */
    public static ThemeTaxonomy defaults() {
        return new ThemeTaxonomy(List.of(
                Theme.of("PRODUCT_PERCEPTION", "Product perception", BusinessFunction.R_AND_D,
                        "legacy", "outdated", "old-fashioned", "out of date", "roadmap", "modern", "modernise",
                        "modernize", "clunky", "innovation", "new features", "feature request", "product direction",
                        "look and feel", "behind the competition"),
                Theme.of("SUPPORT_RESPONSIVENESS", "Support responsiveness", BusinessFunction.SUPPORT,
                        "support", "support ticket", "ticket", "helpdesk", "help desk", "service desk",
                        "response time", "responsive", "unresponsive", "slow to respond", "escalation",
                        "resolution", "waiting"),
                Theme.of("IMPLEMENTATION_ONBOARDING", "Implementation & onboarding", BusinessFunction.PS,
                        "onboarding", "implementation", "go-live", "rollout", "roll out", "deployment", "migration",
                        "upgrade", "configuration", "project manager", "professional services", "kick-off"),
                Theme.of("PRICING_VALUE", "Pricing & value", BusinessFunction.COMMOPS,
                        "price", "pricing", "cost", "expensive", "overpriced", "value for money", "good value",
                        "poor value", "return on investment", "ROI", "licence", "license", "invoice", "billing",
                        "contract"),
                Theme.of("RELATIONSHIP_ACCOUNT_MANAGEMENT", "Relationship & account management", BusinessFunction.CS,
                        "account manager", "account management", "relationship", "point of contact",
                        "business review", "QBR", "executive sponsor", "proactive", "communication", "engagement",
                        "kept informed", "keep us informed"),
                Theme.of("TRAINING", "Training & enablement", BusinessFunction.PS,
                        "training", "trained", "documentation", "user guide", "webinar", "knowledge base",
                        "enablement", "e-learning"),
                Theme.of("RELIABILITY_PERFORMANCE", "Reliability & performance", BusinessFunction.R_AND_D,
                        "outage", "downtime", "down time", "crash", "bug", "buggy", "error", "stability", "unstable",
                        "reliability", "unreliable", "performance", "slow system", "system is slow", "latency",
                        "freezes")));
    }

    public Optional<Theme> theme(String code) {
        return themes.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    /** A copy with {@code theme} added, or replacing the theme with the same code. */
    public ThemeTaxonomy with(Theme theme) {
        List<Theme> copy = new ArrayList<>(themes);
        copy.removeIf(t -> t.code().equals(theme.code()));
        int index = indexOf(theme.code());
        copy.add(index < 0 ? copy.size() : index, theme);
        return new ThemeTaxonomy(copy);
    }

    /** A copy without the theme with this code (no change if there is none). */
    public ThemeTaxonomy without(String code) {
        return new ThemeTaxonomy(themes.stream().filter(t -> !t.code().equals(code)).toList());
    }

    private int indexOf(String code) {
        for (int i = 0; i < themes.size(); i++) {
            if (themes.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }
}
