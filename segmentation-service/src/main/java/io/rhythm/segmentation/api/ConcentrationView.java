package io.rhythm.segmentation.api;

import io.rhythm.platform.events.payload.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * Revenue concentration on {@code asOf}: shares as decimal strings, fractions 0–1 to 4 places and percentages to 2,
 * each from one exact division; HHI as a fraction and on the 0–10,000 scale.
 */
public record ConcentrationView(LocalDate asOf, Money totalRevenue, int clients, int top, Money topRevenue,
                                String topShare, String topSharePercent, String largestSharePercent, String hhi,
                                String hhiPoints, List<Client> ranked, List<SegmentTotal> bySegment) {

    public record Client(int rank, String clientId, String clientName, String segment, Money annualRevenue, String share,
                         String sharePercent, String cumulativeSharePercent) {
    }

    public record SegmentTotal(String segment, int clients, Money revenue, String sharePercent) {
    }
}
