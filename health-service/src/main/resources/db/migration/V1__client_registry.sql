-- The client registry: the platform's source of truth for clients.
create table client (
    id              uuid primary key,
    name            text           not null,
    region          text           not null,
    business_unit   text,
    owner_cse       text           not null,
    owner_cam       text,
    tier            text,
    lifecycle_stage text           not null,
    renewal_date    date,
    arr_amount      numeric(19, 2),
    arr_currency    char(3),
    version         bigint         not null default 0,
    created_at      timestamptz    not null default now(),
    updated_at      timestamptz    not null default now()
);
create index client_owner_cse on client (owner_cse);
create index client_owner_cam on client (owner_cam);
create index client_name on client (name, id);

-- Ids of the same client in source systems (CRM account id, HubSpot company id, ...).
create table client_external_id (
    client_id   uuid not null references client (id) on delete cascade,
    source      text not null,
    external_id text not null,
    primary key (client_id, source),
    unique (source, external_id)
);

-- Engagement activities (meetings, QBRs, ...) as health signals, from calendar.activities.v1.
create table engagement_signal (
    activity_id   uuid primary key,
    client_id     uuid        not null,
    activity_type text        not null,
    occurred_on   date        not null,
    logged_by     text        not null,
    received_at   timestamptz not null default now()
);
create index engagement_signal_client on engagement_signal (client_id, occurred_on desc);
