package io.rhythm.gateway.edge;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's cache of verified bearer tokens ({@link VerifiedTokenCache}), wired into Quarkus security:
 * <ul>
 *   <li>as an {@link IdentityProvider} for bearer tokens with a higher priority than the OIDC provider: a token found
 *       in the cache is answered with the identity it was verified to be; any other token gets {@code null}, which
 *       makes Quarkus ask the next provider, the OIDC one, that verifies it (signature against the realm's keys,
 *       issuer, expiry) and refuses a bad one;</li>
 *   <li>as a {@link SecurityIdentityAugmentor} ({@link Remember}), run on the identity the OIDC provider has just
 *       produced — so only verified tokens are stored — before any other augmentor.</li>
 * </ul>
 * Per-request attributes of the identity (its routing context, its request context) are not kept: a cached identity is
 * given the current request's. {@code rhythm.gateway.token-cache.enabled=false} turns it off.
 */
@ApplicationScoped
public class VerifiedTokenIdentities implements IdentityProvider<TokenAuthenticationRequest> {

    /** Marks an identity answered from the cache (so it is not stored again). */
    static final String FROM_CACHE = "rhythm.token-cache";
    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    private static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();

    @Inject
    TokenCacheConfig config;

    private volatile VerifiedTokenCache<SecurityIdentity> cache;

    private VerifiedTokenCache<SecurityIdentity> cache() {
        if (cache == null) {
            synchronized (this) {
                if (cache == null) {
                    cache = new VerifiedTokenCache<>(config.maxSize(), config.ttl(), InstantSource.system());
                }
            }
        }
        return cache;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before the OIDC provider (default priority 1001). */
    @Override
    public int priority() {
        return 5000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!config.enabled() || request.getToken() == null || !(request.getToken() instanceof AccessTokenCredential)) {
            return Uni.createFrom().nullItem();
        }
        Optional<SecurityIdentity> known = cache().get(request.getToken().getToken());
        if (known.isEmpty()) {
            return Uni.createFrom().nullItem(); // → the OIDC provider verifies it
        }
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder(known.get())
                .addAttribute(FROM_CACHE, Boolean.TRUE)
                .addAttribute(REQUEST_CONTEXT, context);
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing != null) {
            identity.addAttribute(ROUTING_CONTEXT, routing);
        }
        return Uni.createFrom().item(identity.build());
    }

    /** Stores an identity the OIDC provider has just verified (see the class comment). */
    void remember(SecurityIdentity identity) {
        if (!config.enabled() || identity.isAnonymous() || identity.getAttribute(FROM_CACHE) != null
                || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null || token.getToken() == null || token.isOpaque()) {
            return;
        }
        Map<String, Object> attributes = new HashMap<>(identity.getAttributes());
        attributes.remove(ROUTING_CONTEXT);
        attributes.remove(REQUEST_CONTEXT);
        SecurityIdentity kept = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .addAttributes(attributes)
                .addPermissions(identity.getPermissions())
                .build();
        cache().put(token.getToken(), jwt.getExpirationTime(), kept);
    }

    /** Runs first of the augmentors, on identities the providers produced; stores the OIDC-verified ones. */
    @ApplicationScoped
    public static class Remember implements SecurityIdentityAugmentor {

        @Inject
        VerifiedTokenIdentities identities;

        @Override
        public int priority() {
            return Integer.MAX_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            identities.remember(identity);
            return Uni.createFrom().item(identity);
        }
    }
}
