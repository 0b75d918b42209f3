package io.rhythm.nps.service.letters;

import io.rhythm.nps.domain.SurveyCycle;
import io.rhythm.nps.domain.letters.BuTalkingPoints;
import io.rhythm.nps.domain.letters.BusinessUnitPoints;
import io.rhythm.nps.domain.letters.ClientCycleData;
import io.rhythm.nps.domain.letters.TalkingPoints;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.web.paging.Cursor;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.nps.domain.analytics.Population;
import io.rhythm.nps.service.RecipientPopulations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * BU talking points of a cycle (whole portfolio: they are for leaders), regenerated while DRAFT, approved
 * by the EVP together with the unit's draft letters. Callers run these in a transaction.
 */
@ApplicationScoped
public class BusinessUnitTalkingPoints {

    public static final String DRAFT = "DRAFT";
    public static final String APPROVED = "APPROVED";

    @Inject
    LetterFacts facts;
    @Inject
    LetterRenderer renderer;
    @Inject
    RecipientPopulations recipientPopulations;
    @Inject
    ClientLetters letters;
    @Inject
    ClientDirectory directory;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    public record Generation(String cycleId, int drafted, int keptApproved, List<String> businessUnits) {
    }

    public record Approval(String cycleId, String businessUnit, int lettersApproved) {
    }

    public Generation generate(UUID cycleId) {
        // one generation per cycle at a time: concurrent runs would both insert the same drafts
        SurveyCycle cycle = SurveyCycle.findById(cycleId, LockModeType.PESSIMISTIC_WRITE);
        if (cycle == null) {
            throw ApiException.notFound("Survey cycle", cycleId);
        }
        Map<UUID, Population> populations = recipientPopulations.ofCycle(cycleId);
        List<ClientCycleData> data = new ArrayList<>();
        java.util.Set<UUID> clients = new java.util.TreeSet<>(facts.respondingClients(cycleId));
        clients.addAll(populations.keySet());
        for (UUID clientId : clients) {
            directory.find(clientId).ifPresent(client -> data.add(facts.dataFor(cycle, client,
                    populations.getOrDefault(clientId, Population.NONE))));
        }
        int drafted = 0, kept = 0;
        List<String> units = new ArrayList<>();
        Instant now = Instant.now(clock);
        for (BusinessUnitPoints points : TalkingPoints.build(cycleId.toString(), cycle.name, data, facts::themeName)) {
            units.add(points.businessUnit());
            BuTalkingPoints stored = BuTalkingPoints.findById(new BuTalkingPoints.Key(cycleId, points.businessUnit()));
            if (stored != null && APPROVED.equals(stored.status)) {
                kept++;
                continue;
            }
            if (stored == null) {
                stored = new BuTalkingPoints();
                stored.key = new BuTalkingPoints.Key(cycleId, points.businessUnit());
            }
            stored.status = DRAFT;
            stored.facts = Json.write(points);
            stored.generatedAt = now;
            stored.generatedBy = caller.username();
            stored.persist();
            drafted++;
        }
        return new Generation(cycleId.toString(), drafted, kept, units);
    }

    public Page<BuTalkingPoints> list(UUID cycleId, PageRequest page) {
        requireCycle(cycleId);
        String query = "key.cycleId = ?1";
        List<Object> args = new ArrayList<>(List.of(cycleId));
        if (page.after() != null) {
            query += " and key.businessUnit > ?2";
            args.add(page.after().sortValue());
        }
        List<BuTalkingPoints> rows = BuTalkingPoints.<BuTalkingPoints>find(query + " order by key.businessUnit", args.toArray())
                .page(0, page.fetchSize()).list();
        return Page.of(rows, page, p -> new Cursor(p.key.businessUnit(), cycleId.toString()), Function.identity());
    }

    public BuTalkingPoints require(UUID cycleId, String businessUnit) {
        BuTalkingPoints points = BuTalkingPoints.findById(new BuTalkingPoints.Key(cycleId, businessUnit));
        if (points == null) {
            throw ApiException.notFound("Talking points of business unit '" + businessUnit + "' in cycle", cycleId);
        }
        return points;
    }

    /** The EVP approves a unit's talking points and, in the same step, every draft letter of its clients. */
    public Approval approve(UUID cycleId, String businessUnit) {
        BuTalkingPoints points = require(cycleId, businessUnit);
        if (APPROVED.equals(points.status)) {
            throw ApiException.conflict("the talking points of '" + businessUnit + "' are already approved");
        }
        points.status = APPROVED;
        points.approvedAt = Instant.now(clock);
        points.approvedBy = caller.username();
        return new Approval(cycleId.toString(), businessUnit, letters.approveDrafts(cycleId, businessUnit));
    }

    public BusinessUnitPoints pointsOf(BuTalkingPoints stored) {
        try {
            return Json.mapper().readValue(stored.facts, BusinessUnitPoints.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored talking points unreadable", e);
        }
    }

    public String html(BuTalkingPoints stored) {
        return renderer.html(pointsOf(stored), APPROVED.equals(stored.status));
    }

    private static SurveyCycle requireCycle(UUID cycleId) {
        SurveyCycle cycle = SurveyCycle.findById(cycleId);
        if (cycle == null) {
            throw ApiException.notFound("Survey cycle", cycleId);
        }
        return cycle;
    }
}
