package io.rhythm.health.domain.scoring;

import java.util.List;

/** A scoring model was rejected; {@link #problems()} lists every problem found, not only the first. */
public final class InvalidScoringModelException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidScoringModelException(int version, List<String> problems) {
        super(message(version, problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, one sentence each. */
    public List<String> problems() {
        return problems;
    }

    private static String message(int version, List<String> problems) {
        StringBuilder message = new StringBuilder("Scoring model version ").append(version)
                .append(" is invalid (").append(problems.size())
                .append(problems.size() == 1 ? " problem):" : " problems):");
        for (String problem : problems) {
            message.append("\n - ").append(problem);
        }
        return message.toString();
    }
}
