package io.rhythm.planning.readiness.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Proposes criterion scores from live data. Each proposal is a share of clients (or issues) meeting the criterion,
 * mapped by {@link Framework#scoreForShare}, with the figures as evidence. Criteria Rhythm has no data for are
 * unassessed.
 */
public final class ReadinessScoring {

    /** Issue figures of the scope: open issues, open ones with an owner, closed ones, closed within SLA. */
    public record IssueFigures(int open, int openWithOwner, int closed, int closedWithinSla) {
    }

    private static final String NO_DATA = "Rhythm has no data for this criterion: score it by hand";

    private ReadinessScoring() {
    }

    public static List<Proposal> propose(List<ClientFacts> clients, IssueFigures issues, LocalDate asOf) {
        List<Proposal> out = new ArrayList<>();
        int n = clients.size();
        out.add(share("1.1", clients, c -> c.tier() != null && !c.tier().isBlank(), "clients have a tier (segment by value) recorded"));
        out.add(share("1.2", clients, c -> c.accountPlans() > 0, "clients have an account plan"));
        out.add(Proposal.unassessed("1.3", NO_DATA));
        out.add(share("1.4", clients, c -> c.ownerCse() != null && c.ownerCam() != null, "clients have both a CSE and a CAM assigned"));
        out.add(share("2.1", clients, c -> c.stakeholders() > 0, "clients have an identified stakeholder (buyer, champion, influencer)"));
        out.add(Proposal.unassessed("2.2", NO_DATA + " (cadence compliance lives in segmentation-service)"));
        out.add(Proposal.unassessed("2.3", NO_DATA));
        out.add(share("2.4", clients, c -> c.activeContacts() >= 2, "clients have two or more active contacts (not single-threaded)"));
        // dimension 3 looks at the clients in onboarding or adoption (the registry's lifecycle stage, ClientUpserted)
        List<ClientFacts> onboarding = clients.stream().filter(ClientFacts::onboarding).toList();
        out.add(share("3.1", onboarding, c -> c.engagementPlans() > 0,
                "onboarding clients (stage ONBOARDING or ADOPTION) have an account plan with its engagement plan "
                        + "(milestones, timeline) written"));
        out.add(Proposal.unassessed("3.2", NO_DATA + " (needs manual assessment: no go-live or first-value date is "
                + "recorded for a client, neither in the registry nor in any event, so time-to-value cannot be measured)"));
        out.add(share("3.3", onboarding, ClientFacts::healthy,
                "onboarding clients (stage ONBOARDING or ADOPTION) pass their adoption checkpoint (health score Healthy or Stable)"));
        out.add(share("3.4", onboarding, c -> c.ownerCse() != null && c.ownerCam() != null && c.stakeholders() > 0,
                "onboarding clients (stage ONBOARDING or ADOPTION) were handed to a full account team (CSE and CAM) "
                        + "with an identified stakeholder"));
        out.add(share("4.1", clients, c -> c.qbrsCompleted() > 0, "clients had a QBR completed in the last two quarters"));
        out.add(Proposal.unassessed("4.2", NO_DATA));
        out.add(Proposal.unassessed("4.3", NO_DATA));
        out.add(share("4.4", clients, c -> c.band() != null, "clients are monitored with a health score"));
        out.add(ratio("5.1", issues.openWithOwner(), issues.open(), "open issues have an owner"));
        out.add(ratio("5.2", issues.closedWithinSla(), issues.closed(), "closed issues (health alerts, detractor cases) met their SLA"));
        out.add(Proposal.unassessed("5.3", NO_DATA));
        out.add(Proposal.unassessed("5.4", NO_DATA));
        List<ClientFacts> renewing = clients.stream().filter(c -> c.renewsWithin(asOf, 90)).toList();
        out.add(share("6.1", renewing, c -> c.band() != null, "renewals in the next 90 days are tracked with a health score"));
        List<ClientFacts> atRisk = clients.stream().filter(ClientFacts::atRisk).toList();
        out.add(share("6.2", atRisk, c -> c.healthChecks() > 0, "at-risk or critical clients had a Health Check started in the last 90 days"));
        out.add(share("6.3", clients, c -> c.expansionPlays() > 0,
                "clients have an expansion play (upsell, cross-sell, new module) open or won in their account plan"));
        out.add(Proposal.unassessed("6.4", NO_DATA));
        if (n == 0) {
            return out.stream().map(p -> Proposal.unassessed(p.criterion(), "no clients in scope")).toList();
        }
        return out;
    }

    private static Proposal share(String code, List<ClientFacts> clients, Predicate<ClientFacts> meets, String what) {
        int yes = (int) clients.stream().filter(meets).count();
        return ratio(code, yes, clients.size(), what);
    }

    private static Proposal ratio(String code, int yes, int of, String what) {
        if (of == 0) {
            return Proposal.unassessed(code, "nothing to measure yet: 0 " + what.split(" ")[0] + " in scope");
        }
        double pct = 100.0 * yes / of;
        return new Proposal(code, Framework.scoreForShare(pct), Math.round(pct * 10) / 10.0,
                String.format(Locale.ROOT, "%d of %d %s (%.0f %%)", yes, of, what, pct));
    }
}
