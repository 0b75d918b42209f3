package io.rhythm.nps.domain.closedloop;

import io.rhythm.nps.domain.NpsCategory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The lighter follow-ups of passives and promoters (seed 001 "Survey Response Analysis Workflow":
 * passives → engage for feedback and improvement; promoters → advocacy and expansion). Detractors get a
 * case instead ({@link DetractorProtocol}).
 */
public enum FollowUpKind {
    /** Passive (7–8): ask what would make it a 9 or 10. */
    PASSIVE_IMPROVEMENT("Ask what would make it a 9–10"),
    /** Promoter (9–10): thank them; they are an advocacy candidate (reference, case study, review). */
    PROMOTER_THANK_YOU("Thank the promoter and ask about advocacy (reference, case study, review)");

    private final String task;

    FollowUpKind(String task) {
        this.task = task;
    }

    public String task() {
        return task;
    }

    /** The follow-up an answer in {@code category} gets; none for detractors. */
    public static Optional<FollowUpKind> of(NpsCategory category) {
        return switch (category) {
            case PASSIVE -> Optional.of(PASSIVE_IMPROVEMENT);
            case PROMOTER -> Optional.of(PROMOTER_THANK_YOU);
            case DETRACTOR -> Optional.empty();
        };
    }

    /** Due dates: {@code passive} after the answer for passives, {@code promoter} for promoters. */
    public record Timing(Duration passive, Duration promoter) {
        public static final Timing DEFAULT = new Timing(Duration.ofDays(7), Duration.ofDays(7));

        public Instant dueAt(FollowUpKind kind, Instant createdAt) {
            return createdAt.plus(kind == PASSIVE_IMPROVEMENT ? passive : promoter);
        }
    }
}
