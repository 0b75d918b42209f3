package io.rhythm.nps.domain.operations;

import io.rhythm.nps.domain.schedule.MilestoneCode;

/** What the milestone scan does by itself when a cycle's milestone falls due, in the order of the cycle. */
public enum CycleOperation {
    /** Day 5: a snapshot of the non-responders, kept for the record. */
    FIRST_PULL(MilestoneCode.FIRST_NON_RESPONDER_PULL),
    /** Day 6: the reminder e-mail to those who have not answered and are still subscribed. */
    REMINDERS(MilestoneCode.REMINDER),
    /** Day 12: the final snapshot of the non-responders. */
    FINAL_PULL(MilestoneCode.FINAL_NON_RESPONDER_PULL),
    /** Once the close date (day 14) has ended: no more answers, results frozen, CycleClosed published. */
    CLOSE(MilestoneCode.SURVEY_CLOSE);

    private final MilestoneCode milestone;

    CycleOperation(MilestoneCode milestone) {
        this.milestone = milestone;
    }

    /** The milestone that triggers it. */
    public MilestoneCode milestone() {
        return milestone;
    }

    public boolean isPull() {
        return this == FIRST_PULL || this == FINAL_PULL;
    }
}
