package io.rhythm.nps.service;

import io.rhythm.platform.events.payload.ClientUpserted;
import io.rhythm.platform.persistence.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The day each client became a customer, as the client registry last said ({@code customerSince} of ClientUpserted on
 * clients.v1, fired by the platform's client-directory consumer inside its idempotent transaction). Out-of-order safe:
 * an older version never overwrites a newer one. Read by the recipient lists (seed 001's &gt; 90-day tenure rule) and
 * the survey triggers.
 */
@ApplicationScoped
public class ClientTenures {

    @Inject
    EntityManager em;

    void onClientUpserted(@Observes ClientUpserted client) {
        em.createNativeQuery("""
                        insert into client_customer_since (client_id, customer_since, version, updated_at)
                        values (?1, cast(?2 as date), ?3, now())
                        on conflict (client_id) do update set customer_since = excluded.customer_since,
                            version = excluded.version, updated_at = now()
                        where client_customer_since.version < excluded.version""")
                .setParameter(1, UUID.fromString(client.clientId()))
                .setParameter(2, client.customerSince() == null ? null : Date.valueOf(client.customerSince()))
                .setParameter(3, client.version())
                .executeUpdate();
    }

    /** The client's customer-since date; empty when the registry does not know it (or nps-service has not heard). */
    public Optional<LocalDate> customerSince(UUID clientId) {
        List<?> rows = em.createNativeQuery("select customer_since from client_customer_since where client_id = ?1")
                .setParameter(1, clientId).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(SqlValues.localDate(rows.get(0)));
    }
}
