-- A client's contract renewal, opened 90 days before the contract end date (once per client and end date).
create table renewal (
    id               uuid primary key,
    client_id        uuid           not null,
    contract_end     date           not null,
    kickoff_date     date           not null,
    revenue_amount   numeric(17, 2),
    currency         text,
    status           text           not null,
    risk_assessment  text,
    outcome_revenue  numeric(17, 2),
    outcome_at       timestamptz,
    outcome_by       text,
    opened_at        timestamptz    not null,
    version          bigint         not null default 0,
    unique (client_id, contract_end)
);
