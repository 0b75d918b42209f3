package io.rhythm.planning.api;

import io.rhythm.planning.domain.PlanReview;

import java.time.Instant;
import java.time.LocalDate;

public record ReviewView(String id, String planId, String label, LocalDate reviewDate, String progress,
                         String pipelineStatus, String winLoss, String riskRefresh, String sapProgress,
                         String nextQuarterPriorities, String createdBy, Instant createdAt) {

    public static ReviewView of(PlanReview r) {
        return new ReviewView(r.id.toString(), r.planId.toString(), r.label, r.reviewDate, r.progress, r.pipelineStatus,
                r.winLoss, r.riskRefresh, r.sapProgress, r.nextQuarterPriorities, r.createdBy, r.createdAt);
    }
}
