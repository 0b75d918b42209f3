package io.rhythm.gateway.audit;

import io.agroal.api.AgroalDataSource;
import io.rhythm.platform.web.paging.Cursor;
import io.rhythm.platform.web.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Reads the audit log (newest first, keyset-paged on time and id). */
@ApplicationScoped
public class AuditEntries {

    @Inject
    AgroalDataSource dataSource;

    public Page<AuditEntry> find(AuditQuery query) {
        StringBuilder sql = new StringBuilder("select * from audit_entry where true");
        List<Object> values = new ArrayList<>();
        if (query.actor() != null) {
            sql.append(" and (actor_username = ? or actor_subject = ?)");
            values.add(query.actor());
            values.add(query.actor());
        }
        if (query.from() != null) {
            sql.append(" and at >= ?");
            values.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" and at < ?");
            values.add(Timestamp.from(query.to()));
        }
        if (query.page().after() != null) {
            Cursor after = query.page().after();
            Instant at;
            try {
                at = Instant.parse(after.sortValue());
            } catch (java.time.format.DateTimeParseException e) {
                throw io.rhythm.platform.web.problem.ApiException.invalid("cursor", "is not a cursor issued by this API");
            }
            sql.append(" and (at, id) < (?, ?)");
            values.add(Timestamp.from(at));
            values.add(after.uuid());
        }
        sql.append(" order by at desc, id desc limit ?");
        values.add(query.page().fetchSize());
        List<AuditEntry> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                select.setObject(i + 1, values.get(i));
            }
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new AuditEntry(result.getObject("id", UUID.class), result.getTimestamp("at").toInstant(),
                            result.getString("actor_kind"), result.getString("actor_subject"),
                            result.getString("actor_username"), strings(result.getArray("roles")),
                            result.getString("method"), result.getString("route"),
                            strings(result.getArray("target_ids")), result.getInt("status"),
                            result.getString("correlation_id")));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the audit log failed", e);
        }
        return Page.of(rows, query.page(), row -> new Cursor(row.at().toString(), row.id().toString()), row -> row);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
