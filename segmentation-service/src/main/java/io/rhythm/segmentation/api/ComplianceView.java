package io.rhythm.segmentation.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The Activity Register on {@code asOf}: per client × activity type the cadence of the client's segment then, the
 * last held activity, the next due date and the status, rolled up by {@code groupBy}. {@code compliancePercent} =
 * (compliant + due soon) / required items, null when nothing is required.
 */
public record ComplianceView(LocalDate asOf, String groupBy, int dueSoonDays, Counts totals, List<Group> groups) {

    public record Counts(int clients, int required, int compliant, int dueSoon, int overdue, int notRequired,
                         BigDecimal compliancePercent) {
    }

    /** One row of the roll-up; {@code segment}, {@code ownerCse} and {@code items} are filled for groupBy=client. */
    public record Group(String key, String label, String segment, String ownerCse, Counts counts, List<Item> items) {
    }

    public record Item(String activityType, String activityName, String cadence, LocalDate lastHeld, LocalDate nextDue,
                       String status) {
    }
}
