package io.rhythm.nps.service;

import io.rhythm.nps.domain.analytics.Population;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Reads a cycle's {@link Population} per client from its recipient lists (frozen once the cycle's lists are frozen):
 * eligible = included recipients, responded = those of them with an answer by any channel, invited = those Rhythm
 * invited itself. The database counts; one row per client.
 */
@ApplicationScoped
public class RecipientPopulations {

    private static final String COUNTS = """
            select r.cycle_id, r.client_id, count(*) filter (where r.included), count(s.id) filter (where r.included),
                   count(i.contact_id)
            from recipient r
            left join survey_response s on s.cycle_id = r.cycle_id and s.contact_id = r.contact_id
            left join survey_invitation i on i.cycle_id = r.cycle_id and i.contact_id = r.contact_id
            """;

    @Inject
    EntityManager em;

    /** Client → population of one cycle (every client with a list). */
    public Map<UUID, Population> ofCycle(UUID cycleId) {
        return byCycle(em.createNativeQuery(COUNTS + " where r.cycle_id = ?1 group by r.cycle_id, r.client_id")
                .setParameter(1, cycleId)).getOrDefault(cycleId, Map.of());
    }

    /** Cycle → client → population, over every cycle (or of one client when {@code clientId} is set). */
    public Map<UUID, Map<UUID, Population>> ofAllCycles(UUID clientId) {
        Query query = em.createNativeQuery(COUNTS + (clientId == null ? "" : " where r.client_id = ?1")
                + " group by r.cycle_id, r.client_id");
        if (clientId != null) {
            query.setParameter(1, clientId);
        }
        return byCycle(query);
    }

    /** The whole cycle's population (every client). */
    public Population total(UUID cycleId) {
        return ofCycle(cycleId).values().stream().reduce(Population.NONE, Population::plus);
    }

    private static Map<UUID, Map<UUID, Population>> byCycle(Query query) {
        Map<UUID, Map<UUID, Population>> result = new HashMap<>();
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            result.computeIfAbsent((UUID) c[0], k -> new HashMap<>()).put((UUID) c[1],
                    new Population(((Number) c[2]).intValue(), ((Number) c[3]).intValue(), ((Number) c[4]).intValue()));
        }
        return result;
    }
}
