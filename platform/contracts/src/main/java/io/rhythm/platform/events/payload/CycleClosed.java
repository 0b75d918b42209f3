package io.rhythm.platform.events.payload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An NPS cycle closed (nps-service): its survey links stop working and these results are frozen. Key =
 * {@code cycleId}. {@code closedBy} is {@code system} when the milestone scan closed it at the end of its close
 * date, otherwise the leader who closed it. With no responses, the NPS figures (nps, npsRounded,
 * confidenceInterval, average, min, max, standardDeviation) are null.
 */
public record CycleClosed(String cycleId, String cycleName, LocalDate openDate, LocalDate closeDate, Instant closedAt,
                          String closedBy, Results results) {

    /**
     * The whole cycle's results: {@code responses} answers (the NPS base; imports may include people who were not
     * invited), {@code invited} invitations Rhythm sent of which {@code invitedResponded} were answered (0 for a cycle
     * run in HubSpot), and the response rate's base: {@code eligible} contacts of the frozen recipient list (subscribed,
     * valid address) of whom {@code eligibleResponded} answered by any channel. {@code eligible} and
     * {@code eligibleResponded} are null in results frozen before they were published.
     */
    public record Results(int responses, int invited, int invitedResponded, ResponseRate responseRate, Double nps,
                          Integer npsRounded, ConfidenceInterval confidenceInterval, boolean smallSample, int promoters,
                          int passives, int detractors, Double average, Integer min, Integer max,
                          Double standardDeviation, List<ThemeCount> topThemes, Integer eligible, Integer eligibleResponded) {
    }

    /** Eligible recipients who answered, in percent, against the target (met only when strictly above it). */
    public record ResponseRate(double percent, int targetPercent, boolean targetMet, int responsesNeeded) {
    }

    /** The NPS's confidence interval (level 0.95), in NPS points. */
    public record ConfidenceInterval(double lower, double upper, double level) {
    }

    /** A theme of the comments: how many responses carry it, and their share of all responses in percent. */
    public record ThemeCount(String theme, String name, int count, double percentOfResponses) {
    }
}
