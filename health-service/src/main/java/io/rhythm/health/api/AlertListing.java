package io.rhythm.health.api;

import io.rhythm.health.alerts.Alert;
import io.rhythm.health.alerts.AlertQuery;
import io.rhythm.health.alerts.Alerts;
import io.rhythm.health.domain.alerts.AlertStatus;
import io.rhythm.health.domain.alerts.AlertType;
import io.rhythm.health.domain.alerts.Severity;
import io.rhythm.platform.web.paging.Cursor;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** Pages of alerts within the caller's portfolio, newest first: behind both alert collections. */
@ApplicationScoped
public class AlertListing {

    @Inject
    Alerts alerts;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    public Page<AlertView> page(AlertStatus status, Severity severity, AlertType type, String owner, UUID clientId, boolean breached,
                         Integer limit, String cursor) {
        return page(status, severity, type, owner, clientId, breached, false, PageRequest.of(limit, cursor));
    }

    /** One client's alerts that are not RESOLVED, newest first (at most {@code page}'s limit; nextCursor when more). */
    public Page<AlertView> open(UUID clientId, PageRequest page) {
        return page(null, null, null, null, clientId, false, true, page);
    }

    private Page<AlertView> page(AlertStatus status, Severity severity, AlertType type, String owner, UUID clientId,
                                 boolean breached, boolean openOnly, PageRequest page) {
        Instant afterRaisedAt = null;
        UUID afterId = null;
        if (page.after() != null) {
            try {
                afterRaisedAt = Instant.parse(page.after().sortValue());
            } catch (DateTimeParseException e) {
                throw ApiException.invalid("cursor", "is not a cursor issued by this API; use nextCursor from the previous page");
            }
            afterId = page.after().uuid();
        }
        Instant now = Instant.now(clock);
        List<Alert> rows = alerts.list(new AlertQuery(status, severity, type, owner == null || owner.isBlank() ? null : owner,
                clientId, breached, openOnly, caller.portfolioOwner().orElse(null), afterRaisedAt, afterId, page.fetchSize()), now);
        return Page.of(rows, page, a -> new Cursor(a.raisedAt().toString(), a.id().toString()), a -> AlertView.of(a, now));
    }

}
