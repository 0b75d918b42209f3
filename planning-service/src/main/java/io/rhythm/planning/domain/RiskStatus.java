package io.rhythm.planning.domain;

/** An attrition risk's state: confirmed losses count in full, at-risk ones by their probability. */
public enum RiskStatus {
    CONFIRMED, AT_RISK, MITIGATED, REALISED
}
