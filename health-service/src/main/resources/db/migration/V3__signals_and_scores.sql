-- Every signal received, once (event id); the audit trail and the input of backtests.
create table signal_observation (
    event_id    text             primary key,
    client_id   uuid             not null,
    metric      text             not null,
    value       double precision not null,
    occurred_at timestamptz      not null,
    received_at timestamptz      not null default now(),
    channel     text             not null
);
create index signal_observation_client on signal_observation (client_id, occurred_at desc);

-- The current value of each metric per client: the signal with the latest event time wins,
-- whatever order signals arrive in.
create table client_metric (
    client_id   uuid             not null,
    metric      text             not null,
    value       double precision not null,
    occurred_at timestamptz      not null,
    event_id    text             not null,
    primary key (client_id, metric)
);

-- Every score a client had (a new row only when score or band changed), with its explanation.
create table health_score (
    id            bigserial primary key,
    client_id     uuid         not null,
    scored_at     timestamptz  not null,
    model_version integer      not null,
    score         numeric(4, 1) not null,
    band          text         not null,
    explanation   jsonb        not null,
    trigger_kind  text         not null,
    trigger_id    text
);
create index health_score_client on health_score (client_id, scored_at desc, id desc);

-- The latest score per client, for portfolio queries.
create table client_health (
    client_id uuid primary key references client (id) on delete cascade,
    score_id  bigint        not null references health_score (id),
    score     numeric(4, 1) not null,
    band      text          not null,
    scored_at timestamptz   not null
);
create index client_health_band on client_health (band, score);
