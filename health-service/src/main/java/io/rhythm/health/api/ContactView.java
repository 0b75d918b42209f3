package io.rhythm.health.api;

import io.rhythm.health.domain.Contact;

import java.time.Instant;
import java.util.List;

public record ContactView(String id, String clientId, String name, String email, String title, String department,
                          List<String> stakeholderRoles, boolean subscribed, boolean active, long version, Instant updatedAt) {

    public static ContactView of(Contact c) {
        return new ContactView(c.id.toString(), c.clientId.toString(), c.name, c.email, c.title, c.department, c.roles(),
                c.subscribed, c.active, c.version, c.updatedAt);
    }
}
