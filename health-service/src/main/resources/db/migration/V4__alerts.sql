-- Alerts (seed 001 "Critical Alert Triggers") with the SLA timers of its "Alert Response Protocol".

-- The SLA policy as data: an alert must reach `stage` within `due_after` of being raised, or it
-- escalates to the role `escalate_to`. alert_type '*' applies to every type without a row of its
-- own for that stage. Deadlines are copied onto each alert when it is raised (alert_sla_timer), so
-- changing the policy does not move the deadlines of alerts already raised.
create table alert_sla_policy (
    alert_type  text     not null,
    stage       text     not null check (stage in ('ACKNOWLEDGED', 'ASSESSED', 'PLANNED', 'EXECUTING', 'RESOLVED')),
    due_after   interval not null check (due_after > interval '0'),
    escalate_to text     not null,
    primary key (alert_type, stage)
);
-- Seed 001: acknowledge 2 h / assess 4 h / plan 24 h / execute 48 h / follow-up 72 h; a missed SLA
-- goes to the CS director (realm role avp).
insert into alert_sla_policy (alert_type, stage, due_after, escalate_to) values
    ('*', 'ACKNOWLEDGED', interval '2 hours', 'avp'),
    ('*', 'ASSESSED', interval '4 hours', 'avp'),
    ('*', 'PLANNED', interval '24 hours', 'avp'),
    ('*', 'EXECUTING', interval '48 hours', 'avp'),
    ('*', 'RESOLVED', interval '72 hours', 'avp');

create table alert (
    id          uuid primary key,
    client_id   uuid        not null references client (id) on delete cascade,
    type        text        not null,
    severity    text        not null,
    status      text        not null,
    owner       text        not null, -- the client's CSE when raised
    also_notify text        not null default '', -- comma-separated roles/teams told at once
    reason      text        not null,
    evidence    jsonb       not null,
    raised_at   timestamptz not null,
    updated_at  timestamptz not null,
    version     bigint      not null default 0
);
-- One open alert per client and type: raising it again while open does nothing.
create unique index alert_open_per_client_type on alert (client_id, type) where status <> 'RESOLVED';
create index alert_raised on alert (raised_at desc, id desc);
create index alert_client on alert (client_id, raised_at desc, id desc);
create index alert_owner on alert (owner, raised_at desc);

-- Who moved an alert, when, and why.
create table alert_transition (
    id          bigserial primary key,
    alert_id    uuid        not null references alert (id) on delete cascade,
    from_status text        not null,
    to_status   text        not null,
    changed_by  text        not null,
    changed_at  timestamptz not null,
    note        text
);
create index alert_transition_alert on alert_transition (alert_id, id);

-- One row per alert and SLA stage: the deadline, when the stage was reached, and when a breach was
-- escalated (set once: the row is the record that the escalation happened).
create table alert_sla_timer (
    alert_id     uuid        not null references alert (id) on delete cascade,
    stage        text        not null,
    due_at       timestamptz not null,
    escalate_to  text        not null,
    reached_at   timestamptz,
    escalated_at timestamptz,
    primary key (alert_id, stage)
);
create index alert_sla_timer_due on alert_sla_timer (due_at) where escalated_at is null;

-- Expansion signals (seed 001): one per client and qualifying usage streak.
create table expansion_signal (
    id                   uuid primary key,
    client_id            uuid             not null references client (id) on delete cascade,
    streak_start         date             not null, -- first day of the streak's first month
    qualifying_month     date             not null, -- first day of the month it qualified in
    health_score         numeric(4, 1)    not null,
    plan_limit_usage_pct double precision not null,
    streak_months        integer          not null,
    reason               text             not null,
    raised_at            timestamptz      not null,
    unique (client_id, streak_start)
);
