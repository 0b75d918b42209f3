package io.rhythm.platform.web.security;

/** Who a client is assigned to: the basis of row-level access. */
public record ClientOwnership(String ownerCse, String ownerCam) {
}
