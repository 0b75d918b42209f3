package io.rhythm.nps.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(example = """
        {"sentOn": "2026-05-27"}""")
public record LetterSent(@Schema(description = "the day the letter went out; default today; not in the future, not before approval")
                         LocalDate sentOn) {
}
