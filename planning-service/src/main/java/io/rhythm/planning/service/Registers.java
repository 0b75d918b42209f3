package io.rhythm.planning.service;

import io.rhythm.planning.api.OpportunityRequest;
import io.rhythm.planning.api.RiskRequest;
import io.rhythm.planning.api.StakeholderRequest;
import io.rhythm.planning.domain.AccountPlan;
import io.rhythm.planning.domain.AttritionRisk;
import io.rhythm.planning.domain.Opportunity;
import io.rhythm.planning.domain.RiskChange;
import io.rhythm.planning.domain.StageChange;
import io.rhythm.planning.domain.Stakeholder;
import io.rhythm.planning.domain.StakeholderMap;
import io.rhythm.platform.clients.ContactDirectory;
import io.rhythm.platform.web.paging.Cursor;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.Versions;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** A plan's stakeholder map, opportunity register (with stage history) and risk register. */
@ApplicationScoped
public class Registers {

    @Inject
    PlanAccess access;
    @Inject
    ContactDirectory contacts;
    @Inject
    Clock clock;

    // --- stakeholders ---

    @Transactional
    public Stakeholder addStakeholder(UUID planId, StakeholderRequest request) {
        AccountPlan plan = access.writable(planId).plan();
        Stakeholder s = new Stakeholder();
        s.id = UUID.randomUUID();
        s.planId = planId;
        s.createdAt = Instant.now(clock);
        apply(plan, s, request);
        s.persist();
        return s;
    }

    @Transactional
    public Stakeholder replaceStakeholder(UUID planId, UUID id, String ifMatch, StakeholderRequest request) {
        AccountPlan plan = access.writable(planId).plan();
        Stakeholder s = row(Stakeholder.findById(id, LockModeType.PESSIMISTIC_WRITE), planId, "Stakeholder", id, x -> x.planId);
        Versions.requireMatch(ifMatch, s.version);
        apply(plan, s, request);
        s.version++;
        return s;
    }

    public Page<Stakeholder> stakeholders(UUID planId, PageRequest page) {
        access.visible(planId);
        return page(Stakeholder.class, planId, page, s -> s.id);
    }

    public StakeholderMap stakeholderMap(UUID planId) {
        access.visible(planId);
        return StakeholderMap.of(Stakeholder.<Stakeholder>list("planId", planId).stream()
                .map(s -> new StakeholderMap.Person(s.role, s.influence, s.relationshipStrength, s.sentiment)).toList());
    }

    private void apply(AccountPlan plan, Stakeholder s, StakeholderRequest r) {
        if (r.contactId() != null && contacts.ofClient(plan.clientId, true).stream()
                .noneMatch(c -> c.contactId().equals(r.contactId()))) {
            throw ApiException.invalid("contactId", "is not a contact of this plan's client");
        }
        s.contactId = r.contactId();
        s.name = r.name().strip();
        s.title = r.title();
        s.role = r.role();
        s.influence = r.influence();
        s.sentiment = r.sentiment();
        s.engagementFrequency = r.engagementFrequency();
        s.relationshipStrength = r.relationshipStrength();
        s.lastContactDate = r.lastContactDate();
    }

    // --- opportunities ---

    @Transactional
    public Opportunity addOpportunity(UUID planId, OpportunityRequest request) {
        AccountPlan plan = access.writable(planId).plan();
        Opportunity o = new Opportunity();
        o.id = UUID.randomUUID();
        o.planId = planId;
        o.clientId = plan.clientId;
        o.createdAt = Instant.now(clock);
        apply(o, request);
        o.persist();
        recordStage(o, 1);
        return o;
    }

    /** Replaces an opportunity; a change of stage or probability adds a step to its stage history. */
    @Transactional
    public Opportunity replaceOpportunity(UUID planId, UUID id, String ifMatch, OpportunityRequest request) {
        access.writable(planId);
        Opportunity o = row(Opportunity.findById(id, LockModeType.PESSIMISTIC_WRITE), planId, "Opportunity", id, x -> x.planId);
        Versions.requireMatch(ifMatch, o.version);
        boolean moved = o.stage != request.stage() || o.probability != request.probability();
        apply(o, request);
        o.version++;
        if (moved) {
            recordStage(o, (int) StageChange.count("opportunityId", o.id) + 1);
        }
        return o;
    }

    public Page<Opportunity> opportunities(UUID planId, PageRequest page) {
        access.visible(planId);
        return page(Opportunity.class, planId, page, o -> o.id);
    }

    public List<StageChange> stageHistory(UUID planId, UUID id) {
        access.visible(planId);
        row(Opportunity.findById(id), planId, "Opportunity", id, (Opportunity x) -> x.planId);
        return StageChange.list("opportunityId = ?1 order by seq", id);
    }

    private void apply(Opportunity o, OpportunityRequest r) {
        if (r.stage().closed() && (r.closeReason() == null || r.closeReason().isBlank())) {
            throw ApiException.invalid("closeReason", "is required when the stage is " + r.stage());
        }
        if (o.stage != null && o.stage.closed() && !r.stage().closed()) {
            throw ApiException.conflict("a closed opportunity cannot be reopened; add a new one");
        }
        if (r.stage().closed() && (o.stage == null || !o.stage.closed())) {
            o.closedOn = LocalDate.now(clock);
        }
        o.name = r.name().strip();
        o.type = r.type();
        o.value = r.value().amount();
        o.currency = r.value().currency();
        o.stage = r.stage();
        o.probability = r.probability();
        o.expectedClose = r.expectedClose();
        o.owner = owner(r.owner());
        o.closeReason = r.closeReason() == null || r.closeReason().isBlank() ? null : r.closeReason().strip();
    }

    private void recordStage(Opportunity o, int seq) {
        StageChange change = new StageChange();
        change.opportunityId = o.id;
        change.seq = seq;
        change.stage = o.stage;
        change.probability = o.probability;
        change.changedBy = access.username();
        change.changedAt = Instant.now(clock);
        change.persist();
    }

    // --- risks ---

    @Transactional
    public AttritionRisk addRisk(UUID planId, RiskRequest request) {
        AccountPlan plan = access.writable(planId).plan();
        AttritionRisk r = new AttritionRisk();
        r.id = UUID.randomUUID();
        r.planId = planId;
        r.clientId = plan.clientId;
        r.createdAt = Instant.now(clock);
        apply(r, request);
        r.persist();
        RiskChange.record(r, access.username(), r.createdAt);
        return r;
    }

    @Transactional
    public AttritionRisk replaceRisk(UUID planId, UUID id, String ifMatch, RiskRequest request) {
        access.writable(planId);
        AttritionRisk r = row(AttritionRisk.findById(id, LockModeType.PESSIMISTIC_WRITE), planId, "Risk", id, x -> x.planId);
        Versions.requireMatch(ifMatch, r.version);
        boolean changed = r.status != request.status() || r.probability != request.probability()
                || r.amount.compareTo(request.amount().amount()) != 0 || !r.currency.equals(request.amount().currency())
                || !r.fiscalYear.equals(request.fiscalYear());
        apply(r, request);
        r.version++;
        if (changed) {
            RiskChange.record(r, access.username(), Instant.now(clock));
        }
        return r;
    }

    public Page<AttritionRisk> risks(UUID planId, PageRequest page) {
        access.visible(planId);
        return page(AttritionRisk.class, planId, page, r -> r.id);
    }

    private void apply(AttritionRisk r, RiskRequest q) {
        r.description = q.description().strip();
        r.amount = q.amount().amount();
        r.currency = q.amount().currency();
        r.fiscalYear = q.fiscalYear();
        r.status = q.status();
        r.probability = q.probability();
        r.mitigationPlan = q.mitigationPlan() == null || q.mitigationPlan().isBlank() ? null : q.mitigationPlan().strip();
        r.owner = owner(q.owner());
    }

    // --- shared ---

    private String owner(String given) {
        return given == null || given.isBlank() ? access.username() : given.strip();
    }

    private static <T> T row(T found, UUID planId, String what, UUID id, Function<T, UUID> planOf) {
        if (found == null || !planOf.apply(found).equals(planId)) {
            throw ApiException.notFound(what, id);
        }
        return found;
    }

    /** A plan's rows of one register in id order, a page at a time. */
    private static <T extends PanacheEntityBase> Page<T> page(Class<T> type, UUID planId, PageRequest page,
                                                             Function<T, UUID> idOf) {
        String entity = type.getSimpleName();
        var em = Stakeholder.getEntityManager();
        var query = em.createQuery("from " + entity + " where planId = :plan"
                + (page.after() == null ? "" : " and id > :after") + " order by id", type)
                .setParameter("plan", planId).setMaxResults(page.fetchSize());
        if (page.after() != null) {
            query.setParameter("after", page.after().uuid());
        }
        return Page.of(query.getResultList(), page, row -> new Cursor(idOf.apply(row).toString(), idOf.apply(row).toString()),
                Function.identity());
    }
}
