package io.rhythm.nps.domain.themes;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ThemeRulesTest {

    @Test
    void aGoodThemeHasNoProblems() {
        assertThat(ThemeRules.check(null, "Security & compliance", "r_and_d", List.of("security", "data breach"))).isEmpty();
        assertThat(ThemeRules.check("SECURITY", "Security", "SUPPORT", List.of("security"))).isEmpty();
    }

    @Test
    void everyProblemIsReportedOnItsField() {
        List<ThemeRules.Problem> problems = ThemeRules.check("bad code", " ", "NOPE", List.of("roadmap", "the", " ", "Roadmap "));
        assertThat(problems).extracting(ThemeRules.Problem::field)
                .containsExactly("code", "name", "owner", "keywords[1]", "keywords[2]", "keywords[3]");
        assertThat(problems.get(3).message()).contains("no searchable word");
        assertThat(problems.get(5).message()).contains("repeats keywords[0]");
    }

    @Test
    void keywordsAreRequired() {
        assertThat(ThemeRules.check(null, "X", "CS", List.of())).extracting(ThemeRules.Problem::field).containsExactly("keywords");
        assertThat(ThemeRules.check(null, "X", "CS", null)).extracting(ThemeRules.Problem::field).containsExactly("keywords");
        assertThat(ThemeRules.check(null, "X", null, Arrays.asList("ok", null))).extracting(ThemeRules.Problem::field)
                .containsExactly("owner", "keywords[1]");
    }

    @Test
    void codesAreDerivedFromNames() {
        assertThat(ThemeRules.codeFor("Pricing & value")).isEqualTo("PRICING_VALUE");
        assertThat(ThemeRules.codeFor("  Café — service ")).isEqualTo("CAFE_SERVICE");
        assertThat(ThemeRules.codeFor("2024 roadmap")).isEqualTo("ROADMAP");
        assertThat(ThemeRules.check(null, "!!!", "CS", List.of("x"))).extracting(ThemeRules.Problem::field).containsExactly("name");
    }

    @Test
    void theDefaultTaxonomyPassesItsOwnRules() {
        for (Theme theme : ThemeTaxonomy.defaults().themes()) {
            assertThat(ThemeRules.check(theme.code(), theme.name(), theme.owner().name(), theme.keywords())).as(theme.code()).isEmpty();
        }
    }
}
