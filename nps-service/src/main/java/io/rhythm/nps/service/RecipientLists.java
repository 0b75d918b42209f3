package io.rhythm.nps.service;

import io.rhythm.nps.domain.SurveyCycle;
import io.rhythm.nps.domain.recipients.RecipientCheck;
import io.rhythm.nps.domain.recipients.RecipientIssue;
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
    Clock clock;

    public record Recipient(String contactId, String name, String email, boolean included, List<RecipientIssue> issues) {
    }

    public record ClientList(String clientId, String clientName, String ownerCse, String ownerCam, Instant builtAt,
                             String signedOffBy, Instant signedOffAt, int included, int excluded,
                             Map<RecipientIssue, Integer> flagged, List<Recipient> recipients) {
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
            em.createNativeQuery("insert into recipient_list (cycle_id, client_id, built_at) values (?1, ?2, ?3)")
                    .setParameter(1, cycle.id).setParameter(2, client.clientId()).setParameter(3, Timestamp.from(now))
                    .executeUpdate();
            for (ContactEntry contact : contacts.ofClient(client.clientId(), false)) {
                RecipientCheck.Verdict verdict = RecipientCheck.check(contact.email(), contact.subscribed(), contact.title(),
                        contact.stakeholderRoles());
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
        lists.sort(java.util.Comparator.comparing(ClientList::clientName));
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

    private ClientList list(UUID cycleId, DirectoryEntry client) {
        Object[] header = (Object[]) em.createNativeQuery(
                        "select built_at, signed_off_by, signed_off_at from recipient_list where cycle_id = ?1 and client_id = ?2")
                .setParameter(1, cycleId).setParameter(2, client.clientId()).getSingleResult();
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
                SqlValues.instant(header[0]), (String) header[1], SqlValues.instant(header[2]),
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
