-- What actually happened to a client (from CRM sync or the API): the ground truth backtests are judged against.
create table client_outcome (
    client_id    uuid        not null references client (id) on delete cascade,
    outcome      text        not null check (outcome in ('CHURNED', 'RENEWED')),
    outcome_date date        not null,
    recorded_by  text        not null,
    recorded_at  timestamptz not null,
    primary key (client_id, outcome_date)
);
create index client_outcome_date on client_outcome (outcome_date);
