package io.rhythm.nps.domain.themes;

import io.rhythm.nps.domain.themes.ThemePolarity.Hit;
import io.rhythm.nps.domain.themes.ThemePolarity.Polarity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Polarity and negation of theme hits on a table of sentences (issue 17). */
class ThemePolarityTest {

    private static final ThemeTaxonomy TAXONOMY = ThemeTaxonomy.defaults()
            .with(Theme.of("REPORTING", "Reporting", BusinessFunction.R_AND_D, "reporting module", "reports"));
    private static final ThemeTagger TAGGER = new ThemeTagger(TAXONOMY);
    private static final ThemePolarity POLARITY = new ThemePolarity();

    @AfterAll
    static void close() {
        TAGGER.close();
        POLARITY.close();
    }

    private static Map<String, Polarity> polarities(String comment) {
        Map<String, Polarity> byTheme = new LinkedHashMap<>();
        for (Hit hit : POLARITY.classify(comment, TAGGER.tag(comment))) {
            byTheme.put(hit.code(), hit.polarity());
        }
        return byTheme;
    }

    /** comment | theme | expected polarity of that theme. */
    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            The old reporting module is no longer a problem                              | REPORTING                 | PRAISE
            Our interface fault was fixed the same afternoon — great help from the support team | SUPPORT_RESPONSIVENESS | PRAISE
            The reporting module is a problem                                           | REPORTING                 | COMPLAINT
            Support was not helpful                                                     | SUPPORT_RESPONSIVENESS    | COMPLAINT
            Support was helpful                                                         | SUPPORT_RESPONSIVENESS    | PRAISE
            Support is slow                                                             | SUPPORT_RESPONSIVENESS    | COMPLAINT
            Support is never slow                                                       | SUPPORT_RESPONSIVENESS    | PRAISE
            Support isn't slow any more                                                 | SUPPORT_RESPONSIVENESS    | PRAISE
            The product feels outdated                                                  | PRODUCT_PERCEPTION        | COMPLAINT
            The product is not outdated at all                                          | PRODUCT_PERCEPTION        | PRAISE
            We had no outages since the upgrade                                         | RELIABILITY_PERFORMANCE   | PRAISE
            We never had a crash this year                                              | RELIABILITY_PERFORMANCE   | PRAISE
            Hardly any downtime this quarter                                            | RELIABILITY_PERFORMANCE   | PRAISE
            Frequent outages since the go-live                                          | RELIABILITY_PERFORMANCE   | COMPLAINT
            Frequent outages since the go-live                                          | IMPLEMENTATION_ONBOARDING | COMPLAINT
            The outage was resolved within the hour                                     | RELIABILITY_PERFORMANCE   | PRAISE
            The billing error was fixed quickly                                         | PRICING_VALUE             | PRAISE
            Pricing is expensive                                                        | PRICING_VALUE             | COMPLAINT
            Pricing is not expensive for what we get                                    | PRICING_VALUE             | PRAISE
            Great onboarding, but support is slow                                       | IMPLEMENTATION_ONBOARDING | PRAISE
            Great onboarding, but support is slow                                       | SUPPORT_RESPONSIVENESS    | COMPLAINT
            Support is slow. Great onboarding though                                    | SUPPORT_RESPONSIVENESS    | COMPLAINT
            The training was excellent                                                  | TRAINING                  | PRAISE
            The training was poor and the documentation confusing                       | TRAINING                  | COMPLAINT
            The documentation is clear                                                  | TRAINING                  | PRAISE
            Our account manager is proactive and helpful                                | RELATIONSHIP_ACCOUNT_MANAGEMENT | PRAISE
            Our account manager ignored our emails                                      | RELATIONSHIP_ACCOUNT_MANAGEMENT | COMPLAINT
            Our account manager never ignored a request                                 | RELATIONSHIP_ACCOUNT_MANAGEMENT | PRAISE
            Where is the roadmap?                                                       | PRODUCT_PERCEPTION        | NEUTRAL
            We discussed the roadmap at the QBR                                         | PRODUCT_PERCEPTION        | NEUTRAL
            The roadmap is unclear                                                      | PRODUCT_PERCEPTION        | COMPLAINT
            The migration went smooth and without issues                                | IMPLEMENTATION_ONBOARDING | PRAISE
            The migration had issues                                                    | IMPLEMENTATION_ONBOARDING | COMPLAINT
            Performance issues were solved after the patch                              | RELIABILITY_PERFORMANCE   | PRAISE
            The reports are buggy; support resolved it                                  | REPORTING                 | COMPLAINT
            The reports are buggy; support resolved it                                  | SUPPORT_RESPONSIVENESS    | PRAISE
            Slow response times from the help desk                                      | SUPPORT_RESPONSIVENESS    | COMPLAINT
            The crash is still not fixed                                                | RELIABILITY_PERFORMANCE   | COMPLAINT
            """)
    void eachThemeHasThePolarityOfItsClause(String comment, String theme, Polarity expected) {
        assertThat(polarities(comment)).containsEntry(theme, expected);
    }

    @Test
    void aComplaintAnywhereWinsOverPraiseElsewhere() {
        String comment = "Support was great in May. Support was slow in June.";
        assertThat(polarities(comment)).containsEntry("SUPPORT_RESPONSIVENESS", Polarity.COMPLAINT);
    }

    @Test
    void clausesEndAtPunctuationDashesAndContrastWords() {
        assertThat(ThemePolarity.clausesContaining("Great onboarding, but support is slow", "support"))
                .containsExactly(" support is slow");
        assertThat(ThemePolarity.clausesContaining("fixed — great help from the support team", "support"))
                .containsExactly("great help from the support team");
        assertThat(ThemePolarity.clausesContaining("support. support!", "support")).hasSize(2);
        assertThat(ThemePolarity.clausesContaining("nothing here", "support")).isEmpty();
        assertThat(Arrays.asList(Polarity.values())).containsExactly(Polarity.COMPLAINT, Polarity.PRAISE, Polarity.NEUTRAL);
    }

    @Test
    void hitsKeepTheirEvidence() {
        List<Hit> hits = POLARITY.classify("Support was not helpful", TAGGER.tag("Support was not helpful"));
        assertThat(hits).singleElement().satisfies(h -> {
            assertThat(h.code()).isEqualTo("SUPPORT_RESPONSIVENESS");
            assertThat(h.evidence()).containsExactly("Support");
        });
    }
}
