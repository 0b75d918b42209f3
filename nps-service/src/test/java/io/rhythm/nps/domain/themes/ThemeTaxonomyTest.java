package io.rhythm.nps.domain.themes;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThemeTaxonomyTest {

    @Test
    void theDefaultTaxonomyCoversTheSeedsThemesWithOwners() {
        ThemeTaxonomy defaults = ThemeTaxonomy.defaults();

        assertThat(defaults.themes()).extracting(Theme::code).containsExactly(
                "PRODUCT_PERCEPTION", "SUPPORT_RESPONSIVENESS", "IMPLEMENTATION_ONBOARDING", "PRICING_VALUE",
                "RELATIONSHIP_ACCOUNT_MANAGEMENT", "TRAINING", "RELIABILITY_PERFORMANCE");
        Theme product = defaults.theme("PRODUCT_PERCEPTION").orElseThrow();
        assertThat(product.keywords()).contains("legacy", "outdated", "old-fashioned", "roadmap");
        assertThat(product.owner()).isEqualTo(BusinessFunction.R_AND_D);
        assertThat(defaults.theme("PRICING_VALUE").orElseThrow().owner()).isEqualTo(BusinessFunction.COMMOPS);
    }

    @Test
    void themesCanBeReplacedAddedAndRemoved() {
        ThemeTaxonomy defaults = ThemeTaxonomy.defaults();
        Theme narrower = Theme.of("TRAINING", "Training", BusinessFunction.CS, "training");

        ThemeTaxonomy replaced = defaults.with(narrower);
        assertThat(replaced.themes()).hasSameSizeAs(defaults.themes());
        assertThat(replaced.themes().get(5)).isEqualTo(narrower);

        ThemeTaxonomy added = defaults.with(Theme.of("SECURITY", "Security", BusinessFunction.SOLUTIONS, "privacy"));
        assertThat(added.themes()).last().extracting(Theme::code).isEqualTo("SECURITY");

        assertThat(defaults.without("TRAINING").theme("TRAINING")).isEmpty();
    }

    @Test
    void rejectsInvalidThemes() {
        Theme one = Theme.of("A", "A", BusinessFunction.CS, "a word");

        assertThatThrownBy(() -> new ThemeTaxonomy(List.of(one, one))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> Theme.of("product perception", "x", BusinessFunction.CS, "roadmap"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Theme.of("EMPTY", "Empty", BusinessFunction.CS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Theme.of("BLANK", "Blank", BusinessFunction.CS, " ")).isInstanceOf(IllegalArgumentException.class);
    }
}
