package io.rhythm.platform.probe;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record ProbeRequest(@NotBlank @Size(max = 200) String label) {
}
