package io.rhythm.planning.api;

import io.rhythm.planning.domain.Stakeholder;

import java.time.LocalDate;

public record StakeholderView(String id, String planId, String contactId, String name, String title, String role,
                              int influence, String sentiment, String engagementFrequency, int relationshipStrength,
                              LocalDate lastContactDate, long version) {

    public static StakeholderView of(Stakeholder s) {
        return new StakeholderView(s.id.toString(), s.planId.toString(), s.contactId == null ? null : s.contactId.toString(),
                s.name, s.title, s.role.name(), s.influence, s.sentiment.name(), s.engagementFrequency,
                s.relationshipStrength, s.lastContactDate, s.version);
    }
}
