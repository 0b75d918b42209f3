package io.rhythm.platform.events.payload;

import java.time.LocalDate;

/**
 * An EVP-approved NPS client letter was sent to its client (nps-service): a client touchpoint that closes
 * the loop of a cycle. {@code nps} and {@code responses} are the client's figures the letter quotes.
 */
public record ClientLetterSent(String letterId, String cycleId, String cycleName, String clientId, LocalDate sentOn,
                               String approvedBy, String sentBy, int responses, int nps) {
}
