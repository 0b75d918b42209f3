package io.rhythm.nps.domain.closedloop;

import java.util.ArrayList;
import java.util.List;

/**
 * Validates one step of a case's workflow. A step the workflow does not allow is a {@link Invalid}
 * (the API answers 409); a step without the text it needs is a {@link MissingText} (400): the root cause
 * and the action plan must be written down (seed 001: "document specific pain points", "develop targeted
 * resolution strategy"); other steps take an optional note.
 */
public final class CaseTransition {

    public static final int TEXT_MAX_LENGTH = 4000;

    private CaseTransition() {
    }

    /** The workflow does not allow moving from {@code from} to {@code to}. */
    public static final class Invalid extends RuntimeException {
        public Invalid(CaseStatus from, CaseStatus to) {
            super("a case in " + from + " cannot move to " + to
                    + from.next().map(n -> "; the next step is " + n).orElse("; it is closed"));
        }
    }

    /** Field problems with the step's input. */
    public static final class MissingText extends RuntimeException {
        private final List<String> problems;

        MissingText(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** True when moving to {@code to} requires a text (root cause, action plan). */
    public static boolean textRequired(CaseStatus to) {
        return to == CaseStatus.ROOT_CAUSE_IDENTIFIED || to == CaseStatus.ACTION_PLANNED;
    }

    /** Checks the input first (400), then the workflow (409). @return the text, stripped, or null */
    public static String validate(CaseStatus from, CaseStatus to, String text) {
        String stripped = text == null || text.isBlank() ? null : text.strip();
        List<String> problems = new ArrayList<>();
        if (stripped == null && textRequired(to)) {
            problems.add(to == CaseStatus.ROOT_CAUSE_IDENTIFIED ? "the root cause is required" : "the action plan is required");
        }
        if (stripped != null && stripped.length() > TEXT_MAX_LENGTH) {
            problems.add("at most " + TEXT_MAX_LENGTH + " characters");
        }
        if (!problems.isEmpty()) {
            throw new MissingText(problems);
        }
        if (!from.canMoveTo(to)) {
            throw new Invalid(from, to);
        }
        return stripped;
    }
}
