package io.rhythm.planning.domain;

/** What an opportunity sells (seed 000, opportunity register). */
public enum OpportunityType {
    NEW_LOGO, NEW_MODULE, UPSELL, CROSS_SELL, RENEWAL, SERVICES
}
