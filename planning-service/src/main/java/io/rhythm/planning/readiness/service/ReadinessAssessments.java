package io.rhythm.planning.readiness.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rhythm.planning.domain.FiscalYear;
import io.rhythm.planning.domain.RetentionRates;
import io.rhythm.planning.domain.Segments;
import io.rhythm.planning.readiness.api.AssessmentView;
import io.rhythm.planning.readiness.domain.ClientFacts;
import io.rhythm.planning.readiness.domain.Framework;
import io.rhythm.planning.readiness.domain.Maturity;
import io.rhythm.planning.readiness.domain.Proposal;
import io.rhythm.planning.readiness.domain.ReadinessAssessment;
import io.rhythm.planning.readiness.domain.ReadinessDecision;
import io.rhythm.planning.readiness.domain.ReadinessScoring;
import io.rhythm.planning.readiness.domain.Snapshot;
import io.rhythm.planning.service.PortfolioQuery;
import io.rhythm.platform.events.payload.Money;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Readiness assessments (seed 004): a snapshot of live data taken at creation (proposals with evidence and the
 * deliverables' figures), people's confirmations and overrides on top, and the maturity computed from both.
 */
@ApplicationScoped
public class ReadinessAssessments {

    public static final String ROUNDING = "Scores are means of the assessed criteria (dimension) and of the assessed "
            + "dimensions' means (overall), rounded half up to one decimal, then mapped: 1.0-1.9 Initial, 2.0-2.9 "
            + "Developing, 3.0-3.9 Defined, 4.0-4.9 Managed, 5.0 Optimized. Unassessed criteria do not count.";

    @Inject
    LiveData live;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;
    @Inject
    PortfolioQuery portfolio;
    @ConfigProperty(name = "rhythm.fiscal-year.start-month", defaultValue = "7")
    int fiscalYearStart;

    @Transactional(Transactional.TxType.MANDATORY)
    public AssessmentView create(String scope, String scopeValue, LocalDate asOf, Caller caller) {
        if ("PORTFOLIO".equals(scope) != (scopeValue == null || scopeValue.isBlank())) {
            throw ApiException.invalid("scopeValue", "PORTFOLIO takes no scopeValue; REGION and CSE need one");
        }
        LocalDate day = asOf != null ? asOf : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String restrictedTo = caller.portfolioOwner().orElse(null);
        String value = scopeValue == null ? null : scopeValue.strip();
        if ("SEGMENT".equals(scope)) {
            value = Segments.canonical(value).orElseThrow(() -> ApiException.invalid("scopeValue",
                    "must be one of " + Segments.allowed()));
        }
        LiveData.Scope s = new LiveData.Scope(scope, value, restrictedTo);
        String label = switch (scope) {
            case "REGION" -> "Region " + s.value();
            case "CSE" -> "Portfolio of " + s.value();
            case "SEGMENT" -> "Segment " + s.value() + (restrictedTo == null ? "" : " (clients of " + restrictedTo + ")");
            default -> restrictedTo == null ? "Whole portfolio" : "Portfolio of " + restrictedTo;
        };
        Snapshot snapshot = snapshot(label, live.clients(s, day), day);
        ReadinessAssessment a = new ReadinessAssessment();
        a.id = UUID.randomUUID();
        a.scopeKind = scope;
        a.scopeValue = s.value();
        a.asOf = day;
        a.restrictedTo = restrictedTo;
        a.createdBy = caller.username();
        a.createdAt = Instant.now(clock);
        a.snapshot = write(snapshot);
        a.persist();
        return view(a, snapshot, List.of());
    }

    public AssessmentView get(UUID id, Caller caller) {
        ReadinessAssessment a = visible(id, caller);
        return view(a, read(a.snapshot), ReadinessDecision.list("assessmentId", id));
    }

    /** Confirms (same score) or overrides (another score, with a reason) one criterion. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AssessmentView decide(UUID id, String code, int score, String reason, Caller caller) {
        ReadinessAssessment a = visible(id, caller);
        Snapshot snapshot = read(a.snapshot);
        Proposal proposal = snapshot.proposals().stream().filter(p -> p.criterion().equals(code)).findFirst()
                .orElseThrow(() -> ApiException.notFound("Criterion", code));
        boolean needsReason = !Objects.equals(proposal.score(), score);
        if (needsReason && (reason == null || reason.isBlank())) {
            throw ApiException.invalid("reason", proposal.score() == null
                    ? "is required: Rhythm had no data for this criterion"
                    : "is required to override Rhythm's proposed " + proposal.score() + " with " + score);
        }
        ReadinessDecision d = ReadinessDecision.findById(new ReadinessDecision.Key(id, code));
        if (d == null) {
            d = new ReadinessDecision();
            d.assessmentId = id;
            d.criterion = code;
        }
        d.score = score;
        d.reason = reason == null || reason.isBlank() ? null : reason.strip();
        d.decidedBy = caller.username();
        d.decidedAt = Instant.now(clock);
        d.persist();
        return view(a, snapshot, ReadinessDecision.list("assessmentId", id));
    }

    ReadinessAssessment visible(UUID id, Caller caller) {
        ReadinessAssessment a = ReadinessAssessment.findById(id);
        if (a == null || (!caller.isPortfolioWide() && !caller.username().equals(a.restrictedTo))) {
            throw ApiException.notFound("Readiness assessment", id);
        }
        return a;
    }

    Snapshot snapshot(String label, List<ClientFacts> clients, LocalDate asOf) {
        LiveData.Issues issues = live.issues(clients, asOf);
        List<Proposal> proposals = ReadinessScoring.propose(clients, issues.figures(), asOf);
        List<ClientFacts> atRisk = clients.stream().filter(ClientFacts::atRisk).toList();
        List<ClientFacts> renewals = clients.stream().filter(c -> c.renewsWithin(asOf, 90))
                .sorted(Comparator.comparing(ClientFacts::renewalDate)).toList();
        List<ClientFacts> expansion = clients.stream().filter(c -> c.expansionSignals() > 0).toList();
        List<Snapshot.Cell> cells = new ArrayList<>();
        for (String tier : List.of("strategic", "growth", "standard")) {
            for (String colour : List.of("green", "yellow", "red", "unscored")) {
                List<ClientFacts> in = clients.stream().filter(c -> c.tierGroup().equals(tier) && c.colour().equals(colour)).toList();
                cells.add(new Snapshot.Cell(tier, colour, in.size(), sum(in)));
            }
        }
        Snapshot.Dashboard dashboard = new Snapshot.Dashboard(cells, accounts(atRisk), sum(atRisk), accounts(renewals),
                sum(renewals), clients.stream().mapToInt(ClientFacts::expansionSignals).sum(), accounts(expansion));
        List<ClientFacts> top5 = clients.stream().limit(5).toList(); // clients come largest ARR first
        Map<String, List<Snapshot.Contact>> contacts = live.contacts(top5.stream().map(ClientFacts::clientId).toList());
        List<Snapshot.StakeholderAccount> map = top5.stream().map(c -> {
            List<Snapshot.Contact> people = contacts.getOrDefault(c.clientId(), List.of());
            String depth = c.activeContacts() == 0 ? "no contacts known" : c.activeContacts() == 1
                    ? "single-threaded: risk, no second relationship" : "multi-threaded (" + c.activeContacts() + " contacts)";
            return new Snapshot.StakeholderAccount(c.clientId(), c.name(), money(c), people, depth, null, null);
        }).toList();
        ReadinessScoring.IssueFigures f = issues.figures();
        Double sla = f.closed() == 0 ? null : Math.round(1000.0 * f.closedWithinSla() / f.closed()) / 10.0;
        Map<String, List<Snapshot.Issue>> byTheme = issues.open().stream().collect(Collectors.groupingBy(Snapshot.Issue::type,
                TreeMap::new, Collectors.toList()));
        List<Snapshot.Theme> themes = byTheme.entrySet().stream()
                .map(e -> new Snapshot.Theme(e.getKey(), (int) e.getValue().stream().map(Snapshot.Issue::clientId).distinct().count(),
                        e.getValue().size()))
                .filter(t -> t.accounts() > 1).sorted(Comparator.comparing(Snapshot.Theme::accounts).reversed()).toList();
        int qbrDone = (int) clients.stream().filter(c -> c.qbrsCompleted() > 0).count();
        Snapshot.PlanFigures plan = new Snapshot.PlanFigures(clients.isEmpty() ? null : Math.round(1000.0 * qbrDone / clients.size()) / 10.0,
                atRisk.size(), renewals.size(), dashboard.expansionSignals(), retention(clients, asOf));
        return new Snapshot(label, clients.size(), proposals, sum(atRisk), dashboard, map,
                new Snapshot.IssueLog(issues.open(), sla, themes), plan);
    }

    /**
     * GRR/NRR of the scope's clients (planning's {@link RetentionRates}: maintenance revenue of their account plans,
     * confirmed plus probability-weighted at-risk attrition, won expansion) in the scope's main currency, for the
     * fiscal year containing asOf or, when that year's plans carry no maintenance revenue, the latest earlier one.
     */
    Snapshot.Retention retention(List<ClientFacts> clients, LocalDate asOf) {
        if (clients.isEmpty()) {
            return null;
        }
        List<Money> arr = sum(clients);
        String currency = arr.isEmpty() ? "AUD" : arr.get(0).currency();
        List<UUID> ids = clients.stream().map(c -> UUID.fromString(c.clientId())).toList();
        PortfolioQuery.Result result = portfolio.metrics(new PortfolioQuery.Scope(null, null, null, currency, ids),
                BigDecimal.ZERO);
        String current = FiscalYear.containing(asOf, fiscalYearStart).label();
        return result.retention().stream()
                .filter(r -> r.fiscalYear().compareTo(current) <= 0 && r.grossRetentionPercent() != null)
                .max(Comparator.comparing(RetentionRates::fiscalYear))
                .map(r -> new Snapshot.Retention(r.fiscalYear(), currency, amount(r.startingRevenue()), amount(r.lostRevenue()),
                        amount(r.expansionRevenue()), r.grossRetentionPercent().toPlainString(),
                        r.netRetentionPercent().toPlainString()))
                .orElse(null);
    }

    private static String amount(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    AssessmentView view(ReadinessAssessment a, Snapshot s, List<ReadinessDecision> decisions) {
        Map<String, ReadinessDecision> decided = decisions.stream().collect(Collectors.toMap(d -> d.criterion, Function.identity()));
        Map<String, Proposal> proposals = s.proposals().stream().collect(Collectors.toMap(Proposal::criterion, Function.identity()));
        List<AssessmentView.DimensionScore> scorecard = new ArrayList<>();
        List<AssessmentView.CriterionScore> all = new ArrayList<>();
        List<Double> dimensionMeans = new ArrayList<>();
        for (Framework.Dimension d : Framework.DIMENSIONS) {
            List<AssessmentView.CriterionScore> criteria = d.criteria().stream().map(c -> {
                Proposal p = proposals.get(c.code());
                ReadinessDecision dec = decided.get(c.code());
                Integer score = dec != null ? Integer.valueOf(dec.score) : p.score();
                String status = dec != null ? (Objects.equals(p.score(), dec.score) ? "CONFIRMED" : "OVERRIDDEN")
                        : p.score() == null ? "UNASSESSED" : "PROPOSED";
                return new AssessmentView.CriterionScore(c.code(), c.text(), p.score(), p.evidence(), score, status,
                        dec == null ? null : dec.decidedBy, dec == null ? null : dec.reason);
            }).toList();
            all.addAll(criteria);
            List<AssessmentView.CriterionScore> scored = criteria.stream().filter(c -> c.score() != null).toList();
            AssessmentView.Level level = null;
            if (!scored.isEmpty()) {
                double mean = scored.stream().mapToInt(AssessmentView.CriterionScore::score).average().orElseThrow();
                dimensionMeans.add(mean);
                level = level(mean);
            }
            scorecard.add(new AssessmentView.DimensionScore(d.number(), d.name(), level, findings(scored), criteria));
        }
        AssessmentView.Level overall = dimensionMeans.isEmpty() ? null
                : level(dimensionMeans.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
        List<String> priorities = all.stream().filter(c -> c.score() != null && c.score() < 5)
                .sorted(Comparator.comparing(AssessmentView.CriterionScore::score).thenComparing(AssessmentView.CriterionScore::code))
                .limit(3).map(c -> c.text() + " (" + c.code() + ", " + c.score() + "/5: "
                        + (c.reason() != null ? c.decidedBy() + ": " + c.reason() : c.evidence()) + ")").toList();
        AssessmentView.ExecutiveSummary summary = new AssessmentView.ExecutiveSummary(overall, s.retentionRiskExposure(),
                s.accountHealthDashboard().atRiskAccounts().size(), s.accountHealthDashboard().renewalsIn90Days().size(), priorities);
        return new AssessmentView(a.id.toString(), a.scopeKind, a.scopeValue, s.scopeLabel(), a.asOf, a.createdBy, a.createdAt,
                s.clientCount(), ROUNDING, summary, scorecard, s.accountHealthDashboard(), s.stakeholderMap(), s.issueLog(),
                plan(s, scorecard));
    }

    private static AssessmentView.Level level(double mean) {
        BigDecimal rounded = Maturity.round(mean);
        Maturity m = Maturity.of(rounded);
        return new AssessmentView.Level(rounded, m.label(), m.meaning());
    }

    /** 1–2 findings: the weakest and the strongest assessed criterion, with their evidence. */
    private static List<String> findings(List<AssessmentView.CriterionScore> scored) {
        if (scored.isEmpty()) {
            return List.of("No live data for this dimension: score its criteria by hand");
        }
        AssessmentView.CriterionScore low = scored.stream().min(Comparator.comparing(AssessmentView.CriterionScore::score)).orElseThrow();
        AssessmentView.CriterionScore high = scored.stream().max(Comparator.comparing(AssessmentView.CriterionScore::score)).orElseThrow();
        List<String> out = new ArrayList<>();
        out.add("Weakest: " + low.evidence() + " (" + low.score() + "/5)");
        if (high != low && high.score() > low.score()) {
            out.add("Strongest: " + high.evidence() + " (" + high.score() + "/5)");
        }
        return out;
    }

    private static AssessmentView.Plan plan(Snapshot s, List<AssessmentView.DimensionScore> scorecard) {
        Snapshot.PlanFigures f = s.planFigures();
        String weakest = scorecard.stream().filter(d -> d.level() != null).min(Comparator.comparing(d -> d.level().score()))
                .map(AssessmentView.DimensionScore::name).orElse("the unassessed dimensions");
        List<String> d30 = List.of("Stabilise the " + f.atRiskAccounts() + " at-risk account(s): executive sponsor engagement and a "
                + "remediation plan each (Client Health Check workflow)", "Score the unassessed criteria by hand");
        List<String> d60 = List.of("Run QBRs for the " + f.renewalsIn90Days() + " renewal(s) due in the next 90 days",
                "Expand stakeholder mapping for single-threaded accounts");
        List<String> d90 = List.of("Pursue the " + f.expansionSignals() + " expansion signal(s) as expansion plays",
                "Formalise the weakest dimension: " + weakest);
        String qbr = f.qbrCompletionPercent() == null ? "no clients" : String.format(Locale.ROOT, "%.1f %%", f.qbrCompletionPercent());
        Snapshot.Retention r = f.retention();
        String basis = r == null ? null : " in " + r.fiscalYear() + " (" + r.currency() + ": starting maintenance revenue "
                + r.startingRevenue() + ", lost " + r.lostRevenue() + " confirmed and probability-weighted at-risk attrition";
        List<AssessmentView.Metric> metrics = List.of(
                new AssessmentView.Metric("NRR", r == null ? "not measured: no account plan in scope has maintenance revenue"
                        : r.netRetentionPercent() + " %" + basis + ", expansion won " + r.expansionRevenue() + ")", "set a target"),
                new AssessmentView.Metric("GRR", r == null ? "not measured: no account plan in scope has maintenance revenue"
                        : r.grossRetentionPercent() + " %" + basis + ")", "set a target"),
                new AssessmentView.Metric("CSAT", "not measured by Rhythm yet", "set a target"),
                new AssessmentView.Metric("QBR completion", qbr + " of clients in the last two quarters", "90 %"),
                new AssessmentView.Metric("Expansion pipeline", f.expansionSignals() + " expansion signal(s) in the last 90 days",
                        "set a target"));
        return new AssessmentView.Plan(d30, d60, d90, metrics);
    }

    private static List<Snapshot.Account> accounts(List<ClientFacts> clients) {
        return clients.stream().map(c -> new Snapshot.Account(c.clientId(), c.name(), c.tierGroup(), c.band(), c.score(), money(c),
                c.renewalDate() == null ? null : c.renewalDate().toString())).toList();
    }

    private static Money money(ClientFacts c) {
        return c.arrAmount() == null ? null : Money.of(c.arrAmount(), c.arrCurrency());
    }

    /** ARR summed per currency (never converted), largest first. */
    static List<Money> sum(List<ClientFacts> clients) {
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        clients.stream().filter(c -> c.arrAmount() != null)
                .forEach(c -> totals.merge(c.arrCurrency(), c.arrAmount(), BigDecimal::add));
        return totals.entrySet().stream().sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed())
                .map(e -> Money.of(e.getValue(), e.getKey())).toList();
    }

    private String write(Snapshot s) {
        try {
            return mapper.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Snapshot read(String json) {
        try {
            return mapper.readValue(json, Snapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored readiness snapshot is not readable", e);
        }
    }
}
