package io.rhythm.gateway.proxy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

import java.net.URI;
import java.util.Map;

/** Where each service runs ({@code rhythm.services.<name>.url}, env {@code RHYTHM_SERVICES_<NAME>_URL}). */
@ConfigMapping(prefix = "rhythm.services")
public interface ServiceUrls {

    @WithParentName
    Map<String, Service> all();

    interface Service {
        URI url();
    }
}
