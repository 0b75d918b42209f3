package io.rhythm.segmentation.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Revenue concentration of a portfolio: each client's share, the top-N share, the largest share and the
 * Herfindahl–Hirschman index (Σ share², as a fraction 0–1 and on the 0–10,000 scale). Every ratio is one exact
 * division of sums of revenue, rounded once: shares to 4 decimals as fractions and 2 as percent. Pure.
 */
public final class Concentration {

    private static final MathContext EXACT = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Concentration() {
    }

    public record Holding(UUID clientId, String name, String segment, BigDecimal revenue) {
    }

    public record Ranked(int rank, UUID clientId, String name, String segment, BigDecimal revenue, BigDecimal share,
                         BigDecimal sharePercent, BigDecimal cumulativeSharePercent) {
    }

    public record SegmentTotal(String segment, int clients, BigDecimal revenue, BigDecimal sharePercent) {
    }

    public record Result(BigDecimal total, int clients, List<Ranked> ranked, int top, BigDecimal topRevenue,
                         BigDecimal topShare, BigDecimal topSharePercent, BigDecimal largestSharePercent,
                         BigDecimal hhi, BigDecimal hhiPoints, List<SegmentTotal> bySegment) {
    }

    /** Clients without revenue are left out; ties rank by name then id. */
    public static Result of(List<Holding> holdings, int top, List<String> segmentOrder) {
        List<Holding> sorted = holdings.stream().filter(h -> h.revenue() != null)
                .sorted(Comparator.comparing(Holding::revenue).reversed().thenComparing(Holding::name)
                        .thenComparing(Holding::clientId)).toList();
        BigDecimal total = sorted.stream().map(Holding::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Ranked> ranked = new ArrayList<>();
        BigDecimal running = BigDecimal.ZERO;
        BigDecimal squares = BigDecimal.ZERO;
        for (int i = 0; i < sorted.size(); i++) {
            Holding h = sorted.get(i);
            running = running.add(h.revenue());
            squares = squares.add(h.revenue().multiply(h.revenue()));
            ranked.add(new Ranked(i + 1, h.clientId(), h.name(), h.segment(), h.revenue(), fraction(h.revenue(), total),
                    percent(h.revenue(), total), percent(running, total)));
        }
        BigDecimal topRevenue = sorted.stream().limit(top).map(Holding::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal hhiExact = total.signum() == 0 ? BigDecimal.ZERO : squares.divide(total.multiply(total), EXACT);
        Map<String, SegmentTotal> bySegment = new LinkedHashMap<>();
        for (String segment : segmentOrder) {
            List<Holding> in = sorted.stream().filter(h -> segment.equals(h.segment())).toList();
            BigDecimal revenue = in.stream().map(Holding::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
            bySegment.put(segment, new SegmentTotal(segment, in.size(), revenue, percent(revenue, total)));
        }
        return new Result(total, sorted.size(), ranked, top, topRevenue, fraction(topRevenue, total),
                percent(topRevenue, total), sorted.isEmpty() ? BigDecimal.ZERO.setScale(2) : percent(sorted.get(0).revenue(), total),
                hhiExact.setScale(4, RoundingMode.HALF_EVEN), hhiExact.multiply(BigDecimal.valueOf(10_000)).setScale(2, RoundingMode.HALF_EVEN),
                List.copyOf(bySegment.values()));
    }

    private static BigDecimal fraction(BigDecimal part, BigDecimal total) {
        return total.signum() == 0 ? BigDecimal.ZERO.setScale(4) : part.divide(total, 4, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal total) {
        return total.signum() == 0 ? BigDecimal.ZERO.setScale(2) : part.multiply(HUNDRED).divide(total, 2, RoundingMode.HALF_EVEN);
    }
}
