-- Platform tables every data-owning service has (Flyway location db/platform; services' own
-- migrations start at V1 in db/migration).

-- Transactional outbox: events written in the same transaction as the state change they describe,
-- published to Kafka by the relay in id order.
create table rhythm_outbox (
    id             bigserial primary key,
    event_id       uuid        not null unique,
    topic          text        not null,
    event_key      text        not null,
    event_type     text        not null,
    source         text        not null,
    occurred_at    timestamptz not null,
    correlation_id text,
    payload        jsonb       not null,
    created_at     timestamptz not null default now(),
    sent_at        timestamptz,
    attempts       integer     not null default 0,
    last_error     text
);
create index rhythm_outbox_pending on rhythm_outbox (id) where sent_at is null;
create index rhythm_outbox_sent_at on rhythm_outbox (sent_at) where sent_at is not null;

-- Idempotent consumers: one row per (consumer, ce_id) processed; written in the transaction of the effect.
create table rhythm_processed_event (
    consumer     text        not null,
    event_id     text        not null,
    event_type   text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
create index rhythm_processed_event_at on rhythm_processed_event (processed_at);

-- Idempotency-Key on POST: the first answer is kept and replayed for the same caller, key and body.
create table rhythm_idempotency_key (
    caller        text        not null,
    idem_key      text        not null,
    operation     text        not null,
    request_hash  text        not null,
    status        integer     not null,
    response_body text,
    location      text,
    created_at    timestamptz not null default now(),
    primary key (caller, idem_key)
);
create index rhythm_idempotency_key_created on rhythm_idempotency_key (created_at);
