-- Issue 17: a cycle delivered by HubSpot (or another tool) rather than by Rhythm's own e-mails, and an explicit
-- extension of the close date (the scan closes every cycle at the end of its close date, whatever its channel).
alter table survey_cycle add column delivery text not null default 'RHYTHM' check (delivery in ('RHYTHM', 'EXTERNAL'));
alter table survey_cycle add column delivery_tool text check (length(delivery_tool) <= 60);
alter table survey_cycle add column close_extended_at timestamptz;
alter table survey_cycle add column close_extended_by text;
