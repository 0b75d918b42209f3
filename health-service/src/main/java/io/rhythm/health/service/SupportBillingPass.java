package io.rhythm.health.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/**
 * On a timer, the support and financial inputs that change with time alone (tickets crossing 30 days
 * open, invoices falling overdue and ageing, ratings and payment failures leaving the 90-day window).
 * Everything it needs is in the database, so a missed run is caught up by the next.
 */
@ApplicationScoped
public class SupportBillingPass {

    private static final Logger LOG = Logger.getLogger(SupportBillingPass.class);

    @Inject
    SupportBillingEvents events;
    @Inject
    Clock clock;

    @Scheduled(identity = "support-billing-time-pass", cron = "${rhythm.support-billing.time-pass-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            SupportBillingEvents.PassResult result = run();
            if (result.changedInputs() > 0) {
                LOG.infof("Support/billing time pass: %d clients looked at, %d inputs changed", result.clients(), result.changedInputs());
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Support/billing time pass failed; the next run retries");
        }
    }

    /** One pass as of the clock's now. */
    public SupportBillingEvents.PassResult run() {
        return events.recomputeTimeBased(Instant.now(clock));
    }
}
