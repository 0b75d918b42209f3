package io.rhythm.platform.clients;

import io.agroal.api.AgroalDataSource;
import io.rhythm.platform.events.payload.ContactUpserted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Reads and maintains the local projection of client contacts. */
@ApplicationScoped
public class ContactDirectory {

    private static final String COLUMNS = "contact_id, client_id, name, email, title, department, stakeholder_roles, "
            + "subscribed, active, version";

    /** Out-of-order safe: an older version never overwrites a newer one. */
    private static final String UPSERT = """
            insert into contact_directory (contact_id, client_id, name, email, title, department, stakeholder_roles,
                subscribed, active, version, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
            on conflict (contact_id) do update set client_id = excluded.client_id, name = excluded.name,
                email = excluded.email, title = excluded.title, department = excluded.department,
                stakeholder_roles = excluded.stakeholder_roles, subscribed = excluded.subscribed,
                active = excluded.active, version = excluded.version, updated_at = now()
            where contact_directory.version < excluded.version""";

    @Inject
    AgroalDataSource dataSource;

    public boolean apply(ContactUpserted contact) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setObject(1, UUID.fromString(contact.contactId()));
            ps.setObject(2, UUID.fromString(contact.clientId()));
            ps.setString(3, contact.name());
            ps.setString(4, contact.email());
            ps.setString(5, contact.title());
            ps.setString(6, contact.department());
            ps.setArray(7, c.createArrayOf("text", contact.stakeholderRoles().toArray()));
            ps.setBoolean(8, contact.subscribed());
            ps.setBoolean(9, contact.active());
            ps.setLong(10, contact.version());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update contact directory", e);
        }
    }

    /** A client's current contacts (active ones unless asked otherwise), by name. */
    public List<ContactEntry> ofClient(UUID clientId, boolean includeInactive) {
        return query("select " + COLUMNS + " from contact_directory where client_id = ?"
                + (includeInactive ? "" : " and active") + " order by name, contact_id", clientId);
    }

    /** Contacts with this email (case-insensitive), for matching survey answers and imports. */
    public List<ContactEntry> byEmail(String email) {
        return query("select " + COLUMNS + " from contact_directory where lower(email) = ? order by client_id, contact_id",
                email.strip().toLowerCase(Locale.ROOT));
    }

    private List<ContactEntry> query(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<ContactEntry> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Array roles = rs.getArray(7);
                    rows.add(new ContactEntry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6),
                            roles == null ? List.of() : Arrays.asList((String[]) roles.getArray()),
                            rs.getBoolean(8), rs.getBoolean(9), rs.getLong(10)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read contact directory", e);
        }
    }
}
