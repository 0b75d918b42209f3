package io.rhythm.health.domain;

/** What a contact is to the relationship (seed 000: stakeholder-specific strategies; account plans' influence map). */
public enum StakeholderRole {
    EXECUTIVE_SPONSOR, DECISION_MAKER, ECONOMIC_BUYER, CHAMPION, INFLUENCER, TECHNICAL_CONTACT, END_USER, DETRACTOR
}
