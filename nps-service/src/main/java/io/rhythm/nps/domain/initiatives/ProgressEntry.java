package io.rhythm.nps.domain.initiatives;

import java.time.Instant;
import java.time.LocalDate;

/** One progress report of an initiative (append-only). */
public record ProgressEntry(String id, LocalDate reportedOn, String author, String text, int percentComplete,
                            Instant recordedAt) {
}
