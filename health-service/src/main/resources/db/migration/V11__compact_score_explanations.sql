-- A score's explanation is a pure function of the model version (immutable once created), the lifecycle
-- stage and the inputs (HealthScorer), so new scores store the stage and the inputs (~100 bytes) instead of
-- the whole explanation (~2 KB of JSON, compressed on every insert), and the explanation is rebuilt on read.
-- Rows written before keep the explanation they were stored with.
alter table health_score alter column explanation drop not null;
alter table health_score add column stage text;
alter table health_score add column inputs jsonb;
alter table health_score add constraint health_score_explained
    check (explanation is not null or (stage is not null and inputs is not null));

-- The current score carries its model version, so a rescore reads a client's stage and current score in
-- one statement. score_id stays the pointer to the stored score; both rows are written by the same
-- statement sequence in one transaction, so the per-row foreign-key check on every rescore is dropped.
alter table client_health add column model_version integer;
update client_health c set model_version = h.model_version from health_score h where h.id = c.score_id;
alter table client_health alter column model_version set not null;
alter table client_health drop constraint client_health_score_id_fkey;
