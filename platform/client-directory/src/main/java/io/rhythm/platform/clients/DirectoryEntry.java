package io.rhythm.platform.clients;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.rhythm.platform.events.payload.Money;
import io.rhythm.platform.web.security.ClientOwnership;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** What a service knows locally about a client from the registry's events. */
public record DirectoryEntry(UUID clientId, String name, String region, String businessUnit, String ownerCse,
                             String ownerCam, String tier, String lifecycleStage, LocalDate renewalDate,
                             @JsonIgnore BigDecimal arrAmount, @JsonIgnore String arrCurrency, long version) {

    /** Annual revenue in the API's money format, or null when unknown. */
    @JsonProperty("annualRevenue")
    public Money annualRevenue() {
        return arrAmount == null ? null : Money.of(arrAmount, arrCurrency);
    }

    @JsonIgnore
    public ClientOwnership ownership() {
        return new ClientOwnership(ownerCse, ownerCam);
    }
}
