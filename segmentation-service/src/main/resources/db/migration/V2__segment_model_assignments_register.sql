-- The segment model as versioned data. Version 1 is the seed's (000, Segmentation Framework and Activity Register
-- Requirements): six segments with their CS and sales strategies and cadences, satisfaction = 0.6 x NPS mean x 10
-- + 0.4 x health on 0-100 with bands [0,60) [60,75) [75,+), spend = annual maintenance revenue in AUD with bands
-- [0,250k) [250k,1M) [1M,+), the three cells the seed leaves open placed as documented on SegmentModel, and a
-- new segment confirmed by two consecutive assessments. A review creates a DRAFT; activating one retires the last.
create table segment_model (
    version      int primary key,
    name         text        not null,
    status       text        not null check (status in ('DRAFT', 'ACTIVE', 'RETIRED')),
    document     text        not null,
    created_by   text        not null,
    created_at   timestamptz not null,
    activated_by text,
    activated_at timestamptz
);
create unique index segment_model_one_active on segment_model (status) where status = 'ACTIVE';

insert into segment_model (version, name, status, document, created_by, created_at, activated_by, activated_at)
values (1, 'APAC 2026 default', 'ACTIVE', '{
  "name": "APAC 2026 default",
  "satisfaction": {
    "npsWeight": 0.6,
    "healthWeight": 0.4,
    "npsWindowDays": 365,
    "bands": [
      {
        "band": "LOW",
        "from": 0,
        "to": 60
      },
      {
        "band": "MODERATE",
        "from": 60,
        "to": 75
      },
      {
        "band": "HIGH",
        "from": 75,
        "to": null
      }
    ]
  },
  "spend": {
    "basis": "ABSOLUTE",
    "currency": "AUD",
    "bands": [
      {
        "band": "LOW",
        "from": 0,
        "to": 250000
      },
      {
        "band": "MODERATE",
        "from": 250000,
        "to": 1000000
      },
      {
        "band": "HIGH",
        "from": 1000000,
        "to": null
      }
    ]
  },
  "grid": {
    "LOW": {
      "LOW": "MAINTAIN",
      "MODERATE": "NURTURE",
      "HIGH": "NURTURE"
    },
    "MODERATE": {
      "LOW": "MAINTAIN",
      "MODERATE": "SLEEPING_GIANTS",
      "HIGH": "SLEEPING_GIANTS"
    },
    "HIGH": {
      "LOW": "LEVERAGE",
      "MODERATE": "COLLABORATE",
      "HIGH": "GIANTS"
    }
  },
  "confirmation": {
    "consecutiveInputs": 2
  },
  "segments": [
    {
      "code": "MAINTAIN",
      "definition": "Low satisfaction, low spend",
      "csStrategy": "Increase satisfaction through intensive support and communication",
      "salesStrategy": "Prevent attrition; re-establish trust before sales conversations",
      "cadences": {
        "PARTNERSHIP_MEETING": "MONTHLY",
        "SERVICE_REVIEW": "MONTHLY",
        "HEALTH_CHECK": "QUARTERLY",
        "QBR": "QUARTERLY",
        "EXECUTIVE_ENGAGEMENT": "AS_NEEDED"
      }
    },
    {
      "code": "LEVERAGE",
      "definition": "Satisfied, low spend",
      "csStrategy": "Maintain satisfaction; identify growth opportunities",
      "salesStrategy": "Increase annual spend through targeted proposals",
      "cadences": {
        "PARTNERSHIP_MEETING": "QUARTERLY",
        "SERVICE_REVIEW": "QUARTERLY",
        "HEALTH_CHECK": "BI_ANNUAL",
        "QBR": "QUARTERLY",
        "EXECUTIVE_ENGAGEMENT": "BI_ANNUAL"
      }
    },
    {
      "code": "NURTURE",
      "definition": "High spend, low satisfaction",
      "csStrategy": "Targeted satisfaction improvement",
      "salesStrategy": "Protect revenue; delay expansion until satisfaction improves",
      "cadences": {
        "PARTNERSHIP_MEETING": "MONTHLY",
        "SERVICE_REVIEW": "MONTHLY",
        "HEALTH_CHECK": "QUARTERLY",
        "QBR": "QUARTERLY",
        "EXECUTIVE_ENGAGEMENT": "QUARTERLY"
      }
    },
    {
      "code": "COLLABORATE",
      "definition": "Satisfied, moderate spend",
      "csStrategy": "Deepen strategic partnership",
      "salesStrategy": "Expand products and services",
      "cadences": {
        "PARTNERSHIP_MEETING": "QUARTERLY",
        "SERVICE_REVIEW": "QUARTERLY",
        "HEALTH_CHECK": "BI_ANNUAL",
        "QBR": "QUARTERLY",
        "EXECUTIVE_ENGAGEMENT": "BI_ANNUAL"
      }
    },
    {
      "code": "SLEEPING_GIANTS",
      "definition": "High spend, moderate satisfaction",
      "csStrategy": "Focused satisfaction improvement",
      "salesStrategy": "Maintain contract value; careful expansion",
      "cadences": {
        "PARTNERSHIP_MEETING": "MONTHLY",
        "SERVICE_REVIEW": "MONTHLY",
        "HEALTH_CHECK": "QUARTERLY",
        "QBR": "QUARTERLY",
        "EXECUTIVE_ENGAGEMENT": "QUARTERLY"
      }
    },
    {
      "code": "GIANTS",
      "definition": "High satisfaction, high spend",
      "csStrategy": "Deepen executive alignment",
      "salesStrategy": "Maximise value and contract term",
      "cadences": {
        "PARTNERSHIP_MEETING": "QUARTERLY",
        "SERVICE_REVIEW": "QUARTERLY",
        "HEALTH_CHECK": "BI_ANNUAL",
        "QBR": "QUARTERLY",
        "EXECUTIVE_ENGAGEMENT": "QUARTERLY"
      }
    }
  ]
}', 'system', timestamptz '2026-01-29 00:00:00Z', 'system', timestamptz '2026-01-29 00:00:00Z');

-- Inputs, projected from events: the latest health score, the NPS answers, every revenue version of a client.
create table client_health (
    client_id uuid primary key,
    score     numeric(6, 2) not null,
    scored_at timestamptz   not null
);
create table nps_answer (
    response_id  uuid primary key,
    client_id    uuid        not null,
    cycle_id     uuid,
    score        int         not null,
    responded_at timestamptz not null
);
create index nps_answer_client on nps_answer (client_id, responded_at desc);
create index nps_answer_cycle on nps_answer (cycle_id);
create table client_revenue (
    client_id   uuid          not null,
    version     bigint        not null,
    amount      numeric(16, 2),
    currency    text,
    recorded_at timestamptz   not null,
    primary key (client_id, version)
);

-- Each client's segment now: the effective one (override or confirmed computed), what the active model computes,
-- a move waiting for confirmation, and the override if any.
create table client_segment_state (
    client_id         uuid primary key,
    segment           text,
    segment_since     timestamptz,
    computed_segment  text,
    computed_reason   text,
    satisfaction      numeric(12, 4),
    satisfaction_band text,
    spend_band        text,
    model_version     int,
    pending_segment   text,
    pending_count     int not null default 0,
    override_segment  text,
    override_reason   text,
    override_from     date,
    override_expires  date,
    override_by       text,
    updated_at        timestamptz not null
);
create index client_segment_state_override on client_segment_state (override_expires) where override_segment is not null;

-- Every migration (segment_assignment rows): why, caused by which event, under which model, effective when.
alter table segment_assignment
    add column cause          text not null default 'MANUAL',
    add column cause_event_id text,
    add column model_version  int,
    add column effective_at   timestamptz,
    add column revenue_amount numeric(16, 2);
update segment_assignment set effective_at = assigned_at where effective_at is null;
alter table segment_assignment alter column effective_at set not null;
create index segment_assignment_effective on segment_assignment (client_id, effective_at desc);

-- Held engagement activities (calendar-service), as Activity Register types.
create table register_activity (
    activity_id   uuid primary key,
    client_id     uuid not null,
    activity_type text not null,
    logged_type   text not null,
    occurred_on   date not null
);
create index register_activity_client on register_activity (client_id, activity_type, occurred_on desc);

-- Re-segmentation of the portfolio after a model activation, with progress.
create table segment_job (
    id            uuid primary key,
    model_version int         not null,
    status        text        not null,
    total         int         not null,
    done          int         not null default 0,
    changed       int         not null default 0,
    requested_by  text        not null,
    started_at    timestamptz not null,
    finished_at   timestamptz,
    error         text
);
