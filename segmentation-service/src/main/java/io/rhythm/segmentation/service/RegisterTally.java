package io.rhythm.segmentation.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Folds the deltas of {@code register_tally} (V10: every write of the current Activity Register adds rows, never
 * updates one, so that concurrent writers do not wait on shared counts) into one row per key, so that the current
 * roll-up reads few rows (rhythm.register.tally-compact-every). Safe beside writers: it deletes and sums only the rows
 * committed when it starts.
 */
@ApplicationScoped
public class RegisterTally {

    @Inject
    EntityManager em;

    @Scheduled(every = "${rhythm.register.tally-compact-every}", identity = "segment-register-tally", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void compact() {
        em.createNativeQuery("select register_tally_compact()").getSingleResult();
    }
}
