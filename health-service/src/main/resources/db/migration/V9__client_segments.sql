-- Each client's current segment, from segmentation-service's SegmentMigrated events (segments.migrations.v1).
create table client_segment (
    client_id    uuid        primary key,
    segment      text        not null,
    sap_required boolean     not null,
    updated_at   timestamptz not null
);
create index client_segment_segment on client_segment (segment);
