package io.rhythm.planning.service;

import io.rhythm.planning.api.QuotaRequest;
import io.rhythm.planning.api.QuotaView;
import io.rhythm.planning.domain.FiscalYear;
import io.rhythm.planning.domain.Quota;
import io.rhythm.platform.events.payload.Money;
import io.rhythm.platform.web.problem.Versions;
import io.rhythm.platform.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Quotas per CSE/CAM and fiscal year, set by VP and above, with attainment from won opportunities. */
@ApplicationScoped
public class Quotas {

    @Inject
    Caller caller;
    @Inject
    Clock clock;

    /** Creates the quota, or replaces it (then If-Match is required). */
    @Transactional
    public QuotaView set(String owner, String fiscalYear, String ifMatch, QuotaRequest request) {
        String fy = FiscalYear.canonical(fiscalYear);
        Quota quota = Quota.findById(new Quota.Key(owner, fy), LockModeType.PESSIMISTIC_WRITE);
        if (quota == null) {
            quota = new Quota();
            quota.owner = owner;
            quota.fiscalYear = fy;
            apply(quota, request);
            quota.persist();
        } else {
            Versions.requireMatch(ifMatch, quota.version);
            apply(quota, request);
            quota.version++;
        }
        return view(quota);
    }

    /** CSE/CAM see their own quota; AVP and above everyone's. */
    public List<QuotaView> list(String fiscalYear) {
        String fy = fiscalYear == null ? null : FiscalYear.canonical(fiscalYear);
        StringBuilder query = new StringBuilder("true = true");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        caller.portfolioOwner().ifPresent(me -> {
            query.append(" and owner = :me");
            params.put("me", me);
        });
        if (fy != null) {
            query.append(" and fiscalYear = :fy");
            params.put("fy", fy);
        }
        return Quota.<Quota>list(query + " order by fiscalYear desc, owner", params).stream().map(this::view).toList();
    }

    private void apply(Quota quota, QuotaRequest request) {
        quota.amount = request.target().amount();
        quota.currency = request.target().currency();
        quota.setBy = caller.username();
        quota.updatedAt = Instant.now(clock);
    }

    private QuotaView view(Quota q) {
        BigDecimal won = (BigDecimal) Quota.getEntityManager().createQuery("""
                        select coalesce(sum(o.value), 0) from Opportunity o, AccountPlan p
                        where p.id = o.planId and o.owner = :owner and p.fiscalYear = :fy and o.currency = :currency
                          and o.stage = io.rhythm.planning.domain.OpportunityStage.CLOSED_WON""")
                .setParameter("owner", q.owner).setParameter("fy", q.fiscalYear).setParameter("currency", q.currency)
                .getSingleResult();
        BigDecimal percent = Quota.attainmentPercent(won, q.amount);
        return new QuotaView(q.owner, q.fiscalYear, Money.of(q.amount, q.currency), Money.of(won, q.currency),
                percent == null ? null : percent.toPlainString(), q.setBy, q.version);
    }
}
