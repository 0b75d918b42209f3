package io.rhythm.nps.service;

import io.rhythm.nps.domain.SurveyCycle;
import io.rhythm.nps.domain.recipients.RecipientCheck;
import io.rhythm.nps.domain.recipients.RecipientIssue;
import io.rhythm.nps.domain.recipients.TenureRule;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.ContactDirectory;
import io.rhythm.platform.clients.ContactEntry;
import io.rhythm.platform.clients.DirectoryEntry;
import io.rhythm.platform.persistence.SqlValues;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Recipient lists of a cycle (seed 000, Appendix A): built per client from the contact directory with
 * a validation report, signed off by the client's CSE or CAM before the recipient-list deadline, then
 * frozen by a leader. Rebuilding a list clears its sign-off (it may have changed); nothing changes
 * after the freeze.
 *
 * <p>Tenure (seed 001: "all active customers (&gt; 90 days tenure)", {@link TenureRule}): a client with 90 days or
 * fewer since its {@code customerSince} at the cycle's open date keeps its list, but every contact on it is excluded
 * with {@link RecipientIssue#TENURE_90_DAYS_OR_LESS} and the list's {@code tenure} says why; a client without a
 * customer-since date is included, its {@code tenure} warning that it is unknown.
 */
@ApplicationScoped
public class RecipientLists {

    private static final Set<String> LEADERS = Set.of(Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN);

    @Inject
    EntityManager em;
    @Inject
    ClientDirectory clients;
    @Inject
    ContactDirectory contacts;
    @Inject
    ClientTenures tenures;
    @Inject
    Clock clock;

    public record Recipient(String contactId, String name, String email, boolean included, List<RecipientIssue> issues) {
    }

    /**
     * @param tenure the client's tenure at the cycle's open date when the list was built, and whether it is surveyed
     *               (null for a list built before the tenure rule)
     */
    public record ClientList(String clientId, String clientName, String ownerCse, String ownerCam, Instant builtAt,
                             String signedOffBy, Instant signedOffAt, TenureRule.Verdict tenure, int included, int excluded,
                             Map<RecipientIssue, Integer> flagged, List<Recipient> recipients) {

        /** By client name (a client without one last), then id: the report's and the CSV export's order. */
        public static final Comparator<ClientList> BY_CLIENT_NAME = Comparator
                .comparing(ClientList::clientName, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
                .thenComparing(ClientList::clientId);
    }

    public record Freeze(Instant frozenAt, String frozenBy, int lists, int signedOff, List<String> notSignedOff) {
    }

    /** Builds (or rebuilds) the lists of one client, or of every client in the caller's portfolio. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ClientList> build(UUID cycleId, UUID clientId, Caller caller) {
        SurveyCycle cycle = openForChanges(cycleId);
        List<DirectoryEntry> targets = new ArrayList<>();
        if (clientId != null) {
            targets.add(clients.requireVisible(clientId, caller));
        } else {
            PageRequest page = PageRequest.of(PageRequest.MAX_LIMIT, null);
            Page<DirectoryEntry> portfolio;
            do {
                portfolio = clients.portfolio(caller, page);
                targets.addAll(portfolio.items());
                page = portfolio.nextCursor() == null ? null : PageRequest.of(PageRequest.MAX_LIMIT, portfolio.nextCursor());
            } while (page != null);
        }
        Instant now = Instant.now(clock);
        List<ClientList> built = new ArrayList<>();
        for (DirectoryEntry client : targets) {
            em.createNativeQuery("delete from recipient_list where cycle_id = ?1 and client_id = ?2")
                    .setParameter(1, cycle.id).setParameter(2, client.clientId()).executeUpdate();
            TenureRule.Verdict tenure = TenureRule.at(tenures.customerSince(client.clientId()).orElse(null), cycle.openDate);
            em.createNativeQuery("""
                            insert into recipient_list (cycle_id, client_id, built_at, customer_since, tenure_days, tenure)
                            values (?1, ?2, ?3, cast(?4 as date), cast(?5 as integer), ?6)""")
                    .setParameter(1, cycle.id).setParameter(2, client.clientId()).setParameter(3, Timestamp.from(now))
                    .setParameter(4, tenure.customerSince() == null ? null : Date.valueOf(tenure.customerSince()))
                    .setParameter(5, tenure.days() == null ? null : (int) Math.max(Integer.MIN_VALUE,
                            Math.min(Integer.MAX_VALUE, tenure.days())))
                    .setParameter(6, tenure.status().name())
                    .executeUpdate();
            for (ContactEntry contact : contacts.ofClient(client.clientId(), false)) {
                RecipientCheck.Verdict verdict = withTenure(RecipientCheck.check(contact.email(), contact.subscribed(),
                        contact.title(), contact.stakeholderRoles()), tenure);
                em.createNativeQuery("""
                                insert into recipient (cycle_id, client_id, contact_id, name, email, included, issues)
                                values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as text[]))""")
                        .setParameter(1, cycle.id).setParameter(2, client.clientId()).setParameter(3, contact.contactId())
                        .setParameter(4, contact.name()).setParameter(5, contact.email()).setParameter(6, verdict.included())
                        .setParameter(7, "{" + String.join(",", verdict.issues().stream().map(Enum::name).toList()) + "}")
                        .executeUpdate();
            }
            built.add(list(cycle.id, client));
        }
        return built;
    }

    /** The lists of the caller's clients (or one client), with the validation report. */
    public List<ClientList> report(UUID cycleId, UUID clientId, Caller caller) {
        requireCycle(cycleId);
        List<ClientList> lists = new ArrayList<>();
        if (clientId != null) {
            DirectoryEntry client = clients.requireVisible(clientId, caller);
            if (exists(cycleId, clientId)) {
                lists.add(list(cycleId, client));
            }
            return lists;
        }
        for (Object id : em.createNativeQuery("select client_id from recipient_list where cycle_id = ?1 order by client_id")
                .setParameter(1, cycleId).getResultList()) {
            clients.find((UUID) id).filter(entry -> caller.canSee(entry.ownership()))
                    .ifPresent(entry -> lists.add(list(cycleId, entry)));
        }
        lists.sort(ClientList.BY_CLIENT_NAME);
        return lists;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ClientList signOff(UUID cycleId, UUID clientId, Caller caller) {
        SurveyCycle cycle = openForChanges(cycleId);
        DirectoryEntry client = clients.requireVisible(clientId, caller);
        boolean owner = caller.username().equals(client.ownerCse()) || caller.username().equals(client.ownerCam());
        if (!owner && LEADERS.stream().noneMatch(caller::hasRole)) {
            throw ApiException.forbidden("Only the client's CSE or CAM (or AVP and above) signs off its recipient list");
        }
        if (!exists(cycleId, clientId)) {
            throw ApiException.conflict("Build the recipient list of " + client.name() + " before signing it off");
        }
        LocalDate deadline = deadline(cycleId);
        if (deadline != null && LocalDate.now(clock).isAfter(deadline)) {
            throw ApiException.conflict("The recipient-list deadline of " + cycle.name + " was " + deadline);
        }
        em.createNativeQuery("update recipient_list set signed_off_by = ?1, signed_off_at = ?2 where cycle_id = ?3 and client_id = ?4")
                .setParameter(1, caller.username()).setParameter(2, Timestamp.from(Instant.now(clock)))
                .setParameter(3, cycleId).setParameter(4, clientId).executeUpdate();
        return list(cycleId, client);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Freeze freeze(UUID cycleId, Caller caller) {
        SurveyCycle cycle = openForChanges(cycleId);
        cycle.recipientsFrozenAt = Instant.now(clock);
        cycle.recipientsFrozenBy = caller.username();
        List<String> notSignedOff = new ArrayList<>();
        int lists = 0;
        for (Object row : em.createNativeQuery("select client_id, signed_off_at from recipient_list where cycle_id = ?1 order by client_id")
                .setParameter(1, cycleId).getResultList()) {
            Object[] c = (Object[]) row;
            lists++;
            if (c[1] == null) {
                notSignedOff.add(c[0].toString());
            }
        }
        return new Freeze(cycle.recipientsFrozenAt, cycle.recipientsFrozenBy, lists, lists - notSignedOff.size(), notSignedOff);
    }

    /**
     * The included recipients of the caller's lists (or one client's) as a HubSpot contact-import CSV, by client name
     * then contact name (seed 000: "Upload validated list to HubSpot").
     */
    public String csv(UUID cycleId, UUID clientId, Caller caller) {
        List<io.rhythm.nps.domain.pulls.HubSpotContactCsv.Row> rows = new ArrayList<>();
        for (ClientList list : report(cycleId, clientId, caller)) {
            list.recipients().stream().filter(Recipient::included)
                    .forEach(r -> rows.add(new io.rhythm.nps.domain.pulls.HubSpotContactCsv.Row(r.email(), r.name(), list.clientName())));
        }
        return io.rhythm.nps.domain.pulls.HubSpotContactCsv.write(rows);
    }

    /** A client too new for the cycle: the contact stays on the list, excluded, with the reason. */
    private static RecipientCheck.Verdict withTenure(RecipientCheck.Verdict verdict, TenureRule.Verdict tenure) {
        if (tenure.surveyed()) {
            return verdict;
        }
        Set<RecipientIssue> issues = EnumSet.of(RecipientIssue.TENURE_90_DAYS_OR_LESS);
        issues.addAll(verdict.issues());
        return new RecipientCheck.Verdict(false, issues);
    }

    private ClientList list(UUID cycleId, DirectoryEntry client) {
        Object[] header = (Object[]) em.createNativeQuery("""
                        select l.built_at, l.signed_off_by, l.signed_off_at, l.tenure, l.customer_since, c.open_date, l.tenure_days
                        from recipient_list l join survey_cycle c on c.id = l.cycle_id
                        where l.cycle_id = ?1 and l.client_id = ?2""")
                .setParameter(1, cycleId).setParameter(2, client.clientId()).getSingleResult();
        // the verdict as the list was built with it; lists built before the rule have none
        TenureRule.Verdict tenure = header[3] == null ? null : TenureRule.verdict(SqlValues.localDate(header[4]),
                SqlValues.localDate(header[5]), header[6] == null ? null : ((Number) header[6]).longValue(),
                TenureRule.Status.valueOf((String) header[3]));
        List<Recipient> recipients = new ArrayList<>();
        Map<RecipientIssue, Integer> flagged = new EnumMap<>(RecipientIssue.class);
        int included = 0;
        for (Object row : em.createNativeQuery("""
                        select contact_id, name, email, included, issues from recipient
                        where cycle_id = ?1 and client_id = ?2 order by name, contact_id""")
                .setParameter(1, cycleId).setParameter(2, client.clientId()).getResultList()) {
            Object[] c = (Object[]) row;
            List<RecipientIssue> issues = Arrays.stream((String[]) c[4]).map(RecipientIssue::valueOf).toList();
            issues.forEach(issue -> flagged.merge(issue, 1, Integer::sum));
            boolean in = (Boolean) c[3];
            included += in ? 1 : 0;
            recipients.add(new Recipient(c[0].toString(), (String) c[1], (String) c[2], in, issues));
        }
        return new ClientList(client.clientId().toString(), client.name(), client.ownerCse(), client.ownerCam(),
                SqlValues.instant(header[0]), (String) header[1], SqlValues.instant(header[2]), tenure,
                included, recipients.size() - included, flagged, recipients);
    }

    private boolean exists(UUID cycleId, UUID clientId) {
        return !em.createNativeQuery("select 1 from recipient_list where cycle_id = ?1 and client_id = ?2")
                .setParameter(1, cycleId).setParameter(2, clientId).getResultList().isEmpty();
    }

    private LocalDate deadline(UUID cycleId) {
        List<?> rows = em.createNativeQuery("select due_date from cycle_milestone where cycle_id = ?1 and code = 'RECIPIENT_LIST_DEADLINE'")
                .setParameter(1, cycleId).getResultList();
        return rows.isEmpty() ? null : SqlValues.localDate(rows.get(0));
    }

    private SurveyCycle requireCycle(UUID cycleId) {
        SurveyCycle cycle = SurveyCycle.findById(cycleId);
        if (cycle == null) {
            throw ApiException.notFound("Survey cycle", cycleId);
        }
        return cycle;
    }

    private SurveyCycle openForChanges(UUID cycleId) {
        SurveyCycle cycle = SurveyCycle.findById(cycleId, LockModeType.PESSIMISTIC_WRITE);
        if (cycle == null) {
            throw ApiException.notFound("Survey cycle", cycleId);
        }
        if (cycle.recipientsFrozenAt != null) {
            throw ApiException.conflict("The recipient lists of " + cycle.name + " were frozen at " + cycle.recipientsFrozenAt
                    + " by " + cycle.recipientsFrozenBy);
        }
        return cycle;
    }
}
