package io.rhythm.segmentation.service;

import io.agroal.api.AgroalDataSource;
import io.rhythm.platform.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The clients of the local directory a caller may see (CSEs and CAMs: those they own, as in
 * {@code ClientDirectory.portfolio}), by name, for the aggregate views.
 */
@ApplicationScoped
public class Portfolio {

    @Inject
    AgroalDataSource dataSource;

    public record Member(UUID clientId, String name, String ownerCse, String ownerCam) {
    }

    /** Every client of the directory (system scans). */
    public List<Member> all() {
        return query(new StringBuilder("select client_id, name, owner_cse, owner_cam from client_directory order by name, client_id"), List.of());
    }

    /** Optionally narrowed to one owner (CSE or CAM username). */
    public List<Member> visible(Caller caller, String owner) {
        Filter filter = filter(caller, owner, "");
        return query(new StringBuilder("select client_id, name, owner_cse, owner_cam from client_directory where true")
                .append(filter.sql()).append(" order by name, client_id"), filter.args());
    }

    /**
     * The condition on {@code client_directory} (alias {@code alias}, or none when empty) that {@link #visible} applies:
     * {@code " and ..."} with its JDBC parameters, for aggregates that read the same clients in SQL.
     */
    public record Filter(String sql, List<String> args) {

        /** The same clients narrowed to the one client {@code clientId}. */
        public Filter andClient(UUID clientId, String alias) {
            List<String> more = new ArrayList<>(args);
            more.add(clientId.toString());
            return new Filter(sql + " and " + (alias.isEmpty() ? "" : alias + ".") + "client_id = ?::uuid", List.copyOf(more));
        }
    }

    public Filter filter(Caller caller, String owner, String alias) {
        String column = alias.isEmpty() ? "" : alias + ".";
        StringBuilder sql = new StringBuilder();
        List<String> args = new ArrayList<>();
        caller.portfolioOwner().ifPresent(me -> {
            sql.append(" and (").append(column).append("owner_cse = ? or ").append(column).append("owner_cam = ?)");
            args.add(me);
            args.add(me);
        });
        if (owner != null) {
            sql.append(" and (").append(column).append("owner_cse = ? or ").append(column).append("owner_cam = ?)");
            args.add(owner);
            args.add(owner);
        }
        return new Filter(sql.toString(), List.copyOf(args));
    }

    private List<Member> query(StringBuilder sql, List<String> args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setString(i + 1, args.get(i));
            }
            List<Member> members = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    members.add(new Member(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return members;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the client directory", e);
        }
    }
}
