-- Every segment a client was put in, newest last; the current segment is the latest row.
create table segment_assignment (
    id          uuid primary key,
    client_id   uuid        not null,
    segment     text        not null,
    from_segment text,
    reason      text        not null,
    assigned_by text        not null,
    assigned_at timestamptz not null
);
create index segment_assignment_client on segment_assignment (client_id, assigned_at desc);
