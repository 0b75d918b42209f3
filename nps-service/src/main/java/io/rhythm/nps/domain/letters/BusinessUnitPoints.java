package io.rhythm.nps.domain.letters;

import java.math.BigDecimal;
import java.util.List;

/**
 * The talking points of one business unit for one cycle (seed 000 "Business unit talking points").
 *
 * @param invited             contacts Rhythm itself invited (0 for a cycle delivered by HubSpot): for information only
 * @param eligible            eligible contacts on the units' frozen recipient lists (subscribed, valid address)
 * @param responded           eligible contacts who answered, by any channel
 * @param responseRatePercent responded / eligible × 100 (one decimal), null when no list has eligible contacts
 * @param movers              the clients whose NPS moved most against their previous cycle, biggest move first
 * @param caveat              a plain-words warning when the NPS rests on a small sample, else null
 */
public record BusinessUnitPoints(String businessUnit, String cycleId, String cycleName, int clients,
                                 ScoreFigures figures, int invited, int eligible, int responded,
                                 BigDecimal responseRatePercent,
                                 Boolean responseRateTargetMet, List<ThemeCount> topThemes, List<Mover> movers,
                                 String caveat) {

    public record Mover(String clientId, String clientName, int previousNps, int nps, int change) {
    }
}
