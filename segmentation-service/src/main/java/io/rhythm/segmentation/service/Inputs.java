package io.rhythm.segmentation.service;

import io.rhythm.segmentation.domain.ClassifierInput;
import io.rhythm.segmentation.domain.SegmentModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The classifier's inputs from this service's projections, for one client or the whole portfolio in a few
 * statements: the latest health score, the mean NPS answer within the model's window (up to now), and the latest
 * annual maintenance revenue (plus the portfolio's total for the SHARE basis).
 */
@ApplicationScoped
public class Inputs {

    private static final String LATEST_REVENUE = "select distinct on (client_id) client_id, amount from client_revenue %s "
            + "order by client_id, version desc";

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /** Every client any projection knows. */
    public List<UUID> allClients() {
        return ids("""
                select client_id from client_revenue union select client_id from client_health
                union select client_id from nps_answer union select client_id from client_segment_state order by 1""");
    }

    public ClassifierInput of(UUID clientId, SegmentModel model) {
        return load(clientId, model).getOrDefault(clientId, new ClassifierInput(null, 0, null, null, portfolioRevenue()));
    }

    /** Inputs of every client (clientId null) or of one. */
    public Map<UUID, ClassifierInput> load(UUID clientId, SegmentModel model) {
        String only = clientId == null ? "" : " where client_id = ?1";
        Map<UUID, BigDecimal> health = new HashMap<>();
        for (Object[] row : rows("select client_id, score from client_health" + only, clientId)) {
            health.put((UUID) row[0], (BigDecimal) row[1]);
        }
        Instant since = Instant.now(clock).minus(Duration.ofDays(model.npsWindowDays()));
        Map<UUID, Object[]> nps = new HashMap<>();
        var npsQuery = em.createNativeQuery("select client_id, avg(score), count(*) from nps_answer where responded_at >= ?1"
                + (clientId == null ? "" : " and client_id = ?2") + " group by client_id").setParameter(1, since);
        if (clientId != null) {
            npsQuery.setParameter(2, clientId);
        }
        for (Object row : npsQuery.getResultList()) {
            Object[] c = (Object[]) row;
            nps.put((UUID) c[0], c);
        }
        Map<UUID, BigDecimal> revenue = new HashMap<>();
        for (Object[] row : rows(LATEST_REVENUE.formatted(only), clientId)) {
            revenue.put((UUID) row[0], (BigDecimal) row[1]);
        }
        BigDecimal portfolio = portfolioRevenue();
        Set<UUID> clients = new HashSet<>(health.keySet());
        clients.addAll(nps.keySet());
        clients.addAll(revenue.keySet());
        Map<UUID, ClassifierInput> inputs = new HashMap<>();
        for (UUID id : clients) {
            Object[] answers = nps.get(id);
            BigDecimal mean = answers == null ? null : ((BigDecimal) answers[1]).setScale(4, RoundingMode.HALF_EVEN);
            int count = answers == null ? 0 : ((Number) answers[2]).intValue();
            inputs.put(id, new ClassifierInput(mean, count, health.get(id), revenue.get(id), portfolio));
        }
        return inputs;
    }

    /** The sum of every client's latest revenue. */
    public BigDecimal portfolioRevenue() {
        Object total = em.createNativeQuery("select coalesce(sum(amount), 0) from (" + LATEST_REVENUE.formatted("") + ") latest")
                .getSingleResult();
        return (BigDecimal) total;
    }

    private List<Object[]> rows(String sql, UUID clientId) {
        var query = em.createNativeQuery(sql);
        if (clientId != null) {
            query.setParameter(1, clientId);
        }
        return ((List<?>) query.getResultList()).stream().map(r -> (Object[]) r).toList();
    }

    private List<UUID> ids(String sql) {
        return ((List<?>) em.createNativeQuery(sql).getResultList()).stream().map(r -> (UUID) r).toList();
    }
}
