package io.rhythm.nps.service.letters;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How an edited letter text becomes the paragraphs of its HTML/PDF. */
class LetterRendererTest {

    @Test
    void blankLinesSeparateParagraphsAndSingleBreaksJoin() {
        assertThat(LetterRenderer.paragraphs("Dear team,\n\nFirst line\nsame paragraph.\r\n \r\nLast."))
                .containsExactly("Dear team,", "First line same paragraph.", "Last.");
        assertThat(LetterRenderer.paragraphs("  One.  ")).containsExactly("One.");
    }
}
