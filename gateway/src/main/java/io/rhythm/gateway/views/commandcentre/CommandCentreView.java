package io.rhythm.gateway.views.commandcentre;

import io.rhythm.gateway.views.Section;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** The executive overview of the caller's portfolio (seed 000: Command Centre). Money as decimal strings. */
@Schema(name = "CommandCentre")
public record CommandCentreView(
        LocalDate asOf, LocalDate since,
        @Schema(description = "names of the sections that are UNAVAILABLE") List<String> degraded,
        @Schema(description = "health-service: {countsByBand: {CRITICAL: n, …}, clients: n}") Section clientsByBand,
        @Schema(description = "segmentation-service: [{segment, clients, revenue, sharePercent}]") Section clientsAndRevenueBySegment,
        @Schema(description = "segmentation-service: {top, topSharePercent, topRevenue, totalRevenue, largestClient, largestSharePercent, largestRevenue, hhiPoints}") Section concentration,
        @Schema(description = "health + segmentation: {amount, currency, clients: [{clientId, name, band, revenue}]} — revenue of clients in the CRITICAL and AT_RISK bands") Section atRiskRevenue,
        @Schema(description = "planning-service: {total, byFiscalYear: [{fiscalYear, amount}]}") Section confirmedAttrition,
        @Schema(description = "planning-service: {conversionRate, weightedPipeline, realisticNewRevenue, confirmedAttrition, realisticNewRevenueMinusConfirmedAttrition, coveragePercent, coversAttrition}") Section pipelineVsAttrition,
        @Schema(description = "planning-service: {count, revenue, renewals: [...]} — contracts ending within 90 days of asOf") Section renewalsIn90Days,
        @Schema(description = "nps-service: {cycleId, cycleName, nps, responses, responseRatePercent, targetPercent (40), targetMet}") Section currentNpsCycle,
        @Schema(description = "segmentation-service: Activity Register portfolio totals {compliancePercent, required, compliant, dueSoon, overdue}") Section activityCompliance,
        @Schema(description = "health-service aged receivables total of the portfolio as of asOf (Working Capital): clients owing, and per currency the outstanding and overdue amounts and the buckets CURRENT, 1-30, 31-60, 61-90, 90+ with amounts and counts") Section agedReceivables,
        @Schema(description = "seed 000 Known Risk Areas computed: [{code, name, raised, summary, figures, mitigation}]") Section knownRisks,
        @Schema(description = "with since: {segmentMigrations: {moved, movedRevenue, cells}, alertsRaised: n, detractorCasesOpened: n}") Section changesSince) {
}
