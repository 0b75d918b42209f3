package io.rhythm.segmentation.service;

import io.rhythm.platform.events.payload.Money;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.segmentation.api.MigrationMatrix;
import io.rhythm.segmentation.api.PreviewView;
import io.rhythm.segmentation.domain.Classification;
import io.rhythm.segmentation.domain.ClassifierInput;
import io.rhythm.segmentation.domain.ClientSegmentState;
import io.rhythm.segmentation.domain.Segment;
import io.rhythm.segmentation.domain.SegmentClassifier;
import io.rhythm.segmentation.domain.SegmentModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Migration analysis: a draft's preview, the matrix between two model versions and between two dates. */
@ApplicationScoped
public class MigrationAnalysis {

    public static final List<String> ORDER = List.of("UNASSIGNED", "MAINTAIN", "LEVERAGE", "NURTURE", "COLLABORATE",
            "SLEEPING_GIANTS", "GIANTS");

    @Inject
    ModelRegistry models;
    @Inject
    Inputs inputs;
    @Inject
    History history;
    @Inject
    Portfolio portfolio;
    @Inject
    Clock clock;

    private record Move(Portfolio.Member client, String from, String to, BigDecimal revenue) {
    }

    /** What {@code version} would assign to each visible client, against the segment it has now (overrides stay). */
    public PreviewView preview(int version, Caller caller) {
        SegmentModel model = models.model(version);
        Map<UUID, ClassifierInput> all = inputs.load(null, model);
        Map<UUID, ClientSegmentState> states = new HashMap<>();
        ClientSegmentState.<ClientSegmentState>listAll().forEach(s -> states.put(s.clientId, s));
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<PreviewView.Proposal> proposals = new ArrayList<>();
        List<Move> moves = new ArrayList<>();
        for (Portfolio.Member client : portfolio.visible(caller, null)) {
            ClientSegmentState state = states.get(client.clientId());
            ClassifierInput input = all.getOrDefault(client.clientId(), new ClassifierInput(null, 0, null, null, null));
            Classification c = SegmentClassifier.classify(model, input);
            boolean overridden = state != null && state.overridden(today);
            String current = state == null || state.segment == null ? "UNASSIGNED" : state.segment.name();
            String proposed = overridden ? state.overrideSegment.name() : c.code();
            proposals.add(new PreviewView.Proposal(client.clientId().toString(), client.name(), current, proposed,
                    overridden ? "override: " + state.overrideReason : c.reason(), overridden, money(input.revenue(), model)));
            moves.add(new Move(client, current, proposed, input.revenue()));
        }
        return new PreviewView(version, models.activeVersion(), proposals,
                matrix("active model " + models.activeVersion() + " (current segments)", "model " + version, moves, model));
    }

    /** Each visible client classified by two versions on today's inputs (no confirmation, no overrides). */
    public MigrationMatrix betweenVersions(int fromVersion, int toVersion, String owner, Caller caller) {
        SegmentModel from = models.model(fromVersion);
        SegmentModel to = models.model(toVersion);
        Map<UUID, ClassifierInput> fromInputs = inputs.load(null, from);
        Map<UUID, ClassifierInput> toInputs = fromVersion == toVersion ? fromInputs : inputs.load(null, to);
        ClassifierInput none = new ClassifierInput(null, 0, null, null, null);
        List<Move> moves = new ArrayList<>();
        for (Portfolio.Member client : portfolio.visible(caller, owner)) {
            ClassifierInput a = fromInputs.getOrDefault(client.clientId(), none);
            ClassifierInput b = toInputs.getOrDefault(client.clientId(), none);
            moves.add(new Move(client, SegmentClassifier.classify(from, a).code(), SegmentClassifier.classify(to, b).code(), b.revenue()));
        }
        return matrix("model " + fromVersion, "model " + toVersion, moves, to);
    }

    /** Each visible client's segment at the end of {@code from} and at the end of {@code to}, with its revenue at {@code to}. */
    public MigrationMatrix betweenDates(LocalDate from, LocalDate to, String owner, Caller caller) {
        Map<UUID, History.SegmentAt> before = history.segmentsAt(from);
        Map<UUID, History.SegmentAt> after = history.segmentsAt(to);
        Map<UUID, BigDecimal> revenue = history.revenueAt(to);
        List<Move> moves = new ArrayList<>();
        for (Portfolio.Member client : portfolio.visible(caller, owner)) {
            moves.add(new Move(client, code(before.get(client.clientId())), code(after.get(client.clientId())), revenue.get(client.clientId())));
        }
        return matrix(from.toString(), to.toString(), moves, models.active());
    }

    private static String code(History.SegmentAt at) {
        return at == null ? "UNASSIGNED" : at.segment().name();
    }

    private static MigrationMatrix matrix(String fromLabel, String toLabel, List<Move> moves, SegmentModel model) {
        Map<String, List<Move>> cells = new LinkedHashMap<>();
        for (String from : ORDER) {
            for (String to : ORDER) {
                cells.put(from + ">" + to, new ArrayList<>());
            }
        }
        moves.forEach(m -> cells.get(m.from() + ">" + m.to()).add(m));
        List<MigrationMatrix.Cell> result = new ArrayList<>();
        int moved = 0;
        BigDecimal movedRevenue = BigDecimal.ZERO;
        for (var entry : cells.entrySet()) {
            if (entry.getValue().isEmpty()) {
                continue;
            }
            String[] pair = entry.getKey().split(">");
            BigDecimal revenue = entry.getValue().stream().map(Move::revenue).filter(r -> r != null).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (!pair[0].equals(pair[1])) {
                moved += entry.getValue().size();
                movedRevenue = movedRevenue.add(revenue);
            }
            result.add(new MigrationMatrix.Cell(pair[0], pair[1], entry.getValue().size(), money(revenue, model),
                    entry.getValue().stream().map(m -> new MigrationMatrix.ClientRef(m.client().clientId().toString(),
                            m.client().name(), money(m.revenue(), model))).toList()));
        }
        return new MigrationMatrix(fromLabel, toLabel, moves.size(), moved, money(movedRevenue, model), result);
    }

    static Money money(BigDecimal amount, SegmentModel model) {
        return amount == null ? null : Money.of(amount, model.spendCurrency());
    }

}
