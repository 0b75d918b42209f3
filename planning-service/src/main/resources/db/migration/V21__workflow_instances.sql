-- Workflow instances per client. An instance keeps the template version it started with (template_id).
create table workflow_instance (
    id               uuid primary key,
    client_id        uuid        not null,
    template_id      uuid        not null references workflow_template (id),
    status           text        not null check (status in ('RUNNING', 'COMPLETED', 'ENDED')),
    active_position  int,
    outcome          text,
    trigger_kind     text        not null,
    -- what started it (e.g. the event id of a trigger); unique so that a redelivered trigger starts one instance
    trigger_key      text unique,
    started_by       text        not null,
    started_at       timestamptz not null,
    ended_at         timestamptz
);
create index workflow_instance_client on workflow_instance (client_id, started_at desc);
-- At most one open Client Health Check per client (the health-drop trigger relies on it)
create unique index workflow_instance_one_open_health_check on workflow_instance (client_id)
    where status = 'RUNNING' and trigger_kind = 'HEALTH_SCORE_DROP';

create table workflow_step (
    instance_id   uuid        not null references workflow_instance (id) on delete cascade,
    position      int         not null check (position >= 1),
    status        text        not null check (status in ('PENDING', 'ACTIVE', 'DONE', 'SKIPPED')),
    due_on        date,
    completed_by  text,
    completed_at  timestamptz,
    outcome       text,
    -- what the completion recorded: form values, file metadata, approval, decision, e-sign evidence
    record        jsonb,
    overdue_notified_on date,
    primary key (instance_id, position)
);
-- the overdue list: active steps by due date
create index workflow_step_active_due on workflow_step (due_on) where status = 'ACTIVE';

-- Client-facing steps: single-use, expiring links. Only the SHA-256 of the token is stored.
create table workflow_link (
    token_hash   bytea primary key,
    instance_id  uuid        not null references workflow_instance (id) on delete cascade,
    position     int         not null,
    email        text        not null,
    recipient    text,
    issued_by    text        not null,
    issued_at    timestamptz not null,
    expires_at   timestamptz not null,
    used_at      timestamptz
);
create index workflow_link_step on workflow_link (instance_id, position);

-- Files of File Request steps, in PostgreSQL (bytea): stored in the same transaction as the step's completion, backed up
-- with the database, no orphan files on disk; the size limit (default 10 MiB) keeps rows small enough for bytea.
create table workflow_file (
    id            uuid primary key,
    instance_id   uuid        not null references workflow_instance (id) on delete cascade,
    position      int         not null,
    file_name     text        not null,
    content_type  text        not null,
    size_bytes    bigint      not null,
    sha256        text        not null,
    content       bytea       not null,
    uploaded_by   text        not null,
    uploaded_at   timestamptz not null
);
create index workflow_file_step on workflow_file (instance_id, position);
