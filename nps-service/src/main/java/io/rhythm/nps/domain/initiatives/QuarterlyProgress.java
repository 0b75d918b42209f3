package io.rhythm.nps.domain.initiatives;

import java.util.Comparator;
import java.util.List;

/**
 * An initiative's line in the quarterly "NPS Initiatives Update": the latest progress reported up to the
 * quarter's end (it may be from an earlier quarter: "no update this quarter" is itself worth seeing) and
 * the updates reported within the quarter, oldest first.
 */
public record QuarterlyProgress(ProgressEntry latest, List<ProgressEntry> inQuarter) {

    private static final Comparator<ProgressEntry> ORDER = Comparator.comparing(ProgressEntry::reportedOn)
            .thenComparing(ProgressEntry::recordedAt);

    public static QuarterlyProgress of(List<ProgressEntry> entries, Quarter quarter) {
        List<ProgressEntry> upToEnd = entries.stream().filter(e -> !e.reportedOn().isAfter(quarter.end())).sorted(ORDER).toList();
        ProgressEntry latest = upToEnd.isEmpty() ? null : upToEnd.get(upToEnd.size() - 1);
        return new QuarterlyProgress(latest, upToEnd.stream().filter(e -> quarter.contains(e.reportedOn())).toList());
    }

    public boolean updatedInQuarter() {
        return !inQuarter.isEmpty();
    }
}
