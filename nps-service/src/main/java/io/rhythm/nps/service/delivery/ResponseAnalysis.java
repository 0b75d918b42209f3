package io.rhythm.nps.service.delivery;

import io.rhythm.nps.domain.themes.Sentiment;
import io.rhythm.nps.domain.themes.SentimentScorer;
import io.rhythm.nps.service.themes.ThemeCatalog;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** The automatic analysis of a response's comment: theme codes (the current taxonomy, {@link ThemeCatalog}) and lexicon sentiment. */
@ApplicationScoped
public class ResponseAnalysis {

    @Inject
    ThemeCatalog catalog;

    private final SentimentScorer scorer = new SentimentScorer();

    public List<String> themes(String comment) {
        if (comment == null || comment.isBlank()) {
            return List.of();
        }
        return catalog.complaintThemes(catalog.tagger(), comment); // issue 17: praise and neutral mentions are not counted
    }

    public Sentiment sentiment(String comment) {
        return scorer.score(comment);
    }

    @PreDestroy
    void close() {
        scorer.close();
    }
}
