-- Cycle operations: the status of a cycle and its close (with the results frozen as CycleClosed published them),
-- the day-5 and day-12 non-responder pulls kept for the record, and the automatic reminder run.

-- OPEN until closed: by the milestone scan once the close date has ended, or earlier by a leader.
alter table survey_cycle add column status text not null default 'OPEN' check (status in ('OPEN', 'CLOSED'));
alter table survey_cycle add column closed_at timestamptz;
alter table survey_cycle add column closed_by text;
-- The cycle's results at the close: exactly the "results" of the CycleClosed event.
alter table survey_cycle add column closed_results jsonb;
alter table survey_cycle add constraint survey_cycle_closed_complete
    check ((status = 'CLOSED') = (closed_at is not null and closed_by is not null and closed_results is not null));

-- A snapshot of a cycle's non-responders: taken by the scan when a pull milestone falls due (once per
-- milestone), or by hand (milestone null, any number of times).
create table non_responder_pull (
    id              uuid        primary key,
    cycle_id        uuid        not null references survey_cycle (id) on delete cascade,
    milestone       text        check (milestone in ('FIRST_NON_RESPONDER_PULL', 'FINAL_NON_RESPONDER_PULL')),
    due_date        date,
    taken_at        timestamptz not null,
    taken_by        text        not null,
    invited         integer     not null,
    responded       integer     not null,
    non_responders  integer     not null
);
create unique index non_responder_pull_once on non_responder_pull (cycle_id, milestone) where milestone is not null;
create index non_responder_pull_cycle on non_responder_pull (cycle_id, taken_at desc, id);

-- One non-responder at the time of the pull, as the record shows them (client name and owners as they were then).
create table non_responder_pull_row (
    pull_id      uuid        not null references non_responder_pull (id) on delete cascade,
    position     integer     not null,
    client_id    uuid        not null,
    client_name  text,
    owner_cse    text,
    owner_cam    text,
    contact_id   uuid        not null,
    name         text        not null,
    email        text        not null,
    invited_at   timestamptz not null,
    reminded_at  timestamptz,
    reminders    integer     not null,
    subscribed   boolean     not null,
    primary key (pull_id, contact_id),
    unique (pull_id, position)
);
create index non_responder_pull_row_client on non_responder_pull_row (pull_id, client_id, position);

-- The automatic reminders of a cycle (REMINDER milestone): claimed by one scan at a time, resumable after a
-- crash (those reminded since started_at are not reminded again), finished once.
create table cycle_reminder_run (
    cycle_id                   uuid        primary key references survey_cycle (id) on delete cascade,
    started_at                 timestamptz not null,
    claimed_at                 timestamptz,
    finished_at                timestamptz,
    reminded                   integer     not null default 0,
    skipped_responded          integer,
    skipped_unsubscribed       integer,
    skipped_recently_reminded  integer,
    skipped_expired            integer,
    last_error                 text
);
