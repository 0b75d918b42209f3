package io.rhythm.nps.service.letters;

import io.rhythm.nps.domain.SurveyCycle;
import io.rhythm.nps.domain.letters.ClientLetter;
import io.rhythm.nps.domain.letters.ClientLetterFacts;
import io.rhythm.nps.domain.letters.LetterStatus;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.DirectoryEntry;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.payload.ClientLetterSent;
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
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Client letters of a cycle: drafted for every client with answers (regeneration replaces drafts only),
 * edited by the client's CSE/CAM while a draft, approved by the EVP, then marked sent (ClientLetterSent on
 * nps.cycles.v1, through the outbox). Callers must run
 * these in a transaction; row-level access (the client's CSE/CAM, or the whole portfolio for leaders) is
 * checked here.
 */
@ApplicationScoped
public class ClientLetters {

    @Inject
    EntityManager em;
    @Inject
    LetterFacts facts;
    @Inject
    LetterRenderer renderer;
    @Inject
    ClientDirectory directory;
    @Inject
    Caller caller;
    @Inject
    Clock clock;
    @Inject
    OutboxWriter outbox;

    public record Generation(String cycleId, int drafted, int redrafted, int keptApproved, List<String> skippedClientIds) {
    }

    public record Filter(UUID cycleId, UUID clientId, LetterStatus status, String businessUnit) {
    }

    /** Drafts a letter for every client (visible to the caller) with answers in the cycle. */
    public Generation generate(UUID cycleId) {
        // one generation per cycle at a time: concurrent runs would both insert the same drafts
        SurveyCycle cycle = SurveyCycle.findById(cycleId, LockModeType.PESSIMISTIC_WRITE);
        if (cycle == null) {
            throw ApiException.notFound("Survey cycle", cycleId);
        }
        int drafted = 0, redrafted = 0, kept = 0;
        List<String> skipped = new ArrayList<>();
        Instant now = Instant.now(clock);
        for (UUID clientId : facts.respondingClients(cycleId)) {
            var entry = directory.find(clientId);
            if (entry.isEmpty()) {
                if (caller.isPortfolioWide()) {
                    skipped.add(clientId.toString());
                }
                continue;
            }
            DirectoryEntry client = entry.get();
            if (!caller.canSee(client.ownership())) {
                continue;
            }
            ClientLetter letter = ClientLetter.find("cycleId = ?1 and clientId = ?2", cycleId, clientId).firstResult();
            if (letter != null && !letter.status.replacedByRegeneration()) {
                kept++;
                continue;
            }
            if (letter == null) {
                letter = new ClientLetter();
                letter.id = UUID.randomUUID();
                letter.cycleId = cycleId;
                letter.clientId = clientId;
                drafted++;
            } else {
                redrafted++;
            }
            ClientLetterFacts letterFacts = facts.factsFor(cycle, client);
            letter.clientName = client.name();
            letter.businessUnit = letterFacts.businessUnit();
            letter.status = LetterStatus.DRAFT;
            letter.subject = renderer.subject(letterFacts);
            letter.body = renderer.draftBody(letterFacts);
            letter.facts = Json.write(letterFacts);
            letter.generatedAt = now;
            letter.generatedBy = caller.username();
            letter.editedAt = null;
            letter.editedBy = null;
            letter.persist();
        }
        return new Generation(cycleId.toString(), drafted, redrafted, kept, skipped);
    }

    public Page<ClientLetter> list(Filter filter, PageRequest page) {
        StringBuilder sql = new StringBuilder("select l.* from client_letter l where true");
        List<Object> args = new ArrayList<>();
        if (filter.cycleId() != null) {
            sql.append(" and l.cycle_id = ?").append(args.size() + 1);
            args.add(filter.cycleId());
        }
        if (filter.clientId() != null) {
            sql.append(" and l.client_id = ?").append(args.size() + 1);
            args.add(filter.clientId());
        }
        if (filter.status() != null) {
            sql.append(" and l.status = ?").append(args.size() + 1);
            args.add(filter.status().name());
        }
        if (filter.businessUnit() != null) {
            sql.append(" and l.business_unit = ?").append(args.size() + 1);
            args.add(filter.businessUnit());
        }
        caller.portfolioOwner().ifPresent(owner -> {
            sql.append(" and exists (select 1 from client_directory d where d.client_id = l.client_id and (d.owner_cse = ?")
                    .append(args.size() + 1).append(" or d.owner_cam = ?").append(args.size() + 1).append("))");
            args.add(owner);
        });
        if (page.after() != null) {
            sql.append(" and (l.client_name, l.id) > (?").append(args.size() + 1).append(", ?").append(args.size() + 2).append(")");
            args.add(page.after().sortValue());
            args.add(page.after().uuid());
        }
        sql.append(" order by l.client_name, l.id limit ").append(page.fetchSize());
        Query query = em.createNativeQuery(sql.toString(), ClientLetter.class);
        for (int i = 0; i < args.size(); i++) {
            query.setParameter(i + 1, args.get(i));
        }
        @SuppressWarnings("unchecked")
        List<ClientLetter> rows = query.getResultList();
        return Page.of(rows, page, l -> new Cursor(l.clientName, l.id.toString()), Function.identity());
    }

    /** @throws ApiException 404 for an unknown letter or one of a client outside the caller's portfolio */
    public ClientLetter require(UUID id) {
        ClientLetter letter = ClientLetter.findById(id);
        if (letter == null) {
            throw ApiException.notFound("Letter", id);
        }
        if (!caller.isPortfolioWide()) {
            DirectoryEntry client = directory.find(letter.clientId).orElseThrow(() -> ApiException.notFound("Letter", id));
            caller.requireVisible(client.ownership(), "Letter", id);
        }
        return letter;
    }

    public ClientLetter edit(UUID id, String ifMatch, String subject, String body) {
        ClientLetter letter = require(id);
        Versions.requireMatch(ifMatch, letter.version);
        check(() -> letter.status.requireEditable());
        letter.subject = subject.strip();
        letter.body = body.strip();
        letter.editedAt = Instant.now(clock);
        letter.editedBy = caller.username();
        em.flush();
        return letter;
    }

    public ClientLetter approve(UUID id) {
        ClientLetter letter = require(id);
        letter.status = transition(letter.status::approve);
        letter.approvedAt = Instant.now(clock);
        letter.approvedBy = caller.username();
        em.flush();
        return letter;
    }

    /** Approves every draft letter of a business unit in the cycle (part of the BU approval); returns how many. */
    public int approveDrafts(UUID cycleId, String businessUnit) {
        List<ClientLetter> drafts = ClientLetter.list("cycleId = ?1 and businessUnit = ?2 and status = ?3", cycleId,
                businessUnit, LetterStatus.DRAFT);
        Instant now = Instant.now(clock);
        for (ClientLetter letter : drafts) {
            letter.status = letter.status.approve();
            letter.approvedAt = now;
            letter.approvedBy = caller.username();
        }
        return drafts.size();
    }

    public ClientLetter markSent(UUID id, LocalDate sentOn) {
        ClientLetter letter = require(id);
        LocalDate today = LocalDate.now(clock);
        LocalDate on = sentOn == null ? today : sentOn;
        if (on.isAfter(today)) {
            throw ApiException.invalid("sentOn", "must not be in the future (today is " + today + ")");
        }
        letter.status = transition(letter.status::markSent);
        if (letter.approvedAt != null && on.isBefore(LocalDate.ofInstant(letter.approvedAt, clock.getZone()))) {
            throw ApiException.invalid("sentOn", "must not be before the approval on "
                    + LocalDate.ofInstant(letter.approvedAt, clock.getZone()));
        }
        letter.sentOn = on;
        letter.sentAt = Instant.now(clock);
        letter.sentBy = caller.username();
        em.flush();
        ClientLetterFacts sent = factsOf(letter);
        outbox.publish(EventCatalogue.CLIENT_LETTER_SENT, letter.clientId.toString(), new ClientLetterSent(
                letter.id.toString(), letter.cycleId.toString(), sent.cycleName(), letter.clientId.toString(), on,
                letter.approvedBy, letter.sentBy, sent.figures().responses(), sent.figures().nps()));
        return letter;
    }

    public ClientLetterFacts factsOf(ClientLetter letter) {
        try {
            return Json.mapper().readValue(letter.facts, ClientLetterFacts.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored letter facts unreadable: " + letter.id, e);
        }
    }

    public String html(ClientLetter letter) {
        return renderer.html(factsOf(letter), letter.subject, letter.body, letter.status != LetterStatus.DRAFT);
    }

    public byte[] pdf(ClientLetter letter) {
        return renderer.pdf(html(letter));
    }

    private static <T> T transition(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        }
    }

    private static void check(Runnable step) {
        transition(() -> {
            step.run();
            return null;
        });
    }

}
