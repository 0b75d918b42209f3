create table account_plan (
    id          uuid primary key,
    client_id   uuid        not null,
    fiscal_year text        not null,
    title       text        not null,
    owner       text        not null,
    created_at  timestamptz not null,
    unique (client_id, fiscal_year)
);
create index account_plan_client on account_plan (client_id);
