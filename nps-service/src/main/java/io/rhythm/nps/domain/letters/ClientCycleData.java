package io.rhythm.nps.domain.letters;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One client's raw material for the BU talking points: its scores in the cycle and in its previous cycle
 * (empty when none), how many of its contacts were invited (0 when unknown) and its comment theme counts.
 */
public record ClientCycleData(UUID clientId, String clientName, String businessUnit, List<Integer> scores,
                              List<Integer> previousScores, int invited, Map<String, Integer> themes) {
}
