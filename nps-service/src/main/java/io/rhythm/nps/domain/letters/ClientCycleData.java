package io.rhythm.nps.domain.letters;

import io.rhythm.nps.domain.analytics.Population;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One client's raw material for the BU talking points: its scores in the cycle and in its previous cycle
 * (empty when none), its population from the cycle's frozen recipient list (eligible, responded by any channel,
 * invited by Rhythm; {@link Population#NONE} when it had no list) and its comment theme counts.
 */
public record ClientCycleData(UUID clientId, String clientName, String businessUnit, List<Integer> scores,
                              List<Integer> previousScores, Population population, Map<String, Integer> themes) {
}
