-- Projections of other services' events that plans snapshot (health assessment) or depend on (SAP need).
create table client_health (
    client_id   uuid primary key,
    score       int         not null,
    band        text        not null,
    scored_at   timestamptz not null
);
create table client_nps (
    client_id     uuid primary key,
    last_score    int         not null,
    responses     int         not null,
    promoters     int         not null,
    detractors    int         not null,
    responded_at  timestamptz not null
);
create table client_engagement (
    client_id      uuid primary key,
    last_activity  date not null,
    activity_type  text not null
);
-- ClientSegmentProjection's table (platform/data).
create table if not exists client_segment (
    client_id    uuid primary key,
    segment      text        not null,
    sap_required boolean     not null,
    updated_at   timestamptz not null
);
