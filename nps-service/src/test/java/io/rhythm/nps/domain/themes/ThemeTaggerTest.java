package io.rhythm.nps.domain.themes;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThemeTaggerTest {

    private static final ThemeTagger TAGGER = ThemeTagger.withDefaultTaxonomy();

    @AfterAll
    static void close() {
        TAGGER.close();
    }

    @Test
    void findsProductPerceptionInTheSeedsLanguage() {
        List<ThemeMatch> matches = TAGGER.tag("The product feels old-fashioned and the roadmap is unclear");

        assertThat(matches).singleElement().satisfies(m -> {
            assertThat(m.code()).isEqualTo("PRODUCT_PERCEPTION");
            assertThat(m.theme().owner()).isEqualTo(BusinessFunction.R_AND_D);
            assertThat(m.keywords()).containsExactly("old-fashioned", "roadmap");
            assertThat(m.evidence()).containsExactly("old-fashioned", "roadmap");
        });
    }

    @Test
    void matchesRegardlessOfCasePunctuationAndInflection() {
        assertThat(TAGGER.tag("Outdated! Honestly.")).singleElement().satisfies(m -> {
            assertThat(m.code()).isEqualTo("PRODUCT_PERCEPTION");
            assertThat(m.keywords()).containsExactly("outdated");
            assertThat(m.evidence()).containsExactly("Outdated");
        });
        assertThat(TAGGER.tag("Where are the ROADMAPS?")).extracting(ThemeMatch::keywords).containsExactly(List.of("roadmap"));
        assertThat(TAGGER.tag("The Roadmap's direction")).extracting(ThemeMatch::code).containsExactly("PRODUCT_PERCEPTION");
        assertThat(TAGGER.themeCodes("It looks old fashioned")).containsExactly("PRODUCT_PERCEPTION");
        assertThat(TAGGER.themeCodes("A LEGACY system")).containsExactly("PRODUCT_PERCEPTION");
    }

    @Test
    void phrasesMatchOnlyAsConsecutiveStemmedTerms() {
        assertThat(TAGGER.tag("Value for money is poor")).singleElement().satisfies(m -> {
            assertThat(m.code()).isEqualTo("PRICING_VALUE");
            assertThat(m.evidence()).containsExactly("Value for money");
        });
        assertThat(TAGGER.themeCodes("Values for money")).containsExactly("PRICING_VALUE");
        assertThat(TAGGER.themeCodes("money's value")).isEmpty();
        assertThat(TAGGER.themeCodes("Money is tight, but we value your team")).isEmpty();
        assertThat(TAGGER.themeCodes("value money")).isEmpty(); // the removed "for" keeps its place
        assertThat(TAGGER.themeCodes("fashioned old")).isEmpty();
    }

    @Test
    void tagsSupportComments() {
        assertThat(TAGGER.themeCodes("Support was not helpful")).containsExactly("SUPPORT_RESPONSIVENESS");
        assertThat(TAGGER.themeCodes("Slow response times from the help desk")).containsExactly("SUPPORT_RESPONSIVENESS");
    }

    @Test
    void aCommentCanHaveSeveralThemesInTaxonomyOrder() {
        assertThat(TAGGER.themeCodes("Great onboarding, very responsive team"))
                .containsExactly("SUPPORT_RESPONSIVENESS", "IMPLEMENTATION_ONBOARDING");
        assertThat(TAGGER.themeCodes("Frequent outages since the go-live, and the training was rushed. Pricing keeps rising."))
                .containsExactly("IMPLEMENTATION_ONBOARDING", "PRICING_VALUE", "TRAINING", "RELIABILITY_PERFORMANCE");
        assertThat(TAGGER.themeCodes("Our account manager is proactive and our QBRs are useful"))
                .containsExactly("RELATIONSHIP_ACCOUNT_MANAGEMENT");
    }

    @Test
    void commentsWithoutThemesAndBlankCommentsGiveNothing() {
        assertThat(TAGGER.tag("Thanks, all good.")).isEmpty();
        assertThat(TAGGER.tag("   ")).isEmpty();
        assertThat(TAGGER.tag(null)).isEmpty();
    }

    @Test
    void aCustomTaxonomyIsAnalysedTheSameWay() {
        ThemeTaxonomy taxonomy = ThemeTaxonomy.defaults()
                .with(Theme.of("DATA_SECURITY", "Data security", BusinessFunction.SOLUTIONS, "data breach", "privacy"));
        try (ThemeTagger tagger = new ThemeTagger(taxonomy)) {
            assertThat(tagger.themeCodes("Worried about DATA BREACHES")).containsExactly("DATA_SECURITY");
            assertThat(tagger.themeCodes("a breach of data")).isEmpty();
            assertThat(tagger.themeCodes("Privacy!")).containsExactly("DATA_SECURITY");
        }
    }

    @Test
    void keywordsMadeOnlyOfStopWordsAreRejected() {
        ThemeTaxonomy taxonomy = new ThemeTaxonomy(List.of(Theme.of("NOISE", "Noise", BusinessFunction.CS, "roadmap", "to be or not to be")));

        assertThatThrownBy(() -> new ThemeTagger(taxonomy)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("to be or not to be")
                .hasMessageContaining("NOISE");
    }
}
