package io.rhythm.planning.service;

import io.rhythm.planning.domain.AccountPlan;
import io.rhythm.planning.domain.AttritionRisk;
import io.rhythm.planning.domain.FiscalYear;
import io.rhythm.planning.domain.Renewal;
import io.rhythm.planning.domain.RenewalStatus;
import io.rhythm.planning.domain.RiskChange;
import io.rhythm.planning.domain.RiskStatus;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.DirectoryEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * A workflow that ends with an attrition outcome (the Annual Renewal's "client will not renew") writes a
 * CONFIRMED attrition risk into the client's account plan: the amount is the revenue up for renewal, the
 * fiscal-year label the one the contract end date falls in ({@code rhythm.fiscal-year.start-month}), and the
 * plan the client's plan of that fiscal year (opened for the system if there is none). The renewal the workflow was
 * opened for (else the client's earliest open one), when still open, gets its outcome: CHURNED, decided by
 * {@code workflow:<id>}, with RenewalOutcomeRecorded through the outbox. Once per workflow instance: the risk carries
 * {@code source_ref = workflow:<id>}, unique.
 */
@ApplicationScoped
public class WorkflowAttrition {

    /** Where the renewal date and amount came from. */
    public record Basis(LocalDate contractEnd, BigDecimal amount, String currency, String source) {
    }

    @Inject
    Plans plans;
    @Inject
    Renewals renewals;
    @Inject
    ClientDirectory directory;
    @Inject
    Clock clock;
    @ConfigProperty(name = "rhythm.fiscal-year.start-month", defaultValue = "7")
    int fiscalYearStart;

    /**
     * Records the confirmed attrition of an ended workflow, in the caller's transaction.
     *
     * @param triggerKey the instance's trigger key ({@code renewal:<renewalId>} for an Annual Renewal opened by
     *                   RenewalWindowOpened), or null when started by hand
     * @return the new risk, or empty when this workflow already wrote one (or its client is unknown)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<AttritionRisk> confirm(UUID workflowId, UUID clientId, String triggerKey, String workflowName,
                                           String outcomeLabel, String comment) {
        String sourceRef = "workflow:" + workflowId;
        if (AttritionRisk.count("sourceRef", sourceRef) > 0) {
            return Optional.empty();
        }
        Optional<DirectoryEntry> found = directory.find(clientId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DirectoryEntry client = found.get();
        Renewal renewal = renewalFor(client, triggerKey);
        Basis basis = basis(client, renewal);
        FiscalYear year = FiscalYear.containing(basis.contractEnd(), fiscalYearStart);
        String owner = client.ownerCse() != null ? client.ownerCse() : client.ownerCam() != null ? client.ownerCam() : "system";
        AccountPlan plan = plans.planFor(client, year.label(), client.name() + " account plan " + year.longLabel(), owner);
        AttritionRisk risk = new AttritionRisk();
        risk.id = UUID.randomUUID();
        risk.planId = plan.id;
        risk.clientId = client.clientId();
        StringBuilder text = new StringBuilder(outcomeLabel).append(" (").append(workflowName).append(" workflow ")
                .append(workflowId).append("; contract ends ").append(basis.contractEnd()).append(", amount from ")
                .append(basis.source()).append(')');
        if (comment != null && !comment.isBlank()) {
            text.append(": ").append(comment.strip());
        }
        risk.description = text.length() > 2000 ? text.substring(0, 1997) + "..." : text.toString();
        risk.amount = basis.amount();
        risk.currency = basis.currency();
        risk.fiscalYear = year.longLabel();
        risk.status = RiskStatus.CONFIRMED;
        risk.probability = 100;
        risk.owner = owner;
        risk.sourceRef = sourceRef;
        risk.createdAt = Instant.now(clock);
        risk.persist();
        RiskChange.record(risk, "system", risk.createdAt);
        if (renewal != null && !renewal.status.decided()) {
            renewals.decide(renewal, RenewalStatus.CHURNED, null, risk.description, sourceRef);
        }
        return Optional.of(risk);
    }

    /**
     * The renewal the workflow was opened for, else the client's earliest open renewal; null when there is none.
     * Read locked, as an outcome recorded through the API locks it, so that its status is decided once.
     */
    private static Renewal renewalFor(DirectoryEntry client, String triggerKey) {
        Renewal renewal = null;
        if (triggerKey != null && triggerKey.startsWith("renewal:")) {
            try {
                renewal = Renewal.findById(UUID.fromString(triggerKey.substring("renewal:".length())),
                        LockModeType.PESSIMISTIC_WRITE);
            } catch (IllegalArgumentException notAnId) {
                renewal = null;
            }
        }
        if (renewal == null) {
            renewal = Renewal.find("clientId = ?1 and status = ?2 order by contractEnd", client.clientId(), RenewalStatus.OPEN)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        }
        return renewal;
    }

    /** The renewal's date and revenue, else the registry's. */
    Basis basis(DirectoryEntry client, Renewal renewal) {
        if (renewal != null && renewal.revenue != null) {
            return new Basis(renewal.contractEnd, renewal.revenue, renewal.currency, "the renewal");
        }
        LocalDate end = renewal != null ? renewal.contractEnd
                : client.renewalDate() != null ? client.renewalDate() : LocalDate.ofInstant(Instant.now(clock), ZoneOffset.UTC);
        if (client.arrAmount() != null) {
            return new Basis(end, client.arrAmount(), client.arrCurrency(), "the client's annual revenue");
        }
        return new Basis(end, BigDecimal.ZERO.setScale(2), "AUD", "nowhere: no revenue is known, set the amount");
    }
}
