package io.rhythm.platform.clients;

import java.util.List;
import java.util.UUID;

/** What a service knows locally about a client contact from the registry's events. */
public record ContactEntry(UUID contactId, UUID clientId, String name, String email, String title, String department,
                           List<String> stakeholderRoles, boolean subscribed, boolean active, long version) {
}
