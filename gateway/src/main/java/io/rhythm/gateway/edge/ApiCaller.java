package io.rhythm.gateway.edge;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.rhythm.platform.web.security.Roles;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is calling the gateway, as far as rate limits and the audit log need it: a person (a realm user), an
 * integration client (a machine with role {@code integration}, named by its client id) or nobody (no token: the
 * public routes). Only ids and realm roles: never the token itself nor any claim holding personal data beyond
 * the username.
 */
public record ApiCaller(Kind kind, String subject, String username, List<String> roles) {

    public enum Kind { PERSON, INTEGRATION, ANONYMOUS }

    public static final ApiCaller ANONYMOUS = new ApiCaller(Kind.ANONYMOUS, null, "anonymous", List.of());

    private static final Set<String> REALM_ROLES = new TreeSet<>(Set.of(Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP,
            Roles.EVP, Roles.MARKETING, Roles.ADMIN, Roles.INTEGRATION));

    public static ApiCaller of(RoutingContext context) {
        if (!(context.user() instanceof QuarkusHttpUser user) || user.getSecurityIdentity().isAnonymous()) {
            return ANONYMOUS;
        }
        return of(user.getSecurityIdentity());
    }

    static ApiCaller of(SecurityIdentity identity) {
        List<String> roles = identity.getRoles().stream().filter(REALM_ROLES::contains).sorted().toList();
        String subject = identity.getPrincipal().getName();
        String username = subject;
        boolean machine = roles.contains(Roles.INTEGRATION) && roles.stream().noneMatch(Roles.PEOPLE::contains);
        String clientId = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            subject = jwt.getSubject() == null ? subject : jwt.getSubject();
            Object preferred = jwt.getClaim(Claims.preferred_username);
            username = preferred == null ? username : preferred.toString();
            if (machine) {
                clientId = clientId(jwt);
            }
        }
        if (machine) {
            String name = clientId == null ? username : clientId;
            return new ApiCaller(Kind.INTEGRATION, subject, name, roles);
        }
        return new ApiCaller(Kind.PERSON, subject, username, roles);
    }

    /**
     * An integration's client id: {@code azp} (Keycloak's client-credentials tokens carry it; it equals their
     * {@code client_id}), else {@code client_id}. Asked only of integrations, and a non-standard claim last: smallrye-jwt
     * looks every claim name up with {@code Claims.valueOf}, and a name outside that enum costs a thrown
     * IllegalArgumentException with its stack trace — once per request, when it was asked of every caller (JFR:
     * 13,786 in 145 s of the gateway bench).
     */
    private static String clientId(JsonWebToken jwt) {
        Object azp = jwt.getClaim(Claims.azp);
        if (azp != null) {
            return azp.toString();
        }
        Object client = jwt.getClaimNames() != null && jwt.getClaimNames().contains("client_id") ? jwt.getClaim("client_id") : null;
        return client == null ? null : client.toString();
    }

    /** The key a rate limit counts this caller under (the token subject, or the client id of an integration). */
    public String limitKey() {
        return switch (kind) {
            case PERSON -> "user:" + subject;
            case INTEGRATION -> "client:" + username;
            case ANONYMOUS -> throw new IllegalStateException("anonymous callers are limited per address");
        };
    }
}
