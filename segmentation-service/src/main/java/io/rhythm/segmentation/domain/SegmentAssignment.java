package io.rhythm.segmentation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One placement of a client in a segment; the latest is the client's current segment. */
@Entity
@Table(name = "segment_assignment")
public class SegmentAssignment extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "client_id")
    public UUID clientId;
    @Enumerated(EnumType.STRING)
    public Segment segment;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_segment")
    public Segment fromSegment;
    public String reason;
    @Column(name = "assigned_by")
    public String assignedBy;
    @Column(name = "assigned_at")
    public Instant assignedAt;

    public static List<SegmentAssignment> history(UUID clientId) {
        return list("clientId = ?1 order by assignedAt desc, id", clientId);
    }

    public static Optional<SegmentAssignment> current(UUID clientId) {
        return find("clientId = ?1 order by assignedAt desc, id", clientId).firstResultOptional();
    }
}
