-- Satisfaction Action Plans (seed 000 template): one open plan per client at a time.
create table sap (
    id                  uuid primary key,
    client_id           uuid        not null,
    status              text        not null,
    segment             text,
    reason              text        not null,
    still_required      boolean     not null default true,
    owner               text,
    activated_on        date,
    last_update_on      date,
    last_review_on      date,
    created_at          timestamptz not null,
    closed_at           timestamptz,
    closing_summary     text,
    version             bigint      not null default 0
);
create unique index sap_one_open_per_client on sap (client_id) where status <> 'CLOSED';

create table sap_action (
    id                  uuid primary key,
    sap_id              uuid        not null references sap (id),
    description         text        not null,
    business_function   text        not null,
    accountable         text        not null,
    timeframe           text        not null,
    due_date            date,
    success_criteria    text        not null,
    measurement_method  text        not null,
    review_dates        text,
    assessment          text,
    assessment_note     text,
    version             bigint      not null default 0,
    created_at          timestamptz not null
);
create index sap_action_sap on sap_action (sap_id);

create table sap_progress (
    id          uuid primary key,
    sap_id      uuid        not null references sap (id),
    action_id   uuid references sap_action (id),
    kind        text        not null,
    on_date     date        not null,
    note        text        not null,
    author      text        not null,
    created_at  timestamptz not null
);
create index sap_progress_sap on sap_progress (sap_id, on_date);
