package io.rhythm.nps.domain.letters;

import java.util.List;

/**
 * What a client letter is drafted from: the client's figures in the cycle, the trend against its
 * previous cycle (null when the client has no earlier answers) and the top themes of its comments.
 */
public record ClientLetterFacts(String clientId, String clientName, String businessUnit, String cycleId,
                                String cycleName, ScoreFigures figures, LetterTrend trend, List<ThemeCount> themes) {
}
