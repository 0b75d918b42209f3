create table engagement_activity (
    id            uuid primary key,
    client_id     uuid        not null,
    activity_type text        not null,
    occurred_on   date        not null,
    summary       text,
    logged_by     text        not null,
    logged_at     timestamptz not null
);
create index engagement_activity_client on engagement_activity (client_id, occurred_on desc, id);
