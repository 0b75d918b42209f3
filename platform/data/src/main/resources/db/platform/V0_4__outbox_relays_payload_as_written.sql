-- (V0_2 and V0_3 are the client directory's, db/client-directory; platform libraries share one version line.)
-- The relay publishes an event's data exactly as the writer serialised it (validated against its schema
-- then): json keeps the text as written, and costs a syntax check instead of jsonb's conversion on every
-- insert and back to text on every relay. Nothing queries inside the payload.
alter table rhythm_outbox alter column payload type json using payload::json;

-- Outbox event ids are random UUIDs made by OutboxWriter and nothing looks an event up by its id, so the
-- unique index on it only cost an index entry on every insert and on every "sent" update of the hot path.
alter table rhythm_outbox drop constraint if exists rhythm_outbox_event_id_key;
