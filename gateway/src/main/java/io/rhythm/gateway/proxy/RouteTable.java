package io.rhythm.gateway.proxy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Which service owns each API area ({@code rhythm.gateway.routes.<area>=<service>}). */
@ConfigMapping(prefix = "rhythm.gateway")
public interface RouteTable {

    /** The owner of an area the gateway answers itself ({@code rhythm.gateway.routes.audit=gateway}). */
    String GATEWAY = "gateway";

    /** Area → service name, e.g. {@code clients → health}. */
    Map<String, String> routes();

    /** How long a downstream call may take. */
    Duration timeout();

    /** Upstream keep-alive connections per service and event loop, at most (see {@link ApiProxy}). */
    @WithDefault("64")
    int maxConnections();

    /** Path prefixes callers may use without a bearer token. */
    java.util.List<String> publicPaths();

    default boolean isPublic(String path) {
        return publicPaths().stream().anyMatch(path::startsWith);
    }

    /** The service name for {@code /api/v1/<area>/...}, if the area is known. */
    default Optional<String> serviceFor(String path) {
        String prefix = "/api/v1/";
        if (!path.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = path.substring(prefix.length());
        int slash = rest.indexOf('/');
        return Optional.ofNullable(routes().get(slash < 0 ? rest : rest.substring(0, slash)));
    }
}
