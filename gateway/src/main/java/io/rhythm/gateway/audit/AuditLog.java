package io.rhythm.gateway.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rhythm.gateway.edge.ApiCaller;
import io.rhythm.gateway.openapi.MergedOpenApi;
import io.rhythm.platform.web.correlation.CorrelationId;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Records every write ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) under {@code /api/v1/} in the
 * gateway's own database, whatever its outcome (refusals included); reads are not recorded.
 * <p>
 * <b>Asynchronous, not silently lossy.</b> The request only puts the raw facts (method, path, caller, status,
 * correlation id, time) on a bounded in-memory queue when the answer is complete, so the database never slows an
 * answer down or fails it. One writer thread turns them into {@link AuditEntry}s (route template and ids from the
 * merged OpenAPI document) and inserts them in batches. When the database is down the writer keeps its batch and
 * retries with back-off, the queue holding what arrives meanwhile; only when the queue is full
 * ({@code rhythm.audit.queue-size}) is an entry dropped, and then it is logged at ERROR (method, route,
 * status, correlation id) and counted in {@code rhythm_gateway_audit_dropped_total}. At shutdown the queue is
 * drained before the datasource closes. What a crash (kill -9) of the gateway loses is what was queued: at most a
 * few milliseconds of writes in normal operation ({@code rhythm_gateway_audit_queued} shows the backlog).
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class);
    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    /** Early, so that what authentication and the request guard refuse is recorded too. */
    static final int ORDER = -900;
    private static final Duration TEMPLATES_FOR = Duration.ofMinutes(1);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    MergedOpenApi openApi;
    @Inject
    ObjectMapper mapper;
    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "rhythm.audit.queue-size", defaultValue = "10000")
    int queueSize;
    @ConfigProperty(name = "rhythm.audit.batch-size", defaultValue = "200")
    int batchSize;

    private BlockingQueue<Write> queue;
    private Counter dropped;
    private Thread writer;
    private volatile boolean stopping;
    private volatile RouteTemplates templates = RouteTemplates.none();
    private volatile Instant templatesAt = Instant.EPOCH;

    /** The raw facts of one write, taken on the event loop when its answer is complete. */
    record Write(Instant at, ApiCaller caller, String method, String path, int status, String correlationId) {
    }

    void register(@Observes Router router) {
        ensureQueue();
        router.route("/api/v1/*").order(ORDER).handler(this::observe);
    }

    void start(@Observes StartupEvent event) {
        ensureQueue();
        registry.gauge("rhythm_gateway_audit_queued", queue, BlockingQueue::size);
        dropped = registry.counter("rhythm_gateway_audit_dropped_total");
        writer = new Thread(this::drain, "audit-log-writer");
        writer.setDaemon(true);
        writer.start();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        if (writer != null) {
            writer.interrupt();
            try {
                writer.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!queue.isEmpty()) {
            LOG.errorf("%d audit entries could not be written before shutdown", queue.size());
        }
    }

    private synchronized void ensureQueue() {
        if (queue == null) {
            queue = new LinkedBlockingQueue<>(Math.max(1, queueSize));
        }
    }

    void observe(RoutingContext context) {
        if (WRITES.contains(context.request().method())) {
            Instant at = Instant.now();
            String method = context.request().method().name();
            String path = context.request().path();
            context.addEndHandler(ignored -> accept(new Write(at, ApiCaller.of(context), method, path,
                    context.response().getStatusCode(), context.get(CorrelationId.MDC_KEY))));
        }
        context.next();
    }

    void accept(Write write) {
        if (!queue.offer(write)) {
            if (dropped != null) {
                dropped.increment();
            }
            RouteTemplates.Route route = RouteTemplates.fallback(write.path());
            LOG.errorf("audit log queue full (%d): entry dropped: %s %s → %d, correlation id %s",
                    queue.size(), write.method(), route.template(), write.status(), write.correlationId());
        }
    }

    private void drain() {
        List<Write> batch = new ArrayList<>();
        long backoff = 250;
        while (!(stopping && queue.isEmpty() && batch.isEmpty())) {
            try {
                if (batch.isEmpty()) {
                    Write first = stopping ? queue.poll() : queue.poll(1, TimeUnit.SECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, batchSize - 1);
                }
                insert(batch.stream().map(this::entry).toList());
                batch.clear();
                backoff = 250;
            } catch (InterruptedException e) {
                if (!stopping) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } catch (SQLException | RuntimeException e) {
                LOG.errorf("audit log: %d entries not written yet (%s); retrying in %d ms", batch.size(), e.toString(), backoff);
                if (stopping) {
                    LOG.errorf("audit log: giving up on %d entries at shutdown", batch.size() + queue.size());
                    return;
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    // stopping: one more try
                }
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
    }

    AuditEntry entry(Write write) {
        RouteTemplates.Route route = templates().resolve(write.path());
        ApiCaller caller = write.caller();
        return new AuditEntry(UUID.randomUUID(), write.at(), caller.kind().name(), caller.subject(), caller.username(),
                caller.roles(), write.method(), route.template(), route.targetIds(), write.status(), write.correlationId());
    }

    private RouteTemplates templates() {
        if (templatesAt.plus(TEMPLATES_FOR).isBefore(Instant.now()) && !stopping) {
            try {
                templates = RouteTemplates.of(mapper.readTree(openApi.document()));
            } catch (Exception e) {
                LOG.warnf("audit log: no route templates from the merged OpenAPI document (%s); using path shapes", e.toString());
            }
            templatesAt = Instant.now();
        }
        return templates;
    }

    private void insert(List<AuditEntry> entries) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into audit_entry (id, at, actor_kind, actor_subject, actor_username, roles, method, route,
                                              target_ids, status, correlation_id)
                     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (AuditEntry entry : entries) {
                insert.setObject(1, entry.id());
                insert.setTimestamp(2, Timestamp.from(entry.at()));
                insert.setString(3, entry.actorKind());
                insert.setString(4, entry.actorSubject());
                insert.setString(5, entry.actorUsername());
                insert.setArray(6, connection.createArrayOf("text", entry.roles().toArray()));
                insert.setString(7, entry.method());
                insert.setString(8, entry.route());
                insert.setArray(9, connection.createArrayOf("text", entry.targetIds().toArray()));
                insert.setInt(10, entry.status());
                insert.setString(11, entry.correlationId());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
