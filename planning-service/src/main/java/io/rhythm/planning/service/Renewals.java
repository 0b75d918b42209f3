package io.rhythm.planning.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import io.rhythm.planning.api.RenewalOutcomeRequest;
import io.rhythm.planning.domain.Renewal;
import io.rhythm.planning.domain.RenewalStatus;
import io.rhythm.planning.domain.RenewalWindow;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.DirectoryEntry;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.payload.Money;
import io.rhythm.platform.events.payload.RenewalOutcomeRecorded;
import io.rhythm.platform.events.payload.RenewalWindowOpened;
import io.rhythm.platform.outbox.OutboxWriter;
import io.rhythm.platform.web.paging.Cursor;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.Versions;
import io.rhythm.platform.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Renewals from each client's contract end date (the registry's renewal date): the list of renewals due
 * within N days of a date, the daily opening of renewal windows 90 days ahead (publishing
 * RenewalWindowOpened once per client and end date), and outcomes (once per renewal,
 * publishing RenewalOutcomeRecorded, which health-service keeps as the ground truth of its backtests).
 */
@ApplicationScoped
public class Renewals {

    /** A renewal due in the window, opened or not yet. */
    public record Due(UUID clientId, String clientName, String ownerCse, String ownerCam, LocalDate contractEnd,
                      LocalDate kickoffDate, long daysRemaining, BigDecimal revenue, String currency, UUID renewalId,
                      String status, Integer healthScore, boolean attritionOnRegister, boolean atRisk) {
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ClientDirectory directory;
    @Inject
    OutboxWriter outbox;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    public Page<Due> due(LocalDate asOf, int withinDays, PageRequest page) {
        return due(asOf, withinDays, null, page);
    }

    /** The renewals due in the window, of one client when {@code clientId} is given (row level as always). */
    public Page<Due> due(LocalDate asOf, int withinDays, UUID clientId, PageRequest page) {
        StringBuilder sql = new StringBuilder("""
                select d.client_id, d.name, d.owner_cse, d.owner_cam, d.renewal_date, d.arr_amount, d.arr_currency,
                       r.id, r.status, h.score,
                       exists (select 1 from plan_risk k where k.client_id = d.client_id and k.status in ('CONFIRMED', 'AT_RISK'))
                from client_directory d
                left join renewal r on r.client_id = d.client_id and r.contract_end = d.renewal_date
                left join client_health h on h.client_id = d.client_id
                where d.renewal_date between ? and ?""");
        List<Object> args = new ArrayList<>(List.of(Date.valueOf(asOf), Date.valueOf(asOf.plusDays(withinDays))));
        caller.portfolioOwner().ifPresent(me -> {
            sql.append(" and (d.owner_cse = ? or d.owner_cam = ?)");
            args.add(me);
            args.add(me);
        });
        if (clientId != null) {
            sql.append(" and d.client_id = ?");
            args.add(clientId);
        }
        if (page.after() != null) {
            sql.append(" and (d.renewal_date, d.client_id) > (?, ?)");
            args.add(Date.valueOf(page.after().sortDate()));
            args.add(page.after().uuid());
        }
        sql.append(" order by d.renewal_date, d.client_id limit ?");
        args.add(page.fetchSize());
        List<Due> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate end = rs.getDate(5).toLocalDate();
                    RenewalWindow window = new RenewalWindow(end);
                    Integer score = rs.getObject(10) == null ? null : rs.getInt(10);
                    boolean attrition = rs.getBoolean(11);
                    rows.add(new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), end,
                            window.kickoff(), window.daysRemaining(asOf), rs.getBigDecimal(6), rs.getString(7),
                            rs.getObject(8, UUID.class), rs.getString(9) == null ? "NOT_OPENED" : rs.getString(9), score,
                            attrition, RenewalWindow.atRisk(score, attrition)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list renewals", e);
        }
        return Page.of(rows, page, d -> new Cursor(d.contractEnd().toString(), d.clientId().toString()), d -> d);
    }

    @Scheduled(every = "${rhythm.renewals.check-every:1h}", delayed = "${rhythm.renewals.check-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void openDueToday() {
        openDue(LocalDate.now(clock));
    }

    /**
     * Opens the renewal of every client whose window has opened by {@code asOf} and whose contract has not
     * ended: exactly once per client and contract end date (a unique key), with RenewalWindowOpened.
     */
    @Transactional
    public List<Renewal> openDue(LocalDate asOf) {
        List<UUID> clients = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select d.client_id from client_directory d
                where d.renewal_date is not null and d.renewal_date >= ? and d.renewal_date - ? <= ?
                  and not exists (select 1 from renewal r where r.client_id = d.client_id and r.contract_end = d.renewal_date)
                order by d.renewal_date, d.client_id""")) {
            ps.setDate(1, Date.valueOf(asOf));
            ps.setInt(2, RenewalWindow.DAYS_AHEAD);
            ps.setDate(3, Date.valueOf(asOf));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    clients.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot find renewals to open", e);
        }
        List<Renewal> opened = new ArrayList<>();
        for (DirectoryEntry client : directory.findAll(clients).values()) {
            if (insertOnce(client)) {
                Renewal renewal = Renewal.find("clientId = ?1 and contractEnd = ?2", client.clientId(), client.renewalDate()).firstResult();
                outbox.publish(EventCatalogue.RENEWAL_WINDOW_OPENED, client.clientId().toString(), new RenewalWindowOpened(
                        renewal.id.toString(), client.clientId().toString(), renewal.contractEnd.toString(),
                        renewal.kickoffDate.toString(), (int) Math.max(0, new RenewalWindow(renewal.contractEnd).daysRemaining(asOf)),
                        money(renewal.revenue, renewal.currency),
                        client.ownerCse(), client.ownerCam()));
                opened.add(renewal);
            }
        }
        return opened;
    }

    /** Records the renewal's outcome once; requires If-Match. */
    @Transactional
    public Renewal recordOutcome(UUID id, String ifMatch, RenewalOutcomeRequest request) {
        Renewal renewal = Renewal.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (renewal == null) {
            throw ApiException.notFound("Renewal", id);
        }
        directory.requireVisible(renewal.clientId, caller);
        Versions.requireMatch(ifMatch, renewal.version);
        if (renewal.status.decided()) {
            throw ApiException.conflict("the renewal's outcome is already recorded: " + renewal.status);
        }
        if (request.outcome() == RenewalStatus.OPEN) {
            throw ApiException.invalid("outcome", "must be RENEWED, RENEWED_WITH_CHANGE or CHURNED");
        }
        if (request.newAnnualRevenue() != null) {
            if (renewal.currency == null) {
                renewal.currency = request.newAnnualRevenue().currency();
            } else if (!renewal.currency.equals(request.newAnnualRevenue().currency())) {
                throw ApiException.invalid("newAnnualRevenue.currency", "must be the renewal's currency " + renewal.currency);
            }
        }
        decide(renewal, request.outcome(), request.newAnnualRevenue() == null ? null : request.newAnnualRevenue().amount(),
                request.riskAssessment(), caller.username());
        return renewal;
    }

    /**
     * Records an open renewal's outcome and publishes RenewalOutcomeRecorded through the outbox, in the caller's
     * transaction; the caller has checked the renewal is open and the outcome valid.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void decide(Renewal renewal, RenewalStatus outcome, BigDecimal outcomeRevenue, String riskAssessment, String decidedBy) {
        renewal.status = outcome;
        renewal.outcomeRevenue = outcomeRevenue;
        renewal.riskAssessment = riskAssessment == null ? renewal.riskAssessment : riskAssessment.strip();
        renewal.outcomeAt = Instant.now(clock);
        renewal.outcomeBy = decidedBy;
        renewal.version++;
        outbox.publish(EventCatalogue.RENEWAL_OUTCOME_RECORDED, renewal.clientId.toString(), new RenewalOutcomeRecorded(
                renewal.id.toString(), renewal.clientId.toString(), renewal.status.name(), renewal.contractEnd,
                money(renewal.revenue, renewal.currency), money(renewal.outcomeRevenue, renewal.currency),
                renewal.outcomeAt, renewal.outcomeBy));
    }

    private static Money money(BigDecimal amount, String currency) {
        return amount == null || currency == null ? null : Money.of(amount, currency);
    }

    public Renewal visible(UUID id) {
        Renewal renewal = Renewal.findById(id);
        if (renewal == null) {
            throw ApiException.notFound("Renewal", id);
        }
        DirectoryEntry client = directory.find(renewal.clientId).orElseThrow(() -> ApiException.notFound("Renewal", id));
        caller.requireVisible(client.ownership(), "Renewal", id);
        return renewal;
    }

    private boolean insertOnce(DirectoryEntry client) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into renewal (id, client_id, contract_end, kickoff_date, revenue_amount, currency, status, opened_at)
                values (?, ?, ?, ?, ?, ?, 'OPEN', ?) on conflict (client_id, contract_end) do nothing""")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, client.clientId());
            ps.setDate(3, Date.valueOf(client.renewalDate()));
            ps.setDate(4, Date.valueOf(new RenewalWindow(client.renewalDate()).kickoff()));
            ps.setBigDecimal(5, client.arrAmount());
            ps.setString(6, client.arrCurrency());
            ps.setTimestamp(7, java.sql.Timestamp.from(Instant.now(clock)));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the renewal of client " + client.clientId(), e);
        }
    }
}
