package io.rhythm.nps.domain.operations;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopThemesTest {

    private static final Map<String, String> NAMES = Map.of("PRODUCT_PERCEPTION", "Product perception",
            "SUPPORT_RESPONSIVENESS", "Support responsiveness", "PRICING_VALUE", "Pricing & value");

    @Test
    void mostFrequentFirstTiesByCodeWithTheirShareOfAllResponses() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("SUPPORT_RESPONSIVENESS", 2);
        counts.put("PRICING_VALUE", 2);
        counts.put("PRODUCT_PERCEPTION", 4);
        counts.put("TRAINING", 1);
        assertThat(TopThemes.rank(counts, 12, 3, NAMES::get)).containsExactly(
                new TopThemes.Ranked("PRODUCT_PERCEPTION", "Product perception", 4, 33.3),
                new TopThemes.Ranked("PRICING_VALUE", "Pricing & value", 2, 16.7),
                new TopThemes.Ranked("SUPPORT_RESPONSIVENESS", "Support responsiveness", 2, 16.7));
    }

    @Test
    void unknownCodesAreNamedByTheirCodeAndEmptyCountsAreLeftOut() {
        assertThat(TopThemes.rank(Map.of("NEW_THEME", 1, "PRICING_VALUE", 0), 3, 5, NAMES::get))
                .containsExactly(new TopThemes.Ranked("NEW_THEME", "NEW_THEME", 1, 33.3));
    }

    @Test
    void noThemesNoResponses() {
        assertThat(TopThemes.rank(Map.of(), 0, 5, NAMES::get)).isEmpty();
        assertThat(TopThemes.rank(Map.of("PRICING_VALUE", 3), 3, 0, NAMES::get)).isEmpty();
    }

    @Test
    void refusesCountsThatCannotBe() {
        assertThatThrownBy(() -> TopThemes.rank(Map.of("PRICING_VALUE", 4), 3, 5, NAMES::get))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TopThemes.rank(Map.of(), 3, -1, NAMES::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
