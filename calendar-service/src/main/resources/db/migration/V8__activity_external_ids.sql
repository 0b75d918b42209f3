-- Bulk import of past activities from a CRM export: the CRM's meeting id makes the import idempotent.
alter table engagement_activity
    add column external_id     text,
    add column external_source text;
create unique index engagement_activity_external on engagement_activity (external_source, external_id)
    where external_id is not null;
