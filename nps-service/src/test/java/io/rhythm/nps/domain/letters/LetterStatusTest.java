package io.rhythm.nps.domain.letters;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LetterStatusTest {

    @Test
    void draftIsEditedApprovedAndOnlyThenSent() {
        LetterStatus.DRAFT.requireEditable();
        assertThat(LetterStatus.DRAFT.approve()).isEqualTo(LetterStatus.APPROVED);
        assertThat(LetterStatus.APPROVED.markSent()).isEqualTo(LetterStatus.SENT);
    }

    @Test
    void aDraftCannotBeSentBeforeApproval() {
        assertThatThrownBy(LetterStatus.DRAFT::markSent).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("approved by the EVP");
    }

    @Test
    void approvedAndSentLettersAreFrozen() {
        assertThatThrownBy(LetterStatus.APPROVED::requireEditable).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(LetterStatus.SENT::requireEditable).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(LetterStatus.APPROVED::approve).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(LetterStatus.SENT::approve).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(LetterStatus.SENT::markSent).hasMessageContaining("already");
    }

    @Test
    void onlyDraftsAreReplacedByRegeneration() {
        assertThat(LetterStatus.DRAFT.replacedByRegeneration()).isTrue();
        assertThat(LetterStatus.APPROVED.replacedByRegeneration()).isFalse();
        assertThat(LetterStatus.SENT.replacedByRegeneration()).isFalse();
    }
}
