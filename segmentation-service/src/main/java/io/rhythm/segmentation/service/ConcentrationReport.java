package io.rhythm.segmentation.service;

import io.rhythm.platform.events.payload.Money;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.segmentation.api.ConcentrationView;
import io.rhythm.segmentation.domain.Concentration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Revenue concentration of the caller's portfolio on a date ({@link Concentration}). */
@ApplicationScoped
public class ConcentrationReport {

    @Inject
    Portfolio portfolio;
    @Inject
    History history;
    @Inject
    ModelRegistry models;

    public ConcentrationView of(LocalDate asOf, int top, String owner, Caller caller) {
        Map<UUID, BigDecimal> revenue = history.revenueAt(asOf);
        Map<UUID, History.SegmentAt> segments = history.segmentsAt(asOf);
        List<Concentration.Holding> holdings = new ArrayList<>();
        for (Portfolio.Member client : portfolio.visible(caller, owner)) {
            History.SegmentAt at = segments.get(client.clientId());
            holdings.add(new Concentration.Holding(client.clientId(), client.name(), at == null ? "UNASSIGNED" : at.segment().name(),
                    revenue.get(client.clientId())));
        }
        Concentration.Result r = Concentration.of(holdings, top, MigrationAnalysis.ORDER);
        String currency = models.active().spendCurrency();
        return new ConcentrationView(asOf, Money.of(r.total(), currency), r.clients(), top, Money.of(r.topRevenue(), currency),
                r.topShare().toPlainString(), r.topSharePercent().toPlainString(), r.largestSharePercent().toPlainString(),
                r.hhi().toPlainString(), r.hhiPoints().toPlainString(),
                r.ranked().stream().map(c -> new ConcentrationView.Client(c.rank(), c.clientId().toString(), c.name(), c.segment(),
                        Money.of(c.revenue(), currency), c.share().toPlainString(), c.sharePercent().toPlainString(),
                        c.cumulativeSharePercent().toPlainString())).toList(),
                r.bySegment().stream().map(s -> new ConcentrationView.SegmentTotal(s.segment(), s.clients(),
                        Money.of(s.revenue(), currency), s.sharePercent().toPlainString())).toList());
    }
}
