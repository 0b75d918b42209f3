package io.rhythm.planning.domain;

import java.util.List;

/**
 * Flags of a stakeholder map: single-threaded when fewer than two stakeholders with at least moderate
 * influence (3 of 5) and relationship strength (3 of 5) carry the account; missing an executive sponsor
 * when no economic buyer is on the map with a sentiment other than negative.
 */
public record StakeholderMap(int stakeholders, int strongRelationships, boolean singleThreaded,
                             boolean missingExecutiveSponsor) {

    public static final int STRONG = 3;

    public record Person(StakeholderRole role, int influence, int relationshipStrength, Sentiment sentiment) {
    }

    public static StakeholderMap of(List<Person> people) {
        int strong = (int) people.stream()
                .filter(p -> p.influence() >= STRONG && p.relationshipStrength() >= STRONG).count();
        boolean sponsor = people.stream()
                .anyMatch(p -> p.role() == StakeholderRole.ECONOMIC_BUYER && p.sentiment() != Sentiment.NEGATIVE);
        return new StakeholderMap(people.size(), strong, strong < 2, !sponsor);
    }
}
