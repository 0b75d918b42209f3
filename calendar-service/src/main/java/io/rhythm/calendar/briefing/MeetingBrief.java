package io.rhythm.calendar.briefing;

import io.rhythm.calendar.api.ActivityView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The Briefing Room's brief for one client meeting, assembled from calendar-service's own projections of other
 * services' events. Every section says whether its data is AVAILABLE or MISSING, where it comes from, and why
 * it is missing: nothing is estimated or filled in.
 */
public record MeetingBrief(ActivityView meeting, Client client, Instant assembledAt, Section<Health> health,
                           Section<Segment> segment, Section<Cadence> cadence, Section<Nps> nps,
                           Section<List<Alert>> openAlerts, Section<List<DetractorCase>> openDetractorCases,
                           Section<List<Object>> opportunities, Section<List<Object>> risks,
                           Section<List<ActivityView>> lastActivities) {

    /** One part of the brief. {@code data} is null when MISSING; {@code missingReason} is null when AVAILABLE. */
    public record Section<T>(@Schema(enumeration = {"AVAILABLE", "MISSING"}) String status, String source,
                             String missingReason, T data) {
        public static <T> Section<T> available(String source, T data) {
            return new Section<>("AVAILABLE", source, null, data);
        }

        public static <T> Section<T> missing(String source, String reason) {
            return new Section<>("MISSING", source, reason, null);
        }
    }

    public record Client(String id, String name, String region, String businessUnit, String ownerCse, String ownerCam,
                         String tier, String lifecycleStage, LocalDate renewalDate) {
    }

    public record Health(BigDecimal score, String band, BigDecimal previousScore, String previousBand, BigDecimal delta,
                         List<Map<String, Object>> drivers, List<String> flags, int modelVersion, Instant scoredAt) {
    }

    public record Segment(String segment, boolean sapRequired, Instant since) {
    }

    /** {@code status}: BREACHED while a reported breach has no held activity of its type since, else NO_OPEN_BREACH. */
    public record Cadence(String segment, String status, List<Breach> openBreaches) {
    }

    public record Breach(String activityType, String cadence, LocalDate dueDate, LocalDate lastHeld, LocalDate detectedOn) {
    }

    /**
     * The latest answer, and the answers of the 365 days before the brief: counts by category, their NPS
     * (% promoters − % detractors, one decimal) and the theme codes the answers carried.
     */
    public record Nps(LatestAnswer latest, int answersLast365Days, int promoters, int passives, int detractors,
                      BigDecimal npsLast365Days, Map<String, Integer> themesLast365Days) {
    }

    public record LatestAnswer(String responseId, String cycleId, int score, String category, List<String> themes,
                               String sentiment, String channel, Instant respondedAt) {
    }

    public record Alert(String alertId, String alertType, String severity, String status, String owner, String reason,
                        Instant raisedAt, String escalatedTo) {
    }

    public record DetractorCase(String caseId, String responseId, Integer score, String owner, String status,
                                Instant openedAt, Instant outreachDueAt, Instant actionPlanDueAt,
                                List<String> escalatedStages) {
    }
}
