package io.rhythm.nps.service.delivery;

import io.rhythm.nps.domain.themes.Sentiment;
import io.rhythm.nps.domain.themes.SentimentScorer;
import io.rhythm.nps.domain.themes.ThemeTagger;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The automatic analysis of a response's comment: theme codes (default taxonomy) and lexicon sentiment. */
@ApplicationScoped
public class ResponseAnalysis {

    private final ThemeTagger tagger = ThemeTagger.withDefaultTaxonomy();
    private final SentimentScorer scorer = new SentimentScorer();

    public List<String> themes(String comment) {
        return tagger.themeCodes(comment);
    }

    public Sentiment sentiment(String comment) {
        return scorer.score(comment);
    }

    @PreDestroy
    void close() {
        tagger.close();
        scorer.close();
    }
}
