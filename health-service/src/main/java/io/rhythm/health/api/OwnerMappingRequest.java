package io.rhythm.health.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record OwnerMappingRequest(@NotBlank @Size(max = 100) String username) {
}
