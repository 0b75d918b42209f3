-- Closed loop after a cycle: client letters and BU talking points (EVP approval), NPS initiatives.

-- One letter per client per cycle. The figures it was drafted from are kept as JSON (facts) so the
-- letter reads the same after later answers or re-tagging; the text (subject, body) is what people edit.
create table client_letter (
    id            uuid        primary key,
    cycle_id      uuid        not null references survey_cycle (id) on delete cascade,
    client_id     uuid        not null,
    client_name   text        not null,
    business_unit text        not null,
    status        text        not null check (status in ('DRAFT', 'APPROVED', 'SENT')),
    subject       text        not null check (length(subject) <= 200),
    body          text        not null check (length(body) <= 20000),
    facts         text        not null,
    version       bigint      not null default 0,
    generated_at  timestamptz not null,
    generated_by  text        not null,
    edited_at     timestamptz,
    edited_by     text,
    approved_at   timestamptz,
    approved_by   text,
    sent_on       date,
    sent_at       timestamptz,
    sent_by       text,
    unique (cycle_id, client_id)
);
create index client_letter_list on client_letter (cycle_id, client_name, id);

-- The talking points of one business unit for one cycle, approved by the EVP with its letters.
create table bu_talking_points (
    cycle_id      uuid        not null references survey_cycle (id) on delete cascade,
    business_unit text        not null,
    status        text        not null check (status in ('DRAFT', 'APPROVED')),
    facts         text        not null,
    generated_at  timestamptz not null,
    generated_by  text        not null,
    approved_at   timestamptz,
    approved_by   text,
    primary key (cycle_id, business_unit)
);

create table nps_initiative (
    id           uuid        primary key,
    title        text        not null,
    description  text,
    owner        text        not null,
    themes       text[]      not null default '{}',
    client_ids   uuid[]      not null default '{}',
    status       text        not null check (status in ('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
    target_date  date,
    created_at   timestamptz not null,
    created_by   text        not null,
    updated_at   timestamptz not null,
    version      bigint      not null default 0
);
create index nps_initiative_list on nps_initiative (created_at desc, id);
create index nps_initiative_clients on nps_initiative using gin (client_ids);
create index nps_initiative_themes on nps_initiative using gin (themes);

-- Append-only progress reports of an initiative (never updated or deleted through the API).
create table nps_initiative_progress (
    id               uuid        primary key,
    initiative_id    uuid        not null references nps_initiative (id) on delete cascade,
    reported_on      date        not null,
    author           text        not null,
    text             text        not null,
    percent_complete integer     not null check (percent_complete between 0 and 100),
    recorded_at      timestamptz not null
);
create index nps_initiative_progress_by on nps_initiative_progress (initiative_id, reported_on, recorded_at);
