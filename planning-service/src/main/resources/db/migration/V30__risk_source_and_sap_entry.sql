-- Risks written by the system (e.g. an Annual Renewal that ended "will not renew") name their source once:
-- a redelivered or repeated trigger cannot add the same risk twice.
alter table plan_risk add column source_ref text;
create unique index plan_risk_source_ref on plan_risk (source_ref) where source_ref is not null;

-- Segment entries that have drafted (or found) a Satisfaction Action Plan: segmentation publishes both
-- SegmentMigrated(sapRequired) and SatisfactionActionPlanRequired for one migration; an entry (client, segment,
-- effective time) is handled once, so the pair, and any redelivery, drafts one plan even if it was closed meanwhile.
create table sap_entry (
    client_id  uuid        not null,
    entry_key  text        not null,
    sap_id     uuid        not null references sap (id),
    handled_at timestamptz not null,
    primary key (client_id, entry_key)
);
