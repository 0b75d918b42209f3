package io.rhythm.health.domain;

/**
 * Where a client is in its life with us; health weights differ per stage (seed 002: "adjusting weightings for
 * onboarding, expansion, and renewal phases"). EXPANSION: an established client growing its footprint (more
 * seats, modules or teams), between MATURE and the next RENEWAL.
 */
public enum LifecycleStage {
    ONBOARDING, ADOPTION, MATURE, EXPANSION, RENEWAL
}
