package io.rhythm.platform.probe;

import io.agroal.api.AgroalDataSource;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.payload.ProbeRecorded;
import io.rhythm.platform.idempotency.IdempotentRequests;
import io.rhythm.platform.outbox.OutboxWriter;
import io.rhythm.platform.web.paging.Cursor;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.Versions;
import io.rhythm.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Test-only endpoint using every platform mechanism the way a service does. */
@Path("/api/v1/probes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProbeResource {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    OutboxWriter outbox;
    @Inject
    IdempotentRequests idempotent;

    @POST
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
    public Response create(@HeaderParam(IdempotentRequests.HEADER) String key, @Valid @NotNull ProbeRequest request) {
        return idempotent.execute(key, "POST /api/v1/probes", request, () -> {
            if (find(request.label(), "label") != null) {
                throw ApiException.conflict("a probe labelled '" + request.label() + "' already exists");
            }
            UUID id = UUID.randomUUID();
            update("insert into probe (id, label) values (?, ?)", id, request.label());
            outbox.publish(EventCatalogue.PROBE_RECORDED, id.toString(), new ProbeRecorded(id.toString(), request.label()));
            ProbeView view = find(id, "id");
            return Response.created(URI.create("/api/v1/probes/" + id)).entity(view).tag(Versions.etag(view.version())).build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.AVP, Roles.CSE})
    public Response get(@PathParam("id") UUID id) {
        ProbeView view = require(id);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    public Response rename(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull ProbeRequest request) {
        ProbeView current = require(id);
        Versions.requireMatch(ifMatch, current.version());
        update("update probe set label = ?, version = version + 1 where id = ?", request.label(), id);
        ProbeView view = require(id);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AVP, Roles.CSE})
    public Page<ProbeView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                                @QueryParam("prefix") String prefix) {
        PageRequest page = PageRequest.of(limit, cursor);
        List<ProbeView> rows = new ArrayList<>();
        String sql = "select id, label, version, created_at from probe where label like ? "
                + (page.after() == null ? "" : "and label > ? ") + "order by label limit ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, (prefix == null ? "" : prefix) + "%");
            if (page.after() != null) {
                ps.setString(i++, page.after().sortValue());
            }
            ps.setInt(i, page.fetchSize());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(view(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return Page.of(rows, page, v -> new Cursor(v.label(), v.id()), v -> v);
    }

    @GET
    @Path("/boom")
    @RolesAllowed(Roles.ADMIN)
    public Response boom() {
        throw new IllegalStateException("secret internal detail that must not leak");
    }

    private ProbeView require(UUID id) {
        ProbeView view = find(id, "id");
        if (view == null) {
            throw ApiException.notFound("Probe", id);
        }
        return view;
    }

    private ProbeView find(Object value, String column) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select id, label, version, created_at from probe where " + column + " = ?")) {
            ps.setObject(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? view(rs) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProbeView view(ResultSet rs) throws SQLException {
        Timestamp created = rs.getTimestamp(4);
        return new ProbeView(rs.getString(1), rs.getString(2), rs.getLong(3), created.toInstant());
    }
}
