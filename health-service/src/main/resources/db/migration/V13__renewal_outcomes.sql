-- Outcomes recorded in planning-service (RenewalOutcomeRecorded): which renewal they came from and planning's own
-- outcome (RENEWED_WITH_CHANGE is kept here; the backtest's ground truth stays CHURNED or RENEWED).
alter table client_outcome add column renewal_id uuid;
alter table client_outcome add column renewal_outcome text
    check (renewal_outcome in ('RENEWED', 'RENEWED_WITH_CHANGE', 'CHURNED'));
