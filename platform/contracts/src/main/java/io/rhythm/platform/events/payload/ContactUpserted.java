package io.rhythm.platform.events.payload;

import java.util.List;

/**
 * A client contact was created or changed (health-service), published on clients.v1 with the client
 * id as key so it stays ordered with its client's events. Unsubscribed contacts are never emailed.
 */
public record ContactUpserted(String contactId, String clientId, String name, String email, String title,
                              String department, List<String> stakeholderRoles, boolean subscribed, boolean active,
                              long version) {
}
