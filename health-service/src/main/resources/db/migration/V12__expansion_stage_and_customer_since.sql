-- Issue 17, items 4 and 5.
-- EXPANSION joins the lifecycle stages. Every stored scoring model must weigh it (a model is valid only with
-- weights for every stage): the default v1 gets the weights DefaultScoringModel documents for it; any other
-- stored model gets its own MATURE weights, so its scores do not move when a client enters EXPANSION.
update scoring_model
set definition = jsonb_set(definition, '{stageWeights,EXPANSION}',
        case when version = 1
             then '{"USAGE": 0.35, "SUPPORT": 0.15, "FINANCIAL": 0.15, "RELATIONAL": 0.25, "ENGAGEMENT": 0.10}'::jsonb
             else definition -> 'stageWeights' -> 'MATURE' end)
where definition -> 'stageWeights' is not null
  and not (definition -> 'stageWeights' ? 'EXPANSION');

-- The stages the registry accepts, as data (existing rows only hold the four older ones).
alter table client add constraint client_lifecycle_stage
    check (lifecycle_stage in ('ONBOARDING', 'ADOPTION', 'MATURE', 'EXPANSION', 'RENEWAL'));

-- Tenure: the day the company became a customer (CRM "became a customer" date, or set in Rhythm); null = unknown.
alter table client add column customer_since date;
