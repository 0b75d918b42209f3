package io.rhythm.gateway.edge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The verified-token cache ({@link VerifiedTokenIdentities}); its own mapping, since every property under
 * {@code rhythm.gateway} must map to one.
 */
@ConfigMapping(prefix = "rhythm.gateway.token-cache")
public interface TokenCacheConfig {

    @WithDefault("true")
    boolean enabled();

    /** How long a verified token is remembered at most (its exp comes first when sooner). */
    @WithDefault("30s")
    Duration ttl();

    /** Tokens remembered at most. */
    @WithDefault("10000")
    long maxSize();
}
