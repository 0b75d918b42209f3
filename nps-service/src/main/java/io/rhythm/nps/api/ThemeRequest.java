package io.rhythm.nps.api;

import io.rhythm.nps.domain.themes.ThemeRules;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A theme of the taxonomy. Checked by {@link io.rhythm.nps.domain.themes.ThemeRules} (all problems at once, as
 * field errors); the limits documented here are its constants.
 *
 * @param code     optional on create (derived from the name), ignored on update
 * @param name     display name, unique (case-insensitive)
 * @param owner    the business function the theme is routed to, e.g. R_AND_D, SUPPORT, PS, COMMOPS, CS
 * @param keywords keywords and phrases, analysed like comments (stemming, stop words)
 */
@Schema(example = """
        {"code": "SECURITY", "name": "Security & compliance", "owner": "R_AND_D", "keywords": ["security", "compliance", "data breach"]}""")
public record ThemeRequest(
        @Schema(maxLength = ThemeRules.MAX_CODE, pattern = "^[A-Z][A-Z0-9_]*$") String code,
        @Schema(maxLength = ThemeRules.MAX_NAME) String name,
        @Schema(maxLength = ThemeRules.MAX_CODE) String owner,
        @Schema(maxItems = ThemeRules.MAX_KEYWORDS) List<@Size(max = ThemeRules.MAX_KEYWORD) String> keywords) {
}
