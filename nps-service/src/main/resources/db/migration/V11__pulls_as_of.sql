-- Issue 17: non-responder pulls are computed from the frozen recipient list and each answer's submittedAt, as of the
-- end of a cycle day, whatever channel delivered the survey (HubSpot-run cycles have no Rhythm invitations).
alter table non_responder_pull add column as_of timestamptz;
alter table non_responder_pull add column eligible integer;
alter table non_responder_pull_row alter column invited_at drop not null;
