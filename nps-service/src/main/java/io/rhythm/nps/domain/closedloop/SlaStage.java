package io.rhythm.nps.domain.closedloop;

import java.util.Optional;

/** The timed stages of the detractor protocol, each met when the case reaches its status. */
public enum SlaStage {
    /** Immediate contact: the owner reaches out within 24 h. */
    OUTREACH(CaseStatus.CONTACTED),
    /** Root cause analysis: specific pain points documented within 48 h. */
    ROOT_CAUSE(CaseStatus.ROOT_CAUSE_IDENTIFIED),
    /** Action plan: a targeted resolution strategy within 72 h. */
    ACTION_PLAN(CaseStatus.ACTION_PLANNED);

    private final CaseStatus metBy;

    SlaStage(CaseStatus metBy) {
        this.metBy = metBy;
    }

    /** The status whose reaching meets this stage. */
    public CaseStatus metBy() {
        return metBy;
    }

    /** The stage that reaching {@code status} meets, if any. */
    public static Optional<SlaStage> metOn(CaseStatus status) {
        for (SlaStage stage : values()) {
            if (stage.metBy == status) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }
}
