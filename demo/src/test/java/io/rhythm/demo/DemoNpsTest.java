package io.rhythm.demo;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.IntSummaryStatistics;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoNpsTest {

    private static final DemoPortfolio.Portfolio PORTFOLIO = DemoPortfolio.generate(DemoLoader.DEFAULT_SEED, LocalDate.of(2026, 11, 23));

    @Test
    void saHealthAnswersAverageSixPointOneAndRangeFromOneToNineAsInSeed000() {
        List<DemoNps.Answer> sa = DemoNps.answers(PORTFOLIO, 7, 0.5, 0, true).stream()
                .filter(a -> a.clientKey().equals("sa-health")).toList();
        IntSummaryStatistics stats = sa.stream().mapToInt(DemoNps.Answer::score).summaryStatistics();
        assertThat(stats.getCount()).isEqualTo(10);
        assertThat(stats.getAverage()).isEqualTo(6.1);
        assertThat(stats.getMin()).isEqualTo(1);
        assertThat(stats.getMax()).isEqualTo(9);
        assertThat(sa).extracting(DemoNps.Answer::comment).anyMatch(c -> c != null && c.contains("legacy") && c.contains("outdated"));
    }

    @Test
    void onlyReachableContactsAnswerAndTheSameSeedGivesTheSameAnswers() {
        List<DemoNps.Answer> answers = DemoNps.answers(PORTFOLIO, 7, 0.5, 0, true);
        assertThat(answers).isEqualTo(DemoNps.answers(PORTFOLIO, 7, 0.5, 0, true));
        assertThat(answers).allSatisfy(a -> {
            assertThat(a.score()).isBetween(0, 10);
            assertThat(a.day()).isBetween(0, 12);
            assertThat(PORTFOLIO.contacts()).anyMatch(c -> a.email().equals(c.email()) && c.subscribed());
        });
        // every category is there, and answers are spread over most clients
        assertThat(answers).anyMatch(a -> a.score() <= 6).anyMatch(a -> a.score() >= 9).anyMatch(a -> a.score() == 7 || a.score() == 8);
        assertThat(answers.stream().map(DemoNps.Answer::clientKey).distinct().count()).isGreaterThan(15);
    }
}
