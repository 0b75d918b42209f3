-- A risk's state over time, so portfolio metrics can be read "as of" a date (opportunities already keep their
-- stage history in plan_opportunity_stage). One row per change of status, probability, amount or fiscal year.
create table plan_risk_history (
    risk_id     uuid           not null references plan_risk (id),
    seq         int            not null,
    status      text           not null,
    probability int            not null,
    amount      numeric(17, 2) not null,
    currency    text           not null,
    fiscal_year text           not null,
    changed_by  text           not null,
    changed_at  timestamptz    not null,
    primary key (risk_id, seq)
);
-- Risks entered before this migration: their current state, from their creation (the only history there is).
insert into plan_risk_history (risk_id, seq, status, probability, amount, currency, fiscal_year, changed_by, changed_at)
select id, 1, status, probability, amount, currency, fiscal_year, owner, created_at from plan_risk;
