package io.rhythm.platform.probe;

import java.time.Instant;

public record ProbeView(String id, String label, long version, Instant createdAt) {
}
