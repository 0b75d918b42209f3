package io.rhythm.health.service;

import io.rhythm.health.domain.LifecycleStage;
import io.rhythm.health.domain.scoring.DefaultScoringModel;
import io.rhythm.health.domain.scoring.HealthScore;
import io.rhythm.health.domain.scoring.HealthScorer;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RecentScoresTest {

    private static HealthScore score(double activeUsersPct) {
        return HealthScorer.score(DefaultScoringModel.v1(), LifecycleStage.MATURE,
                Map.of(DefaultScoringModel.ACTIVE_USERS_PCT, activeUsersPct));
    }

    @Test
    void anEntryIsUsedOnlyForTheScoreIdItWasStoredUnder() {
        RecentScores recent = new RecentScores(10);
        UUID client = UUID.randomUUID();
        HealthScore stored = score(50);
        recent.put(client, 7, stored);
        assertThat(recent.get(client, 7)).isSameAs(stored);
        // the database says the latest score is another one (this one rolled back, or another replica wrote since)
        assertThat(recent.get(client, 8)).isNull();
        assertThat(recent.get(UUID.randomUUID(), 7)).isNull();
    }

    @Test
    void whenFullItStartsOverInsteadOfGrowing() {
        RecentScores recent = new RecentScores(2);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        recent.put(a, 1, score(30));
        recent.put(b, 2, score(40));
        HealthScore newer = score(60);
        recent.put(a, 3, newer); // a known client's newer score replaces its entry, nothing is evicted
        assertThat(recent.get(a, 3)).isSameAs(newer);
        assertThat(recent.get(b, 2)).isNotNull();
        recent.put(c, 4, score(70)); // a third client: full, so it starts over
        assertThat(recent.get(a, 3)).isNull();
        assertThat(recent.get(b, 2)).isNull();
        assertThat(recent.get(c, 4)).isNotNull();
    }
}
