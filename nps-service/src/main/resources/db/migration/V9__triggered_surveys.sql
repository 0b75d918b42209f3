-- Surveys outside cycles (triggered: quarterly relationship, onboarding day 30, post-ticket, pre-renewal,
-- detractor follow-up), answers that belong to no cycle, the signed survey webhook's dedupe, and the
-- unmatched queue opened to answers without a cycle.

-- When a client's relationship with us started, as nps-service knows it: the tenure rules need it and the
-- client projection has no start date. Recorded the first time the trigger evaluation sees the client:
-- an ONBOARDING client started that day; any other stage was established before (started_on null).
create table client_tenure (
    client_id     uuid        primary key,
    started_on    date,
    source        text        not null check (source in ('FIRST_SEEN_ONBOARDING', 'ESTABLISHED', 'SET')),
    first_seen_at timestamptz not null
);

-- One survey sent (or to be sent, or skipped) to one contact for one reason. Idempotent on (kind, reference):
-- the reference names the occasion (e.g. "2026-Q4/<contact>", a ticket id, a renewal date, a case id).
create table survey_send (
    id            uuid        primary key,
    kind          text        not null check (kind in ('RELATIONSHIP_QUARTERLY', 'ONBOARDING_DAY_30', 'POST_TICKET',
                                                       'PRE_RENEWAL_60_DAYS', 'DETRACTOR_FOLLOW_UP')),
    reference     text        not null check (length(reference) between 1 and 300),
    client_id     uuid        not null,
    contact_id    uuid        not null,
    email         text,
    due_at        timestamptz not null,
    status        text        not null check (status in ('SCHEDULED', 'SENT', 'ANSWERED', 'SKIPPED')),
    skip_reason   text        check (skip_reason in ('MIN_INTERVAL', 'UNSUBSCRIBED', 'INVALID_EMAIL', 'INACTIVE', 'UNKNOWN_CONTACT')),
    skip_detail   text,
    token_hash    bytea       unique check (length(token_hash) = 32),
    sent_at       timestamptz,
    expires_at    timestamptz,
    -- a send blocked by the minimum interval waits (due_at moves) while the occasion lasts; after this it is skipped
    window_ends_at timestamptz not null,
    responded_at  timestamptz,
    created_at    timestamptz not null,
    created_by    text        not null,
    unique (kind, reference),
    check ((status = 'SKIPPED') = (skip_reason is not null))
);
create index survey_send_due on survey_send (due_at) where status = 'SCHEDULED';
create index survey_send_contact_sent on survey_send (contact_id, sent_at) where sent_at is not null;
create index survey_send_list on survey_send (created_at desc, id desc);
create index survey_send_client on survey_send (client_id, created_at desc);

-- An answer belongs to a cycle, to a send, or (the webhook, without either) to neither. Cycle analytics
-- keep filtering by cycle_id, so answers outside cycles do not change them.
alter table survey_response alter column cycle_id drop not null;
alter table survey_response add column survey_send_id uuid references survey_send (id);
create unique index survey_response_send_once on survey_response (survey_send_id) where survey_send_id is not null;
create index survey_response_contact on survey_response (contact_id, responded_at);

-- The webhook's events, by the sender's event id: a repeated delivery is answered "duplicate" and records nothing.
create table webhook_event (
    event_id     text        primary key check (length(event_id) between 1 and 200),
    received_at  timestamptz not null,
    outcome      text        not null check (outcome in ('RECORDED', 'UNMATCHED', 'DUPLICATE')),
    response_id  uuid,
    unmatched_id uuid
);

-- The webhook's unmatched answers have no cycle.
alter table unmatched_response alter column cycle_id drop not null;
create index unmatched_response_source on unmatched_response (source, received_at, id);
