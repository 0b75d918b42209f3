package io.rhythm.platform.web.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.rhythm.platform.web.problem.ApiException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.Set;

/**
 * The authenticated caller of the current request, as every service sees it: who they are, their
 * roles, and which clients (their portfolio) they may see. Roles are checked with
 * {@code @RolesAllowed} on the endpoint; rows are checked here.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    public String username() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** True when the caller sees every client (AVP and above, marketing, admin). */
    public boolean isPortfolioWide() {
        return Roles.PORTFOLIO_WIDE.stream().anyMatch(identity::hasRole);
    }

    /**
     * The owner a query must be restricted to, or empty when the caller sees the whole portfolio.
     * A caller with no client-facing role gets a restriction that matches no client.
     */
    public Optional<String> portfolioOwner() {
        return isPortfolioWide() ? Optional.empty() : Optional.of(username());
    }

    public boolean canSee(ClientOwnership ownership) {
        if (isPortfolioWide()) {
            return true;
        }
        String me = username();
        return (hasRole(Roles.CSE) && me.equals(ownership.ownerCse()))
                || (hasRole(Roles.CAM) && me.equals(ownership.ownerCam()));
    }

    /**
     * @throws ApiException 404 when the client is outside the caller's portfolio: a CSE learns
     *                      nothing about clients that are not theirs, not even that they exist
     */
    public void requireVisible(ClientOwnership ownership, String what, Object id) {
        if (!canSee(ownership)) {
            throw ApiException.notFound(what, id);
        }
    }
}
