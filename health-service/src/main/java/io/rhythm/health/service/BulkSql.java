package io.rhythm.health.service;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

/**
 * Set-based SQL over the transaction's JDBC connection for the hot paths (signal ingest, recompute):
 * many clients per statement through PostgreSQL arrays ({@code = any(?)}, {@code unnest(?, ?)}) instead
 * of one statement per client.
 */
final class BulkSql {

    /** One result row, columns numbered from 1. */
    interface Row {
        UUID uuid(int column) throws SQLException;

        String string(int column) throws SQLException;

        long getLong(int column) throws SQLException;

        int getInt(int column) throws SQLException;

        double getDouble(int column) throws SQLException;

        boolean getBoolean(int column) throws SQLException;

        Date getDate(int column) throws SQLException;

        java.sql.Timestamp getTimestamp(int column) throws SQLException;

        boolean isNull(int column) throws SQLException;
    }

    @FunctionalInterface
    interface RowHandler {
        void handle(Row row) throws SQLException;
    }

    private final Connection connection;

    BulkSql(Connection connection) {
        this.connection = connection;
    }

    Array uuids(Collection<UUID> ids) throws SQLException {
        return connection.createArrayOf("uuid", ids.toArray());
    }

    Array longs(Collection<Long> values) throws SQLException {
        return connection.createArrayOf("bigint", values.toArray());
    }

    Array array(String type, Collection<?> values) throws SQLException {
        return connection.createArrayOf(type, values.toArray());
    }

    void query(String sql, RowHandler handler, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet rows = statement.executeQuery()) {
            Row row = new ResultRow(rows);
            while (rows.next()) {
                handler.handle(row);
            }
        }
    }

    int update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private record ResultRow(ResultSet rows) implements Row {
        @Override
        public UUID uuid(int column) throws SQLException {
            return rows.getObject(column, UUID.class);
        }

        @Override
        public String string(int column) throws SQLException {
            return rows.getString(column);
        }

        @Override
        public long getLong(int column) throws SQLException {
            return rows.getLong(column);
        }

        @Override
        public int getInt(int column) throws SQLException {
            return rows.getInt(column);
        }

        @Override
        public double getDouble(int column) throws SQLException {
            return rows.getDouble(column);
        }

        @Override
        public boolean getBoolean(int column) throws SQLException {
            return rows.getBoolean(column);
        }

        @Override
        public Date getDate(int column) throws SQLException {
            return rows.getDate(column);
        }

        @Override
        public java.sql.Timestamp getTimestamp(int column) throws SQLException {
            return rows.getTimestamp(column);
        }

        @Override
        public boolean isNull(int column) throws SQLException {
            rows.getObject(column);
            return rows.wasNull();
        }
    }
}
