package io.rhythm.planning.service;

import io.rhythm.planning.api.PlanRequest;
import io.rhythm.planning.api.PlanUpdateRequest;
import io.rhythm.planning.api.PlanView;
import io.rhythm.planning.domain.AccountPlan;
import io.rhythm.planning.domain.AttritionRisk;
import io.rhythm.planning.domain.FiscalYear;
import io.rhythm.planning.domain.Opportunity;
import io.rhythm.planning.domain.PlanCompleteness;
import io.rhythm.planning.domain.Stakeholder;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.DirectoryEntry;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.payload.AccountPlanCreated;
import io.rhythm.platform.outbox.OutboxWriter;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.Versions;
import io.rhythm.platform.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Opens, reads and updates account plans and reports their Appendix B completeness. */
@ApplicationScoped
public class Plans {

    @Inject
    ClientDirectory directory;
    @Inject
    OutboxWriter outbox;
    @Inject
    Caller caller;
    @Inject
    PlanAccess access;
    @Inject
    HealthProjection health;
    @Inject
    SatisfactionPlans saps;
    @Inject
    Clock clock;
    @ConfigProperty(name = "rhythm.fiscal-year.start-month", defaultValue = "7")
    int fiscalYearStart;

    @Transactional
    public AccountPlan create(PlanRequest request) {
        DirectoryEntry client = directory.requireVisible(request.clientId(), caller);
        String fiscalYear = request.fiscalYear() != null ? FiscalYear.canonical(request.fiscalYear())
                : FiscalYear.containing(LocalDate.now(clock), fiscalYearStart).label();
        if (AccountPlan.count("clientId = ?1 and fiscalYear = ?2", client.clientId(), fiscalYear) > 0) {
            throw ApiException.conflict(client.name() + " already has an account plan for " + fiscalYear);
        }
        return open(client, fiscalYear, request.title().strip(), caller.username());
    }

    /**
     * The client's plan for a fiscal year (label such as {@code FY28} or {@code FY2028}), opened for the system
     * when there is none yet (e.g. a workflow writes a risk into a year nobody has planned): no caller involved.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AccountPlan planFor(DirectoryEntry client, String fiscalYearLabel, String titleIfNew, String ownerIfNew) {
        String fiscalYear = FiscalYear.canonical(fiscalYearLabel);
        AccountPlan existing = AccountPlan.find("clientId = ?1 and fiscalYear = ?2", client.clientId(), fiscalYear).firstResult();
        return existing != null ? existing : open(client, fiscalYear, titleIfNew, ownerIfNew);
    }

    private AccountPlan open(DirectoryEntry client, String fiscalYear, String title, String owner) {
        AccountPlan plan = new AccountPlan();
        plan.id = UUID.randomUUID();
        plan.clientId = client.clientId();
        plan.fiscalYear = fiscalYear;
        plan.title = title;
        plan.owner = owner;
        plan.createdAt = Instant.now(clock);
        plan.updatedAt = plan.createdAt;
        plan.sapRequired = health.sapRequired(client.clientId());
        plan.persist();
        outbox.publish(EventCatalogue.ACCOUNT_PLAN_CREATED, client.clientId().toString(), new AccountPlanCreated(
                plan.id.toString(), client.clientId().toString(), fiscalYear, plan.title, plan.owner));
        return plan;
    }

    public PlanView view(UUID planId) {
        PlanAccess.VisiblePlan found = access.visible(planId);
        return PlanView.of(found.plan(), found.client().name(), access.seesMoney());
    }

    public List<PlanView> ofClient(UUID clientId) {
        DirectoryEntry client = directory.requireVisible(clientId, caller);
        boolean money = access.seesMoney();
        return AccountPlan.<AccountPlan>list("clientId = ?1 order by fiscalYear desc", clientId).stream()
                .map(p -> PlanView.of(p, client.name(), money)).toList();
    }

    /** @throws ApiException 428/412 for a missing or stale If-Match, 400 when the two forecast currencies differ */
    @Transactional
    public PlanView update(UUID planId, String ifMatch, PlanUpdateRequest request) {
        PlanAccess.VisiblePlan found = access.writable(planId);
        AccountPlan plan = found.plan();
        Versions.requireMatch(ifMatch, plan.version);
        if (request.maintenanceRevenue() != null && request.growthRevenue() != null
                && !request.maintenanceRevenue().currency().equals(request.growthRevenue().currency())) {
            throw ApiException.invalid("growthRevenue.currency", "must be the maintenance revenue's currency");
        }
        plan.title = request.title().strip();
        plan.maintenanceRevenue = request.maintenanceRevenue() == null ? null : request.maintenanceRevenue().amount();
        plan.growthRevenue = request.growthRevenue() == null ? null : request.growthRevenue().amount();
        if (request.maintenanceRevenue() != null) {
            plan.currency = request.maintenanceRevenue().currency();
        } else if (request.growthRevenue() != null) {
            plan.currency = request.growthRevenue().currency();
        }
        plan.engagementPlan = blankToNull(request.engagementPlan());
        plan.uncomfortableTruths = blankToNull(request.uncomfortableTruths());
        return touched(found);
    }

    /** Copies the client's latest health score, band and segment's SAP need from the projections onto the plan. */
    @Transactional
    public PlanView snapshotHealth(UUID planId, String ifMatch) {
        PlanAccess.VisiblePlan found = access.writable(planId);
        AccountPlan plan = found.plan();
        Versions.requireMatch(ifMatch, plan.version);
        HealthProjection.Snapshot snapshot = health.snapshot(plan.clientId)
                .orElseThrow(() -> ApiException.conflict("no health score has been received for this client yet"));
        plan.healthScore = snapshot.score();
        plan.healthBand = snapshot.band();
        plan.healthNps = snapshot.nps();
        plan.healthEngagement = snapshot.engagement();
        plan.healthTakenAt = Instant.now(clock);
        plan.sapRequired = health.sapRequired(plan.clientId);
        return touched(found);
    }

    public PlanCompleteness completeness(UUID planId) {
        AccountPlan plan = access.visible(planId).plan();
        return PlanCompleteness.of(new PlanCompleteness.Facts(plan.healthTakenAt != null,
                (int) Stakeholder.count("planId", planId), (int) Opportunity.count("planId", planId),
                (int) AttritionRisk.count("planId", planId), plan.sapRequired || health.sapRequired(plan.clientId),
                saps.hasOpenPlan(plan.clientId),
                plan.maintenanceRevenue != null || plan.growthRevenue != null,
                plan.engagementPlan != null, plan.uncomfortableTruths != null));
    }

    private PlanView touched(PlanAccess.VisiblePlan found) {
        AccountPlan plan = found.plan();
        plan.version++;
        plan.updatedAt = Instant.now(clock);
        return PlanView.of(plan, found.client().name(), true);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
