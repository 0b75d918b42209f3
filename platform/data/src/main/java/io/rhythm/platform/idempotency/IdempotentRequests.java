package io.rhythm.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.ProblemType;
import io.rhythm.platform.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} for POST: the first answer to (caller, key) is stored in the same
 * transaction as the effect and replayed for a retry with the same body ({@code Idempotent-Replayed:
 * true}); the same key with another body is a 422; a concurrent twin is a 409 whose effect is rolled
 * back. Without the header the action simply runs.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @Inject
    Caller caller;

    /**
     * @param operation names the endpoint (e.g. {@code POST /api/v1/clients}); part of the request identity
     * @param request   the request body as received; its JSON form is hashed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Response execute(String key, String operation, Object request, Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw ApiException.invalid(HEADER, "must be 1-200 visible ASCII characters");
        }
        String hash = hash(operation, request);
        try (Connection connection = dataSource.getConnection()) {
            Response stored = replay(connection, key, operation, hash);
            if (stored != null) {
                return stored;
            }
            Response response = action.get();
            if (!store(connection, key, operation, hash, response)) {
                throw new ApiException(ProblemType.CONFLICT,
                        "Another request with this Idempotency-Key is being processed; retry it to get its result");
            }
            return response;
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency key store failed", e);
        }
    }

    private Response replay(Connection connection, String key, String operation, String hash) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select operation, request_hash, status, response_body, location from rhythm_idempotency_key where caller = ? and idem_key = ?")) {
            select.setString(1, caller.username());
            select.setString(2, key);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                if (!rs.getString(1).equals(operation) || !rs.getString(2).equals(hash)) {
                    throw new ApiException(ProblemType.UNPROCESSABLE,
                            "This Idempotency-Key was already used for a different request; use a new key");
                }
                Response.ResponseBuilder builder = Response.status(rs.getInt(3)).header(REPLAYED_HEADER, "true");
                String body = rs.getString(4);
                if (body != null) {
                    builder.entity(body).type(MediaType.APPLICATION_JSON);
                }
                String location = rs.getString(5);
                if (location != null) {
                    builder.location(URI.create(location));
                }
                return builder.build();
            }
        }
    }

    private boolean store(Connection connection, String key, String operation, String hash, Response response)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into rhythm_idempotency_key (caller, idem_key, operation, request_hash, status, response_body, location)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")) {
            insert.setString(1, caller.username());
            insert.setString(2, key);
            insert.setString(3, operation);
            insert.setString(4, hash);
            insert.setInt(5, response.getStatus());
            insert.setString(6, response.hasEntity() ? json(response.getEntity()) : null);
            insert.setString(7, response.getLocation() == null ? null : response.getLocation().toString());
            return insert.executeUpdate() == 1;
        }
    }

    private String hash(String operation, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(operation.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(json(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(Object value) {
        try {
            return value instanceof String s ? s : mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getName(), e);
        }
    }
}
