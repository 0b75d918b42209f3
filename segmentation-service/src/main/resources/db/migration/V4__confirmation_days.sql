-- The confirmation rule by days (issue 11): a pending move remembers since when the client has sat in the new cell.
alter table client_segment_state add column pending_since timestamptz;
update client_segment_state set pending_since = updated_at where pending_segment is not null;
create index client_segment_state_pending on client_segment_state (pending_since) where pending_segment is not null;

-- The default model (version 1) gains the day rule beside its two consecutive inputs: a client that sat 14 days in
-- a new cell with no assessment elsewhere is moved, so a client whose inputs are rare does not wait for ever.
update segment_model set document = jsonb_set(document::jsonb, '{confirmation,days}', '14')::text
where version = 1 and document::jsonb -> 'confirmation' -> 'days' is null;
