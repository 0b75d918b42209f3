package io.rhythm.health.domain.crm;

import java.util.List;

/** A CRM row after reading: the upsert, or the problems that keep it out (never both). */
public record AdaptedRow(ClientUpsert upsert, List<RowProblem> problems) {

    public static AdaptedRow of(ClientUpsert upsert) {
        return new AdaptedRow(upsert, List.of());
    }

    public static AdaptedRow rejected(List<RowProblem> problems) {
        return new AdaptedRow(null, List.copyOf(problems));
    }

    public boolean accepted() {
        return problems.isEmpty();
    }
}
