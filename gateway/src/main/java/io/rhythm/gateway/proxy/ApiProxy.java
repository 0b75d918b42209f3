package io.rhythm.gateway.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rhythm.platform.web.correlation.CorrelationId;
import io.rhythm.platform.web.problem.ProblemType;
import io.rhythm.platform.web.problem.RoutingProblems;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import io.quarkus.runtime.configuration.MemorySize;
import io.rhythm.gateway.audit.RouteTemplates;
import io.rhythm.gateway.ratelimit.RateLimitFilter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Forwards {@code /api/v1/<area>/**} to the service that owns the area, with the caller's bearer
 * token (each service validates it again: zero trust), the correlation id and the usual
 * {@code X-Forwarded-*} headers. An unknown area is a 404 problem, an unreachable service a 502,
 * a slow one a 504.
 * <p>
 * <b>Performance</b> (bench/run-gateway.sh, README "Gateway overhead"): one HTTP client per event-loop thread, so a
 * request's upstream connection lives on the event loop that serves the request (no hand-over between threads, which
 * costs a scheduler wake-up per request on a busy machine), each with a keep-alive pool of
 * {@code rhythm.gateway.max-connections} connections per service (Vert.x's default of 5 capped concurrency: 16
 * callers queued behind 5 upstream connections).
 */
@ApplicationScoped
public class ApiProxy {

    private static final Logger LOG = Logger.getLogger(ApiProxy.class);
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length");

    @Inject
    Vertx vertx;
    @Inject
    RouteTable routes;
    @Inject
    ServiceUrls services;
    @Inject
    ObjectMapper mapper;
    /** Larger bodies are refused (413) before being read whole; the request guard refuses a larger Content-Length. */
    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "4M")
    MemorySize maxBody;

    /** One client per event-loop thread (see the class comment). */
    private final ConcurrentHashMap<Thread, HttpClient> clients = new ConcurrentHashMap<>();

    private HttpClient client() {
        return clients.computeIfAbsent(Thread.currentThread(), thread -> vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true).setConnectTimeout(2_000),
                new PoolOptions().setHttp1MaxSize(routes.maxConnections())));
    }

    void register(@Observes Router router) {
        router.route("/api/v1/*").handler(BodyHandler.create().setBodyLimit(maxBody.asLongValue()));
        router.route("/api/v1/*").handler(this::forward);
        // a chunked body (no Content-Length for the request guard to check) over the limit
        router.route("/api/v1/*").failureHandler(context -> {
            if (context.statusCode() == 413) {
                context.response().putHeader("Connection", "close");
                problem(context, ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than the "
                        + maxBody.asLongValue() + " bytes accepted");
            } else {
                context.next();
            }
        });
    }

    private void forward(RoutingContext context) {
        String path = context.request().path();
        if (io.rhythm.gateway.views.ViewRoutes.serves(path)) {
            context.next(); // a composed view: answered by io.rhythm.gateway.views.ViewResource
            return;
        }
        if (!routes.isPublic(path) && isAnonymous(context)) {
            context.response().putHeader("WWW-Authenticate", "Bearer realm=\"rhythm\"");
            problem(context, ProblemType.UNAUTHORIZED,
                    "A bearer token is required (Authorization: Bearer <access token from realm rhythm>)");
            return;
        }
        if (routes.serviceFor(path).filter(RouteTable.GATEWAY::equals).isPresent()) {
            context.next(); // an area the gateway answers itself (its REST resources)
            return;
        }
        var service = routes.serviceFor(path).filter(name -> services.all().containsKey(name));
        if (service.isEmpty()) {
            problem(context, ProblemType.NOT_FOUND, "No API area serves " + path + "; known areas: "
                    + new TreeSet<>(routes.routes().keySet()));
            return;
        }
        URI base = services.all().get(service.get()).url();
        RequestOptions options = new RequestOptions()
                .setMethod(context.request().method())
                .setHost(base.getHost())
                .setPort(base.getPort())
                .setURI(context.request().uri())
                .setTimeout(routes.timeout().toMillis());
        context.request().headers().forEach(header -> {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase())) {
                options.addHeader(header.getKey(), header.getValue());
            }
        });
        String correlationId = context.get(CorrelationId.MDC_KEY);
        if (correlationId != null) {
            options.putHeader(CorrelationId.HEADER, correlationId);
        }
        options.putHeader("X-Forwarded-Host", context.request().authority() == null ? "" : context.request().authority().toString());
        options.putHeader("X-Forwarded-Proto", context.request().scheme());
        // the client as found through the trusted proxies (RateLimitFilter), else the peer
        String clientAddress = context.get(RateLimitFilter.CLIENT_ADDRESS);
        options.putHeader("X-Forwarded-For", clientAddress != null ? clientAddress
                : context.request().remoteAddress() == null ? "" : context.request().remoteAddress().hostAddress());

        Buffer body = context.body() == null ? null : context.body().buffer();
        client().request(options)
                .compose(request -> body == null || body.length() == 0 ? request.send() : request.send(body))
                .compose(response -> response.body().map(payload -> new Answer(response, payload)))
                .onSuccess(answer -> relay(context, answer, base))
                .onFailure(failure -> {
                    boolean timeout = failure instanceof java.util.concurrent.TimeoutException
                            || String.valueOf(failure.getMessage()).contains("timeout");
                    // the route's shape only: a public path holds a secret token
                    LOG.warnf("%s %s → %s failed: %s", context.request().method(),
                            RouteTemplates.fallback(path).template(), service.get(), failure.toString());
                    problem(context, timeout ? ProblemType.SERVICE_UNAVAILABLE : ProblemType.BAD_GATEWAY,
                            service.get() + "-service " + (timeout ? "did not answer in time" : "is unreachable")
                                    + "; retry later", timeout ? 504 : 502);
                });
    }

    private void relay(RoutingContext context, Answer answer, URI base) {
        if (context.response().ended()) {
            return;
        }
        var response = context.response().setStatusCode(answer.response().statusCode());
        answer.response().headers().forEach(header -> {
            String name = header.getKey().toLowerCase();
            if (HOP_BY_HOP.contains(name) || name.equals(CorrelationId.HEADER.toLowerCase())) {
                return;
            }
            String value = header.getValue();
            if (name.equals("location")) {
                value = relative(value, base);
            }
            response.putHeader(header.getKey(), value);
        });
        response.end(answer.payload());
    }

    /** Invalid tokens never get here (proactive authentication refuses them); a missing one does. */
    private static boolean isAnonymous(RoutingContext context) {
        return !(context.user() instanceof QuarkusHttpUser user) || user.getSecurityIdentity().isAnonymous();
    }

    /** A downstream's absolute Location becomes a path on the gateway. */
    static String relative(String location, URI base) {
        try {
            URI uri = URI.create(location);
            if (uri.isAbsolute() && base.getHost().equals(uri.getHost()) && base.getPort() == uri.getPort()) {
                return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            }
        } catch (IllegalArgumentException e) {
            // not a URI: leave as is
        }
        return location;
    }

    private void problem(RoutingContext context, ProblemType type, String detail) {
        problem(context, type, detail, type.status());
    }

    private void problem(RoutingContext context, ProblemType type, String detail, int status) {
        RoutingProblems.respond(context, mapper, type, status, detail, java.util.List.of());
    }

    private record Answer(HttpClientResponse response, Buffer payload) {
    }
}
