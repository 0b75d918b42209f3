package io.rhythm.health.domain;

/** Where a client is in its life with us; health weights differ per stage. */
public enum LifecycleStage {
    ONBOARDING, ADOPTION, MATURE, RENEWAL
}
