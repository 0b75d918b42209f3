package io.rhythm.platform.clients;

import io.agroal.api.AgroalDataSource;
import io.rhythm.platform.events.payload.ClientUpserted;
import io.rhythm.platform.web.paging.Cursor;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/** Reads and maintains the local client projection; lookups respect the caller's portfolio. */
@ApplicationScoped
public class ClientDirectory {

    private static final String COLUMNS = "client_id, name, region, business_unit, owner_cse, owner_cam, tier, "
            + "lifecycle_stage, renewal_date, arr_amount, arr_currency, version";

    /** Out-of-order safe: an older version never overwrites a newer one. */
    private static final String UPSERT = """
            insert into client_directory (client_id, name, region, business_unit, owner_cse, owner_cam, tier,
                lifecycle_stage, renewal_date, arr_amount, arr_currency, version, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
            on conflict (client_id) do update set name = excluded.name, region = excluded.region,
                business_unit = excluded.business_unit, owner_cse = excluded.owner_cse, owner_cam = excluded.owner_cam,
                tier = excluded.tier, lifecycle_stage = excluded.lifecycle_stage, renewal_date = excluded.renewal_date,
                arr_amount = excluded.arr_amount, arr_currency = excluded.arr_currency, version = excluded.version,
                updated_at = now()
            where client_directory.version < excluded.version""";

    @Inject
    AgroalDataSource dataSource;

    /** @return true when the projection changed (false for a stale or repeated version) */
    public boolean apply(ClientUpserted client) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setObject(1, UUID.fromString(client.clientId()));
            ps.setString(2, client.name());
            ps.setString(3, client.region());
            ps.setString(4, client.businessUnit());
            ps.setString(5, client.ownerCse());
            ps.setString(6, client.ownerCam());
            ps.setString(7, client.tier());
            ps.setString(8, client.lifecycleStage());
            ps.setDate(9, client.renewalDate() == null ? null : Date.valueOf(client.renewalDate()));
            ps.setBigDecimal(10, client.annualRevenue() == null ? null : new BigDecimal(client.annualRevenue().amount()));
            ps.setString(11, client.annualRevenue() == null ? null : client.annualRevenue().currency());
            ps.setLong(12, client.version());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update client directory", e);
        }
    }

    /** Many clients at once (one statement), by id; unknown ids are absent from the map. */
    public Map<UUID, DirectoryEntry> findAll(Collection<UUID> clientIds) {
        Map<UUID, DirectoryEntry> found = new HashMap<>();
        if (clientIds.isEmpty()) {
            return found;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("select " + COLUMNS
                + " from unnest(?) as wanted(id) join client_directory on client_directory.client_id = wanted.id")) {
            ps.setArray(1, c.createArrayOf("uuid", clientIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    DirectoryEntry entry = entry(rs);
                    found.put(entry.clientId(), entry);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read client directory", e);
        }
        return found;
    }

    public Optional<DirectoryEntry> find(UUID clientId) {
        List<DirectoryEntry> rows = query("select " + COLUMNS + " from client_directory where client_id = ?", clientId);
        return rows.stream().findFirst();
    }

    /** The client, if the caller may see it; otherwise 404 (a CSE learns nothing of others' clients). */
    public DirectoryEntry requireVisible(UUID clientId, Caller caller) {
        DirectoryEntry entry = find(clientId).orElseThrow(() -> ApiException.notFound("Client", clientId));
        caller.requireVisible(entry.ownership(), "Client", clientId);
        return entry;
    }

    /** The caller's portfolio, by name, a page at a time. */
    public Page<DirectoryEntry> portfolio(Caller caller, PageRequest page) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from client_directory where true");
        List<Object> args = new ArrayList<>();
        caller.portfolioOwner().ifPresent(owner -> {
            sql.append(" and (owner_cse = ? or owner_cam = ?)");
            args.add(owner);
            args.add(owner);
        });
        if (page.after() != null) {
            sql.append(" and (name, client_id) > (?, ?)");
            args.add(page.after().sortValue());
            args.add(page.after().uuid());
        }
        sql.append(" order by name, client_id limit ?");
        args.add(page.fetchSize());
        return Page.of(query(sql.toString(), args.toArray()), page,
                e -> new Cursor(e.name(), e.clientId().toString()), e -> e);
    }

    private List<DirectoryEntry> query(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<DirectoryEntry> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(entry(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read client directory", e);
        }
    }

    private static DirectoryEntry entry(ResultSet rs) throws SQLException {
        Date renewal = rs.getDate(9);
        return new DirectoryEntry(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                renewal == null ? null : renewal.toLocalDate(), rs.getBigDecimal(10), rs.getString(11),
                rs.getLong(12));
    }
}
