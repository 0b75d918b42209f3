package io.rhythm.calendar.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import java.util.List;
import java.util.Map;

/**
 * Native SQL read as {@link Tuple}s with named parameters: the one way calendar-service's read models (MyCalendar,
 * Briefs, CalendarDrafts) query their tables, in the caller's transaction when there is one.
 */
@ApplicationScoped
public class NativeRows {

    @Inject
    EntityManager em;

    /** The rows of {@code sql} with every named parameter of {@code params} bound. */
    @SuppressWarnings("unchecked")
    public List<Tuple> rows(String sql, Map<String, ?> params) {
        Query query = em.createNativeQuery(sql, Tuple.class);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    /** The rows of {@code sql} with its one named parameter bound. */
    public List<Tuple> rows(String sql, String name, Object value) {
        return rows(sql, Map.of(name, value));
    }
}
