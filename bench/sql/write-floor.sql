-- The floor of PostgreSQL's work per signal on the health ingest hot path (see bench/README.md).
--
-- The same writes health-service makes for one signal that changes one client's score — the
-- observation, the client's current metric, the score row, the client's current-score pointer, the
-- HealthScoreChanged outbox row and its "sent" mark — on tables with the same columns and indexes,
-- but set-based, generated inside the server (no client, no network, no parsing, no reads, one
-- commit per statement) and on fresh, small tables. Real ingest can only cost more.
--
-- Run it in a scratch database of the `up` PostgreSQL (it drops and creates its own tables there):
--   su postgres -c "psql -h .rhythm/up/postgres/sock -p 15432 -d postgres -c 'create database scratch'"
--   su postgres -c "psql -h .rhythm/up/postgres/sock -p 15432 -d scratch -f bench/sql/write-floor.sql"
-- Per-signal floor = (sum of the six timed statements) / 100,000.
\set ON_ERROR_STOP on
\pset footer off
set client_min_messages = warning;

drop table if exists floor_outbox, floor_score, floor_observation, floor_metric, floor_current;
create table floor_observation (event_id text primary key, client_id uuid not null, metric text not null,
    value float8 not null, occurred_at timestamptz not null, received_at timestamptz not null, channel text not null);
create index on floor_observation (client_id, occurred_at desc);
create table floor_metric (client_id uuid, metric text, value float8 not null, occurred_at timestamptz not null,
    event_id text not null, primary key (client_id, metric));
create table floor_score (id bigserial primary key, client_id uuid not null, scored_at timestamptz not null,
    model_version int not null, score numeric(4,1) not null, band text not null, stage text, inputs jsonb,
    trigger_kind text not null, trigger_id text);
create index on floor_score (client_id, scored_at desc, id desc);
create table floor_current (client_id uuid primary key, score_id bigint not null, score numeric(4,1) not null,
    band text not null, scored_at timestamptz not null, model_version int not null);
create table floor_outbox (id bigserial primary key, event_id uuid not null, topic text not null, event_key text not null,
    event_type text not null, source text not null, occurred_at timestamptz not null, correlation_id text,
    payload json not null, created_at timestamptz not null default now(), sent_at timestamptz,
    attempts int not null default 0, last_error text);
create index on floor_outbox (id) where sent_at is null;
create index on floor_outbox (sent_at) where sent_at is not null;

-- 100,000 signals: 10 for each of 10,000 clients, each for its own metric
create temp table floor_clients as select gen_random_uuid() as id from generate_series(1, 10000);
create temp table floor_signals as
    select gen_random_uuid()::text as event_id, c.id as client_id, 'metric.' || g as metric
    from generate_series(1, 10) g, floor_clients c;
-- ten rounds of one score per client, to upsert the current-score pointer 100,000 times (first insert, then update)
create temp table floor_rounds as
    select c.id as client_id, g as round from generate_series(1, 10) g, floor_clients c;
vacuum analyze floor_signals;

\timing on
\echo 1/6 observations
insert into floor_observation
    select event_id, client_id, metric, 65, now(), now(), 'kafka' from floor_signals;
\echo 2/6 current metrics
insert into floor_metric
    select client_id, metric, 65, now(), event_id from floor_signals
    on conflict (client_id, metric) do update set value = excluded.value, occurred_at = excluded.occurred_at,
        event_id = excluded.event_id where floor_metric.occurred_at <= excluded.occurred_at;
\echo 3/6 score rows
insert into floor_score (client_id, scored_at, model_version, score, band, stage, inputs, trigger_kind, trigger_id)
    select client_id, now(), 1, 75.0, 'STABLE', 'MATURE', '{"usage.active_users_pct": 65.0}', 'signal', event_id
    from floor_signals;
\echo 4/6 current-score pointers (10 rounds of 10,000)
do $$
begin
    for r in 1..10 loop
        insert into floor_current
            select client_id, r, 75.0, 'STABLE', now(), 1 from floor_rounds where round = r
            on conflict (client_id) do update set score_id = excluded.score_id, score = excluded.score,
                band = excluded.band, scored_at = excluded.scored_at, model_version = excluded.model_version;
    end loop;
end $$;
\echo 5/6 outbox rows
insert into floor_outbox (event_id, topic, event_key, event_type, source, occurred_at, payload)
    select gen_random_uuid(), 'health.scores.v1', client_id::text, 'io.rhythm.health.HealthScoreChanged',
           '/rhythm/health-service', now(),
           '{"band":"STABLE","delta":0.2,"flags":[],"score":76.7,"drivers":[{"component":"USAGE","currentValue":76.7,"previousValue":76.5,"contributionDelta":0.2}],"trigger":{"id":"cf748718-171e-4d5f-8000-0000000187ef","kind":"signal"},"clientId":"eada6459-43cf-42fe-ae6f-f12ea007bf08","scoredAt":"2026-11-23T19:51:57.652208258Z","modelVersion":4,"previousBand":"STABLE","previousScore":76.5}'
    from floor_signals;
\echo 6/6 outbox rows marked sent
update floor_outbox set sent_at = now(), attempts = attempts + 1 where sent_at is null;
\timing off

drop table floor_outbox, floor_score, floor_observation, floor_metric, floor_current;
