-- Parent accounts (e.g. a health department and its hospitals).
alter table client add column parent_id uuid references client (id);

-- How a CRM's owner ids map to Rhythm users (e.g. HubSpot owner 51234 → cse).
create table owner_mapping (
    source            text        not null,
    external_owner_id text        not null,
    username          text        not null,
    updated_at        timestamptz not null default now(),
    primary key (source, external_owner_id)
);

-- Records that could not be matched (to an owner, a client, ...): kept for a person to resolve, never dropped.
create table unmatched_record (
    id          uuid primary key,
    source      text        not null,
    kind        text        not null,
    external_id text        not null,
    reason      text        not null,
    payload     jsonb       not null,
    received_at timestamptz not null,
    resolved_at timestamptz,
    unique (source, kind, external_id)
);
create index unmatched_record_open on unmatched_record (received_at, id) where resolved_at is null;
