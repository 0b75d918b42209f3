-- The closed loop (seed 001 "Detractor Response Protocol"): one case per detractor answer with its timed
-- stages, transitions and notes; lighter follow-ups for passives and promoters.

-- One per detractor answer (response_id is unique: however often an answer is recorded or redelivered,
-- it opens one case). cycle_id is null for answers outside a cycle (triggered surveys). owner is the
-- client's owner CSE at opening, null while the client has none (unassigned: leaders see it).
create table detractor_case (
    id                      uuid        primary key,
    response_id             uuid        not null unique,
    cycle_id                uuid,
    client_id               uuid        not null,
    contact_id              uuid        not null,
    score                   smallint    not null check (score between 0 and 6),
    owner                   text,
    status                  text        not null default 'OPEN' check (status in
                                ('OPEN', 'CONTACTED', 'ROOT_CAUSE_IDENTIFIED', 'ACTION_PLANNED', 'RESOLVED', 'CLOSED')),
    opened_at               timestamptz not null,
    root_cause              text        check (length(root_cause) <= 4000),
    action_plan             text        check (length(action_plan) <= 4000),
    resolved_at             timestamptz,
    follow_up_due_at        timestamptz,
    follow_up_requested_at  timestamptz,
    closed_at               timestamptz,
    closed_by               text,
    version                 bigint      not null default 0
);
create index detractor_case_list on detractor_case (opened_at desc, id);
create index detractor_case_client on detractor_case (client_id);
create index detractor_case_follow_up on detractor_case (follow_up_due_at)
    where follow_up_due_at is not null and follow_up_requested_at is null;

-- The timed stages of a case, with their deadlines stored at opening (they survive restarts and later
-- configuration changes). A row records when its stage was met and its escalation, which happens once.
create table detractor_case_sla (
    case_id       uuid        not null references detractor_case (id) on delete cascade,
    stage         text        not null check (stage in ('OUTREACH', 'ROOT_CAUSE', 'ACTION_PLAN')),
    due_at        timestamptz not null,
    met_at        timestamptz,
    escalated_at  timestamptz,
    escalated_to  text,
    primary key (case_id, stage)
);
create index detractor_case_sla_due on detractor_case_sla (due_at) where escalated_at is null;

-- Every step of a case's workflow: who, when, and the text given with it (root cause, action plan, note).
create table detractor_case_transition (
    case_id      uuid        not null references detractor_case (id) on delete cascade,
    seq          integer     not null,
    from_status  text        not null,
    to_status    text        not null,
    by_user      text        not null,
    at           timestamptz not null,
    text         text        check (length(text) <= 4000),
    primary key (case_id, seq)
);

-- Notes on a case: append-only.
create table detractor_case_note (
    id          uuid        primary key,
    case_id     uuid        not null references detractor_case (id) on delete cascade,
    author      text        not null,
    created_at  timestamptz not null,
    text        text        not null check (length(text) between 1 and 4000)
);
create index detractor_case_note_case on detractor_case_note (case_id, created_at, id);

-- Lighter follow-ups: a passive is asked what would make it a 9–10; a promoter is thanked and becomes an
-- advocacy candidate. One per answer.
create table response_follow_up (
    id           uuid        primary key,
    response_id  uuid        not null unique,
    kind         text        not null check (kind in ('PASSIVE_IMPROVEMENT', 'PROMOTER_THANK_YOU')),
    cycle_id     uuid,
    client_id    uuid        not null,
    contact_id   uuid        not null,
    score        smallint    not null check (score between 7 and 10),
    owner        text,
    created_at   timestamptz not null,
    due_at       timestamptz not null,
    status       text        not null default 'OPEN' check (status in ('OPEN', 'DONE')),
    done_at      timestamptz,
    done_by      text,
    outcome      text        check (length(outcome) <= 4000)
);
create index response_follow_up_list on response_follow_up (due_at, id);
create index response_follow_up_client on response_follow_up (client_id);
