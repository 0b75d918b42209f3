create table probe (
    id         uuid primary key,
    label      text        not null unique,
    version    bigint      not null default 0,
    created_at timestamptz not null default now()
);

-- One row per effect of a consumed ProbeRecorded event; no unique key on purpose, so that a
-- duplicate effect would show.
create table probe_effect (
    id          bigserial primary key,
    probe_id    text        not null,
    event_id    text        not null,
    label       text        not null,
    consumed_at timestamptz not null default now()
);
create index probe_effect_probe on probe_effect (probe_id);
