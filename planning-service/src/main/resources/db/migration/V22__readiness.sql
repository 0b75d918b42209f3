-- Readiness assessments (seed 004) and the projections of other services' events they are built from.

-- Latest health score per client (health.scores.v1 HealthScoreChanged; out-of-order safe by scored_at)
create table readiness_client_health (
    client_id  uuid primary key,
    score      numeric(5, 1) not null,
    band       text          not null,
    scored_at  timestamptz   not null
);

-- Open and closed issues per client: health alerts (health.alerts.v1) and detractor cases (nps.cases.v1)
create table readiness_issue (
    issue_id     text primary key,
    client_id    uuid        not null,
    kind         text        not null check (kind in ('HEALTH_ALERT', 'DETRACTOR_CASE')),
    issue_type   text        not null,
    severity     text        not null,
    owner        text,
    status       text        not null,
    reason       text,
    opened_at    timestamptz not null,
    closed_at    timestamptz,
    sla_breached boolean     not null default false
);
create index readiness_issue_client on readiness_issue (client_id);

-- Expansion signals (health.alerts.v1 ExpansionSignalRaised)
create table readiness_expansion_signal (
    signal_id  text primary key,
    client_id  uuid        not null,
    reason     text,
    raised_at  timestamptz not null
);
create index readiness_expansion_client on readiness_expansion_signal (client_id);

create table readiness_assessment (
    id           uuid primary key,
    scope_kind   text        not null check (scope_kind in ('PORTFOLIO', 'REGION', 'CSE')),
    scope_value  text,
    as_of        date        not null,
    -- a CSE's or CAM's assessment covers only their portfolio and is visible only to them (and portfolio-wide roles)
    restricted_to text,
    created_by   text        not null,
    created_at   timestamptz not null,
    -- the live-data snapshot taken at creation: proposals with evidence, and the deliverables' figures
    snapshot     jsonb       not null
);

-- A person's confirmation or override of a proposed criterion score
create table readiness_decision (
    assessment_id uuid        not null references readiness_assessment (id) on delete cascade,
    criterion     text        not null,
    score         int         not null check (score between 1 and 5),
    reason        text,
    decided_by    text        not null,
    decided_at    timestamptz not null,
    primary key (assessment_id, criterion)
);
