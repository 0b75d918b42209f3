package io.rhythm.nps.api;

import io.rhythm.nps.domain.letters.ClientLetter;
import io.rhythm.nps.domain.letters.ClientLetterFacts;
import io.rhythm.nps.domain.letters.LetterStatus;

import java.time.Instant;
import java.time.LocalDate;

/** A client letter: its text, the figures it was drafted from, and who generated, edited, approved and sent it. */
public record LetterView(String id, String cycleId, String clientId, String clientName, String businessUnit,
                         LetterStatus status, String subject, String body, ClientLetterFacts facts, long version,
                         Instant generatedAt, String generatedBy, Instant editedAt, String editedBy, Instant approvedAt,
                         String approvedBy, LocalDate sentOn, Instant sentAt, String sentBy) {

    static LetterView of(ClientLetter l, ClientLetterFacts facts) {
        return new LetterView(l.id.toString(), l.cycleId.toString(), l.clientId.toString(), l.clientName, l.businessUnit,
                l.status, l.subject, l.body, facts, l.version, l.generatedAt, l.generatedBy, l.editedAt, l.editedBy,
                l.approvedAt, l.approvedBy, l.sentOn, l.sentAt, l.sentBy);
    }
}
