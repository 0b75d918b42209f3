package io.rhythm.planning.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(example = """
        {"target": {"amount": "1500000.00", "currency": "AUD"}}""")
public record QuotaRequest(@NotNull @Valid MoneyInput target) {
}
