package io.rhythm.nps.api;

import io.rhythm.nps.domain.SurveyCycle;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A survey cycle; {@code status} OPEN or CLOSED, with who closed it and when ({@code system}: the milestone scan);
 * {@code delivery} RHYTHM or EXTERNAL (HubSpot or another tool: {@code deliveryTool}); who last extended its close date.
 */
public record CycleView(String id, String name, LocalDate openDate, LocalDate closeDate, String createdBy, Instant createdAt,
                        String status, Instant closedAt, String closedBy, String delivery, String deliveryTool,
                        Instant closeExtendedAt, String closeExtendedBy) {

    public static CycleView of(SurveyCycle c) {
        return new CycleView(c.id.toString(), c.name, c.openDate, c.closeDate, c.createdBy, c.createdAt, c.status, c.closedAt,
                c.closedBy, c.delivery.name(), c.deliveryTool, c.closeExtendedAt, c.closeExtendedBy);
    }
}
