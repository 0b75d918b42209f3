package io.rhythm.planning.api;

import io.rhythm.planning.domain.Renewal;
import io.rhythm.planning.service.Renewals;
import io.rhythm.platform.events.payload.Money;

import java.time.Instant;
import java.time.LocalDate;

/** A renewal due: status NOT_OPENED before its kickoff date, then OPEN until an outcome is recorded. */
public record RenewalView(String renewalId, String clientId, String clientName, String ownerCse, String ownerCam,
                          LocalDate contractEndDate, LocalDate kickoffDate, Long daysRemaining, Money annualRevenue,
                          String status, Integer healthScore, Boolean attritionOnRegister, Boolean riskProtocol,
                          Money outcomeRevenue, String riskAssessment, Instant outcomeAt, String outcomeBy, long version) {

    public static RenewalView of(Renewals.Due d) {
        return new RenewalView(d.renewalId() == null ? null : d.renewalId().toString(), d.clientId().toString(),
                d.clientName(), d.ownerCse(), d.ownerCam(), d.contractEnd(), d.kickoffDate(), d.daysRemaining(),
                d.revenue() == null ? null : Money.of(d.revenue(), d.currency()), d.status(), d.healthScore(),
                d.attritionOnRegister(), d.atRisk(), null, null, null, null, 0);
    }

    public static RenewalView of(Renewal r) {
        return new RenewalView(r.id.toString(), r.clientId.toString(), null, null, null, r.contractEnd, r.kickoffDate,
                null, r.revenue == null ? null : Money.of(r.revenue, r.currency), r.status.name(), null, null, null,
                r.outcomeRevenue == null ? null : Money.of(r.outcomeRevenue, r.currency == null ? "AUD" : r.currency),
                r.riskAssessment, r.outcomeAt, r.outcomeBy, r.version);
    }
}
