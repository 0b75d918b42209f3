package io.rhythm.planning.domain;

/** A stakeholder's part in the client's decisions (stakeholder map). */
public enum StakeholderRole {
    ECONOMIC_BUYER, CHAMPION, INFLUENCER, USER, DETRACTOR
}
