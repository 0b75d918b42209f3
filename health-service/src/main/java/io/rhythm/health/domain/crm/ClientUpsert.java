package io.rhythm.health.domain.crm;

import io.rhythm.health.domain.LifecycleStage;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One client row from a CRM, whatever its shape, normalised: identified by its id in the source
 * system ({@code source}/{@code externalId}); its owner either a Rhythm username or, as the CRM knows
 * it, an owner id to be looked up in the owner mappings.
 *
 * @param lifecycleStage null: keep the current stage (a new client starts at ONBOARDING)
 * @param churnedOn      set when the CRM says the client is a former customer: the day it churned
 * @param customerSince  the day the company became a customer (null: keep what is stored)
 */
public record ClientUpsert(String source, String externalId, String name, String region, String businessUnit,
                           String ownerCse, String ownerExternalId, String ownerCam, String tier,
                           LifecycleStage lifecycleStage, LocalDate renewalDate, BigDecimal annualRevenue,
                           String currency, String parentExternalId, LocalDate churnedOn, LocalDate customerSince) {

    /** The longest values a client takes, from the API (ClientRequest) or a CRM row alike. */
    public static final int NAME_MAX = 200;
    public static final int REGION_MAX = 50;
    public static final int BUSINESS_UNIT_MAX = 100;
    /** A Rhythm username (CSE, CAM). */
    public static final int USERNAME_MAX = 100;
    public static final int TIER_MAX = 50;
    /** An id in another system (the CRM's record, owner or parent id). */
    public static final int EXTERNAL_ID_MAX = 100;

    /** A row of a current customer. */
    public ClientUpsert(String source, String externalId, String name, String region, String businessUnit,
                        String ownerCse, String ownerExternalId, String ownerCam, String tier,
                        LifecycleStage lifecycleStage, LocalDate renewalDate, BigDecimal annualRevenue,
                        String currency, String parentExternalId) {
        this(source, externalId, name, region, businessUnit, ownerCse, ownerExternalId, ownerCam, tier, lifecycleStage,
                renewalDate, annualRevenue, currency, parentExternalId, null, null);
    }
}
