package io.rhythm.nps.api;

import io.rhythm.nps.service.themes.ThemeCatalog.StoredTheme;

import java.time.Instant;
import java.util.List;

/** A theme as the API shows it; {@code version} is also the ETag ("v3"). */
public record ThemeView(String code, String name, String owner, String ownerName, List<String> keywords, int position, long version,
                        String updatedBy, Instant updatedAt) {

    static ThemeView of(StoredTheme t) {
        return new ThemeView(t.code(), t.name(), t.owner().name(), t.ownerName(), t.keywords(), t.position(), t.version(),
                t.updatedBy(), t.updatedAt());
    }
}
