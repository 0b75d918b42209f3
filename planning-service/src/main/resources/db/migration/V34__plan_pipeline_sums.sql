-- Portfolio metrics (issue 12) read the opportunity registers summed per plan, opportunity owner and currency instead of
-- every opportunity: GET /api/v1/plans/metrics then groups one row per plan and owner (10,000 plans) rather than one per
-- opportunity (100,000), which is what keeps it under its 300 ms target. The sums are exact (numeric, no rounding):
-- open_weighted_x100 is Σ value × probability of the open opportunities, i.e. 100 × their weighted value, divided
-- by 100 only where the figure is shown. The weighted value is linear, so sums of sums are the same figure.
-- Kept by a trigger in the transaction that changes the opportunity, so it is never stale; the "asOf" path reads the
-- stage history instead (plan_opportunity_stage) and does not use it. Rows whose opportunities are all gone stay
-- with zeros (they add nothing).
create table plan_pipeline_sum (
    plan_id            uuid    not null references account_plan (id),
    owner              text    not null,
    currency           text    not null,
    open_count         int     not null,
    open_value         numeric not null,
    open_weighted_x100 numeric not null,
    won_value          numeric not null,
    primary key (plan_id, owner, currency)
);

create function plan_pipeline_sum_add(p_plan uuid, p_owner text, p_currency text, p_stage text, p_value numeric,
                                      p_probability int, p_sign int) returns void language plpgsql as $$
declare
    open boolean := p_stage not in ('CLOSED_WON', 'CLOSED_LOST');
begin
    insert into plan_pipeline_sum as s (plan_id, owner, currency, open_count, open_value, open_weighted_x100, won_value)
    values (p_plan, p_owner, p_currency,
            case when open then p_sign else 0 end,
            case when open then p_sign * p_value else 0 end,
            case when open then p_sign * p_value * p_probability else 0 end,
            case when p_stage = 'CLOSED_WON' then p_sign * p_value else 0 end)
    on conflict (plan_id, owner, currency) do update
        set open_count = s.open_count + excluded.open_count,
            open_value = s.open_value + excluded.open_value,
            open_weighted_x100 = s.open_weighted_x100 + excluded.open_weighted_x100,
            won_value = s.won_value + excluded.won_value;
end $$;

create function plan_pipeline_sum_track() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform plan_pipeline_sum_add(old.plan_id, old.owner, old.currency, old.stage, old.value_amount, old.probability, -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform plan_pipeline_sum_add(new.plan_id, new.owner, new.currency, new.stage, new.value_amount, new.probability, 1);
    end if;
    return null;
end $$;

create trigger plan_pipeline_sum_track
    after insert or delete or update of plan_id, owner, currency, stage, value_amount, probability on plan_opportunity
    for each row execute function plan_pipeline_sum_track();

-- Opportunities entered before this migration.
insert into plan_pipeline_sum (plan_id, owner, currency, open_count, open_value, open_weighted_x100, won_value)
select plan_id, owner, currency,
       count(*) filter (where stage not in ('CLOSED_WON', 'CLOSED_LOST')),
       coalesce(sum(value_amount) filter (where stage not in ('CLOSED_WON', 'CLOSED_LOST')), 0),
       coalesce(sum(value_amount * probability) filter (where stage not in ('CLOSED_WON', 'CLOSED_LOST')), 0),
       coalesce(sum(value_amount) filter (where stage = 'CLOSED_WON'), 0)
from plan_opportunity
group by plan_id, owner, currency;
