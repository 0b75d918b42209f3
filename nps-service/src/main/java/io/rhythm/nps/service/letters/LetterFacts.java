package io.rhythm.nps.service.letters;

import io.rhythm.nps.domain.SurveyCycle;
import io.rhythm.nps.domain.analytics.NpsCalculator;
import io.rhythm.nps.domain.letters.ClientCycleData;
import io.rhythm.nps.domain.letters.ClientLetterFacts;
import io.rhythm.nps.domain.letters.LetterTrend;
import io.rhythm.nps.domain.letters.ScoreFigures;
import io.rhythm.nps.domain.letters.ThemeCount;
import io.rhythm.nps.service.themes.ResponseThemes;
import io.rhythm.nps.service.themes.ThemeCatalog;
import io.rhythm.platform.clients.DirectoryEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads what letters and talking points are built from: a client's scores, themes and previous cycle. */
@ApplicationScoped
public class LetterFacts {

    public static final int LETTER_THEMES = 3;

    @Inject
    EntityManager em;
    @Inject
    ThemeCatalog catalog;
    @Inject
    ResponseThemes responseThemes;

    /** Theme code → the client's comments in the cycle carrying it, most frequent first (effective themes). */
    public Map<String, Integer> themesFor(UUID cycleId, UUID clientId) {
        return responseThemes.counts(cycleId, clientId);
    }

    /** A theme's name in the current (configurable) taxonomy. */
    public String themeName(String code) {
        return catalog.name(code);
    }

    public List<Integer> scores(UUID cycleId, UUID clientId) {
        return em.createNativeQuery("select score from survey_response where cycle_id = ?1 and client_id = ?2")
                .setParameter(1, cycleId).setParameter(2, clientId).getResultList().stream()
                .map(v -> ((Number) v).intValue()).toList();
    }

    /** The latest cycle opened before this one in which the client answered. */
    public Optional<SurveyCycle> previousCycle(SurveyCycle cycle, UUID clientId) {
        List<?> ids = em.createNativeQuery("""
                        select c.id from survey_cycle c where c.open_date < ?1 and exists
                          (select 1 from survey_response r where r.cycle_id = c.id and r.client_id = ?2)
                        order by c.open_date desc, c.id limit 1""")
                .setParameter(1, cycle.openDate).setParameter(2, clientId).getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.of(SurveyCycle.findById(ids.get(0)));
    }

    /** Every client with at least one answer in the cycle. */
    public List<UUID> respondingClients(UUID cycleId) {
        return em.createNativeQuery("select distinct client_id from survey_response where cycle_id = ?1 order by client_id")
                .setParameter(1, cycleId).getResultList().stream().map(UUID.class::cast).toList();
    }

    public ClientLetterFacts factsFor(SurveyCycle cycle, DirectoryEntry client) {
        ScoreFigures figures = ScoreFigures.of(NpsCalculator.summarise(scores(cycle.id, client.clientId())));
        LetterTrend trend = previousCycle(cycle, client.clientId()).map(previous -> LetterTrend.between(figures,
                previous.id.toString(), previous.name,
                ScoreFigures.of(NpsCalculator.summarise(scores(previous.id, client.clientId()))))).orElse(null);
        List<ThemeCount> themes = ThemeCount.top(themesFor(cycle.id, client.clientId()), LETTER_THEMES, this::themeName);
        return new ClientLetterFacts(client.clientId().toString(), client.name(), businessUnit(client), cycle.id.toString(),
                cycle.name, figures, trend, themes);
    }

    public ClientCycleData dataFor(SurveyCycle cycle, DirectoryEntry client, io.rhythm.nps.domain.analytics.Population population) {
        List<Integer> previous = previousCycle(cycle, client.clientId()).map(p -> scores(p.id, client.clientId())).orElse(List.of());
        return new ClientCycleData(client.clientId(), client.name(), client.businessUnit(), scores(cycle.id, client.clientId()),
                previous, population, themesFor(cycle.id, client.clientId()));
    }

    static String businessUnit(DirectoryEntry client) {
        return client.businessUnit() == null || client.businessUnit().isBlank()
                ? io.rhythm.nps.domain.letters.TalkingPoints.NO_BUSINESS_UNIT : client.businessUnit();
    }
}
