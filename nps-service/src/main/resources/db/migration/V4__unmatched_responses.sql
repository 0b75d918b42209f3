-- Imported answers whose respondent could not be matched to one contact: kept for a person to resolve.
create table unmatched_response (
    id          uuid        primary key,
    cycle_id    uuid        not null references survey_cycle (id) on delete cascade,
    source      text        not null,
    email       text,
    reason      text        not null,
    payload     jsonb       not null,
    received_at timestamptz not null
);
create index unmatched_response_received on unmatched_response (received_at, id);
