-- The Briefing Room's projections: what calendar-service keeps from other services' events so that a
-- meeting brief is assembled locally (no calls to other services). Each is written by an idempotent consumer.

-- segments.migrations.v1 SegmentMigrated (the shared ClientSegmentProjection's table)
create table client_segment (
    client_id    uuid primary key,
    segment      text        not null,
    sap_required boolean     not null,
    updated_at   timestamptz not null
);

-- segments.migrations.v1 CadenceBreached: Activity Register items that became overdue
create table brief_cadence_breach (
    client_id     uuid not null,
    activity_type text not null,
    cadence       text not null,
    segment       text,
    due_date      date not null,
    last_held     date,
    detected_on   date not null,
    primary key (client_id, activity_type, due_date)
);

-- health.scores.v1 HealthScoreChanged: the latest score per client (an older event never overwrites a newer one)
create table brief_health (
    client_id      uuid primary key,
    score          numeric(6, 2) not null,
    band           text          not null,
    previous_score numeric(6, 2),
    previous_band  text,
    delta          numeric(6, 2),
    drivers        jsonb         not null,
    flags          jsonb         not null,
    model_version  integer       not null,
    scored_at      timestamptz   not null
);

-- nps.responses.v1 SurveyResponseSubmitted: every answer (score, category, theme codes; never the comment)
create table brief_nps_response (
    response_id     text primary key,
    client_id       uuid        not null,
    cycle_id        text,
    score           integer     not null,
    category        text        not null,
    themes          jsonb       not null,
    sentiment_label text,
    channel         text,
    responded_at    timestamptz not null
);
create index brief_nps_response_client on brief_nps_response (client_id, responded_at desc);

-- health.alerts.v1 AlertRaised / AlertStatusChanged / AlertEscalated
create table brief_alert (
    alert_id     text primary key,
    client_id    uuid        not null,
    alert_type   text        not null,
    severity     text,
    status       text        not null,
    owner        text,
    reason       text,
    raised_at    timestamptz,
    escalated_to text,
    updated_at   timestamptz not null
);
create index brief_alert_client on brief_alert (client_id) where status <> 'RESOLVED';

-- nps.cases.v1 DetractorCaseOpened / DetractorCaseEscalated / DetractorCaseClosed
create table brief_detractor_case (
    case_id          text primary key,
    client_id        uuid        not null,
    response_id      text,
    score            integer,
    owner            text,
    status           text        not null,
    opened_at        timestamptz,
    outreach_due_at  timestamptz,
    action_plan_due_at timestamptz,
    escalated_stages text[]      not null default '{}',
    closed_at        timestamptz,
    updated_at       timestamptz not null
);
create index brief_detractor_case_client on brief_detractor_case (client_id) where status <> 'CLOSED';
