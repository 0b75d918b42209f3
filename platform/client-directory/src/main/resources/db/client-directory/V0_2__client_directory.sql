-- Local projection of the client registry, fed by ClientUpserted events (topic clients.v1).
create table client_directory (
    client_id       uuid primary key,
    name            text        not null,
    region          text        not null,
    business_unit   text,
    owner_cse       text        not null,
    owner_cam       text,
    tier            text,
    lifecycle_stage text        not null,
    renewal_date    date,
    arr_amount      numeric(19, 2),
    arr_currency    char(3),
    version         bigint      not null,
    updated_at      timestamptz not null default now()
);
create index client_directory_owner_cse on client_directory (owner_cse);
create index client_directory_owner_cam on client_directory (owner_cam);
create index client_directory_name on client_directory (name, client_id);
