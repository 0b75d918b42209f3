package io.rhythm.nps.domain.letters;

/**
 * The life of a client letter (seed 000: drafted after the analysis, approved by the EVP, then sent):
 * DRAFT → APPROVED → SENT. Only a draft is edited or replaced by regeneration; only the EVP approves
 * (checked by the endpoint's role); only an approved letter is marked sent. A rejected transition is an
 * {@link IllegalStateException} whose message says why (the API answers 409 with it).
 */
public enum LetterStatus {
    DRAFT, APPROVED, SENT;

    public void requireEditable() {
        if (this != DRAFT) {
            throw new IllegalStateException("only a DRAFT letter can be edited; this one is " + this);
        }
    }

    public LetterStatus approve() {
        if (this != DRAFT) {
            throw new IllegalStateException("only a DRAFT letter can be approved; this one is already " + this);
        }
        return APPROVED;
    }

    public LetterStatus markSent() {
        if (this == DRAFT) {
            throw new IllegalStateException("the letter must be approved by the EVP before it is sent");
        }
        if (this == SENT) {
            throw new IllegalStateException("the letter was already marked sent");
        }
        return SENT;
    }

    /** Regenerating a cycle's letters replaces drafts and never touches approved or sent letters. */
    public boolean replacedByRegeneration() {
        return this == DRAFT;
    }
}
