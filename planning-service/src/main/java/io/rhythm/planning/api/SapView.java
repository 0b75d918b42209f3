package io.rhythm.planning.api;

import io.rhythm.planning.domain.SapAction;
import io.rhythm.planning.domain.SapCadence;
import io.rhythm.planning.domain.SapProgress;
import io.rhythm.planning.domain.SatisfactionActionPlan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** A Satisfaction Action Plan with its cadence (next monthly update, next quarterly review) as of a date. */
public record SapView(String id, String clientId, String status, String segment, String reason, boolean stillRequired,
                      String owner, LocalDate activatedOn, LocalDate lastUpdateOn, LocalDate lastReviewOn,
                      LocalDate nextUpdateDue, LocalDate nextReviewDue, boolean updateOverdue, boolean reviewOverdue,
                      Instant createdAt, Instant closedAt, String closingSummary, long version, List<Action> actions,
                      List<Progress> progress) {

    public record Action(String id, String description, String businessFunction, List<String> accountable,
                         String timeframe, LocalDate dueDate, String successCriteria, String measurementMethod,
                         List<LocalDate> reviewDates, String assessment, String assessmentNote, long version) {

        public static Action of(SapAction a) {
            return new Action(a.id.toString(), a.description, a.businessFunction, split(a.accountable), a.timeframe,
                    a.dueDate, a.successCriteria, a.measurementMethod,
                    split(a.reviewDates).stream().map(LocalDate::parse).toList(),
                    a.assessment == null ? null : a.assessment.name(), a.assessmentNote, a.version);
        }
    }

    public record Progress(String kind, LocalDate onDate, String note, String actionId, String author) {

        public static Progress of(SapProgress p) {
            return new Progress(p.kind, p.onDate, p.note, p.actionId == null ? null : p.actionId.toString(), p.author);
        }
    }

    public static SapView of(SatisfactionActionPlan s, LocalDate asOf, List<SapAction> actions, List<SapProgress> progress) {
        SapCadence cadence = s.cadence();
        boolean open = s.status != io.rhythm.planning.domain.SapStatus.CLOSED;
        return new SapView(s.id.toString(), s.clientId.toString(), s.status.name(), s.segment, s.reason, s.stillRequired,
                s.owner, s.activatedOn, s.lastUpdateOn, s.lastReviewOn, open ? cadence.nextUpdateDue() : null,
                open ? cadence.nextReviewDue() : null, open && cadence.updateOverdue(asOf), open && cadence.reviewOverdue(asOf),
                s.createdAt, s.closedAt, s.closingSummary, s.version,
                actions == null ? null : actions.stream().map(Action::of).toList(),
                progress == null ? null : progress.stream().map(Progress::of).toList());
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\u001f"));
    }
}
