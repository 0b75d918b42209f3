package io.rhythm.planning.service;

import io.rhythm.planning.api.ReviewRequest;
import io.rhythm.planning.domain.AccountPlan;
import io.rhythm.planning.domain.AttritionRisk;
import io.rhythm.planning.domain.Opportunity;
import io.rhythm.planning.domain.PlanDiff;
import io.rhythm.planning.domain.PlanReview;
import io.rhythm.planning.domain.PlanSnapshot;
import io.rhythm.planning.domain.Stakeholder;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.web.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** Quarterly reviews snapshot a plan, so "progress vs annual plan" and "what changed since" are queries. */
@ApplicationScoped
public class Reviews {

    /** The word that stands for the plan as it is now in a diff. */
    public static final String CURRENT = "current";

    @Inject
    PlanAccess access;
    @Inject
    Clock clock;

    @Transactional
    public PlanReview create(UUID planId, ReviewRequest request) {
        AccountPlan plan = access.writable(planId).plan();
        if (PlanReview.count("planId = ?1 and label = ?2", planId, request.label().strip()) > 0) {
            throw ApiException.conflict("the plan already has a review labelled " + request.label().strip());
        }
        PlanReview r = new PlanReview();
        r.id = UUID.randomUUID();
        r.planId = planId;
        r.label = request.label().strip();
        r.reviewDate = request.reviewDate();
        r.progress = request.progress().strip();
        r.pipelineStatus = request.pipelineStatus().strip();
        r.winLoss = request.winLoss().strip();
        r.riskRefresh = request.riskRefresh().strip();
        r.sapProgress = request.sapProgress() == null || request.sapProgress().isBlank() ? null : request.sapProgress().strip();
        r.nextQuarterPriorities = request.nextQuarterPriorities().strip();
        r.snapshot = Json.write(snapshot(plan));
        r.createdBy = access.username();
        r.createdAt = Instant.now(clock);
        r.persist();
        return r;
    }

    public List<PlanReview> list(UUID planId) {
        access.visible(planId);
        return PlanReview.list("planId = ?1 order by reviewDate, createdAt", planId);
    }

    /** Changes from one review (or {@value #CURRENT}) to another. */
    public PlanDiff diff(UUID planId, String from, String to) {
        AccountPlan plan = access.visible(planId).plan();
        return PlanDiff.between(resolve(plan, from, "from"), resolve(plan, to, "to"));
    }

    private PlanSnapshot resolve(AccountPlan plan, String ref, String field) {
        if (ref == null || ref.isBlank()) {
            throw ApiException.invalid(field, "is required: a review id of this plan or '" + CURRENT + "'");
        }
        if (CURRENT.equals(ref)) {
            return snapshot(plan);
        }
        UUID id;
        try {
            id = UUID.fromString(ref);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, "must be a review id or '" + CURRENT + "'");
        }
        PlanReview review = PlanReview.findById(id);
        if (review == null || !review.planId.equals(plan.id)) {
            throw ApiException.notFound("Review", id);
        }
        try {
            return Json.mapper().readValue(review.snapshot, PlanSnapshot.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("review " + id + " has an unreadable snapshot", e);
        }
    }

    /** The plan and its registers now, every value as text. */
    PlanSnapshot snapshot(AccountPlan plan) {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "title", plan.title);
        put(fields, "maintenanceRevenue", money(plan.maintenanceRevenue));
        put(fields, "growthRevenue", money(plan.growthRevenue));
        put(fields, "currency", plan.currency);
        put(fields, "engagementPlan", plan.engagementPlan);
        put(fields, "uncomfortableTruths", plan.uncomfortableTruths);
        put(fields, "healthScore", plan.healthScore);
        put(fields, "healthBand", plan.healthBand);
        put(fields, "healthNps", plan.healthNps);
        Map<String, Map<String, Map<String, String>>> registers = new HashMap<>();
        registers.put("opportunities", rows(Opportunity.<Opportunity>list("planId", plan.id), o -> o.id, o -> Map.of(
                "name", o.name, "type", o.type.name(), "value", money(o.value), "currency", o.currency,
                "stage", o.stage.name(), "probability", String.valueOf(o.probability),
                "expectedClose", String.valueOf(o.expectedClose), "owner", o.owner)));
        registers.put("risks", rows(AttritionRisk.<AttritionRisk>list("planId", plan.id), r -> r.id, r -> Map.of(
                "description", r.description, "amount", money(r.amount), "currency", r.currency,
                "fiscalYear", r.fiscalYear, "status", r.status.name(), "probability", String.valueOf(r.probability),
                "mitigationPlan", String.valueOf(r.mitigationPlan), "owner", r.owner)));
        registers.put("stakeholders", rows(Stakeholder.<Stakeholder>list("planId", plan.id), s -> s.id, s -> Map.of(
                "name", s.name, "role", s.role.name(), "influence", String.valueOf(s.influence),
                "sentiment", s.sentiment.name(), "relationshipStrength", String.valueOf(s.relationshipStrength),
                "lastContactDate", String.valueOf(s.lastContactDate))));
        return new PlanSnapshot(fields, registers);
    }

    private static <T> Map<String, Map<String, String>> rows(List<T> list, Function<T, UUID> id,
                                                            Function<T, Map<String, String>> fields) {
        Map<String, Map<String, String>> rows = new HashMap<>();
        list.forEach(row -> rows.put(id.apply(row).toString(), fields.apply(row)));
        return rows;
    }

    private static void put(Map<String, String> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value.toString());
        }
    }

    private static String money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }
}
