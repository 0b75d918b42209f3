package io.rhythm.segmentation.service;

import io.rhythm.platform.persistence.SqlValues;
import io.rhythm.segmentation.domain.Segment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The portfolio as it stood at the end of a date (UTC): each client's segment (the latest recorded migration
 * effective by then, so a back-dated override counts from its effective date) and its revenue (the latest client
 * version received by then).
 */
@ApplicationScoped
public class History {

    @Inject
    EntityManager em;

    public record SegmentAt(Segment segment, LocalDate since, Integer modelVersion) {
    }

    public Map<UUID, SegmentAt> segmentsAt(LocalDate asOf) {
        return segmentsAt(asOf, null);
    }

    /** Each client's segment at the end of {@code asOf}; only {@code clientId}'s when it is given. */
    public Map<UUID, SegmentAt> segmentsAt(LocalDate asOf, UUID clientId) {
        Map<UUID, SegmentAt> segments = new HashMap<>();
        var query = em.createNativeQuery("select distinct on (client_id) client_id, segment, effective_at, model_version "
                + "from segment_assignment where effective_at < ?1" + (clientId == null ? "" : " and client_id = ?2")
                + " order by client_id, assigned_at desc, id").setParameter(1, endOf(asOf));
        if (clientId != null) {
            query.setParameter(2, clientId);
        }
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            segments.put((UUID) c[0], new SegmentAt(Segment.valueOf((String) c[1]),
                    SqlValues.instant(c[2]).atZone(ZoneOffset.UTC).toLocalDate(), c[3] == null ? null : ((Number) c[3]).intValue()));
        }
        return segments;
    }

    public Map<UUID, BigDecimal> revenueAt(LocalDate asOf) {
        Map<UUID, BigDecimal> revenue = new HashMap<>();
        for (Object row : em.createNativeQuery("""
                        select distinct on (client_id) client_id, amount from client_revenue
                        where recorded_at < ?1 order by client_id, version desc""")
                .setParameter(1, endOf(asOf)).getResultList()) {
            Object[] c = (Object[]) row;
            if (c[1] != null) {
                revenue.put((UUID) c[0], (BigDecimal) c[1]);
            }
        }
        return revenue;
    }

    static Instant endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
