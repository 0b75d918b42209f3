package io.rhythm.planning.service;

import io.rhythm.planning.domain.AccountPlan;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.DirectoryEntry;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.util.UUID;

/** Finds a plan the caller may see; a CSE or CAM learns nothing of plans of other people's clients (404). */
@ApplicationScoped
public class PlanAccess {

    @Inject
    ClientDirectory directory;
    @Inject
    Caller caller;

    /** A plan with its client, as the caller may see it. */
    public record VisiblePlan(AccountPlan plan, DirectoryEntry client) {
    }

    public VisiblePlan visible(UUID planId) {
        return find(planId, LockModeType.NONE);
    }

    /** The plan, locked for update. */
    public VisiblePlan writable(UUID planId) {
        return find(planId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Marketing reads plans but no money (registers, forecasts, metrics). */
    public boolean seesMoney() {
        return !caller.hasRole(Roles.MARKETING) || caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.AVP)
                || caller.hasRole(Roles.VP) || caller.hasRole(Roles.EVP);
    }

    public String username() {
        return caller.username();
    }

    private VisiblePlan find(UUID planId, LockModeType lock) {
        AccountPlan plan = AccountPlan.findById(planId, lock);
        if (plan == null) {
            throw ApiException.notFound("Account plan", planId);
        }
        DirectoryEntry client = directory.find(plan.clientId).orElseThrow(() -> ApiException.notFound("Account plan", planId));
        caller.requireVisible(client.ownership(), "Account plan", planId);
        return new VisiblePlan(plan, client);
    }
}
