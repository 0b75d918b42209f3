package io.rhythm.health.domain.crm;

import java.util.List;

/** A CRM contact row after reading: the upsert, or the problems that keep it out (never both). */
public record AdaptedContact(ContactUpsert upsert, List<RowProblem> problems) {

    public static AdaptedContact of(ContactUpsert upsert) {
        return new AdaptedContact(upsert, List.of());
    }

    public static AdaptedContact rejected(List<RowProblem> problems) {
        return new AdaptedContact(null, List.copyOf(problems));
    }

    public boolean accepted() {
        return problems.isEmpty();
    }
}
