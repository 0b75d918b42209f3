package io.rhythm.nps.service;

import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.DirectoryEntry;
import io.rhythm.platform.web.security.Caller;
import jakarta.persistence.EntityManager;

import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * The clients the caller may see (row-level access: a CSE/CAM their own, leaders and marketing all), with
 * what analytics groups them by — directory entry (business unit, owner CSE and CAM, ARR) and current segment —
 * looked up once per client. One instance per request; not thread-safe.
 */
public final class VisibleClients {

    /** Group key and name of clients without a business unit, segment or CSE. */
    public static final String NONE = "(none)";

    /** A visible client: its directory entry and its current segment (null when none is known). */
    public record Facts(DirectoryEntry entry, String segment) {

        /** The client's group key under a dimension. */
        public String key(Dimension by) {
            return switch (by) {
                case CLIENT -> entry.clientId().toString();
                case SEGMENT -> orNone(segment);
                case BUSINESS_UNIT -> orNone(entry.businessUnit());
                case CSE -> orNone(entry.ownerCse());
                case CAM -> orNone(entry.ownerCam());
            };
        }

        /** The client's group name under a dimension (the client's name, otherwise the key). */
        public String name(Dimension by) {
            return by == Dimension.CLIENT ? entry.name() : key(by);
        }
    }

    private final EntityManager em;
    private final ClientDirectory clients;
    private final Caller caller;
    private final Map<UUID, Optional<Facts>> known = new HashMap<>();
    private Map<UUID, String> segments;

    public VisibleClients(EntityManager em, ClientDirectory clients, Caller caller) {
        this.em = em;
        this.clients = clients;
        this.caller = caller;
    }

    /** The client's facts, or empty when it is unknown or outside the caller's portfolio. */
    public Optional<Facts> of(UUID client) {
        return known.computeIfAbsent(client, id -> clients.find(id).filter(e -> caller.canSee(e.ownership()))
                .map(e -> new Facts(e, segments().get(id))));
    }

    /** Looks these clients up at once (one statement) rather than one by one in {@link #of}. */
    public void preload(Collection<UUID> ids) {
        List<UUID> missing = ids.stream().filter(id -> !known.containsKey(id)).distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        Map<UUID, DirectoryEntry> found = clients.findAll(missing);
        for (UUID id : missing) {
            DirectoryEntry entry = found.get(id);
            known.put(id, entry == null || !caller.canSee(entry.ownership()) ? Optional.empty()
                    : Optional.of(new Facts(entry, segments().get(id))));
        }
    }

    private Map<UUID, String> segments() {
        if (segments == null) {
            segments = new HashMap<>();
            for (Object row : em.createNativeQuery("select client_id, segment from client_segment").getResultList()) {
                Object[] c = (Object[]) row;
                segments.put((UUID) c[0], (String) c[1]);
            }
        }
        return segments;
    }

    static String orNone(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }
}
