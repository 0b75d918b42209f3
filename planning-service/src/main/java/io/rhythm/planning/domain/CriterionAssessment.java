package io.rhythm.planning.domain;

/** How an action's success criterion turned out; closing a plan needs every criterion assessed. */
public enum CriterionAssessment {
    MET, PARTIALLY_MET, NOT_MET
}
