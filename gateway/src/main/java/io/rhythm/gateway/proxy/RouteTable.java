package io.rhythm.gateway.proxy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Which service owns each API area, and where each service runs. */
@ConfigMapping(prefix = "rhythm")
public interface RouteTable {

    /** Area → service name, e.g. {@code clients → health}. */
    @WithName("gateway.routes")
    Map<String, String> routes();

    @WithName("gateway.timeout")
    Duration timeout();

    /** Service name → base URL. */
    Map<String, Service> services();

    interface Service {
        URI url();
    }

    /** The service for {@code /api/v1/<area>/...}, if the area is known. */
    default Optional<Target> resolve(String path) {
        String prefix = "/api/v1/";
        if (!path.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = path.substring(prefix.length());
        int slash = rest.indexOf('/');
        String area = slash < 0 ? rest : rest.substring(0, slash);
        String service = routes().get(area);
        if (service == null || !services().containsKey(service)) {
            return Optional.empty();
        }
        return Optional.of(new Target(service, services().get(service).url()));
    }

    record Target(String service, URI baseUrl) {
    }
}
