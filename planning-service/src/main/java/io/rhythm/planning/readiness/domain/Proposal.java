package io.rhythm.planning.readiness.domain;

/**
 * Rhythm's proposed score for one criterion, with its evidence; {@code score} null means unassessed (no live data:
 * a person scores it, nothing is guessed).
 *
 * @param measured the share in percent the score came from, null when unassessed
 */
public record Proposal(String criterion, Integer score, Double measured, String evidence) {

    public static Proposal unassessed(String criterion, String why) {
        return new Proposal(criterion, null, null, why);
    }
}
