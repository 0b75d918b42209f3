-- Scoring models are data: versioned, one active at a time; each stored score keeps the version that produced it.
create table scoring_model (
    version      integer     primary key,
    name         text        not null,
    definition   jsonb       not null,
    created_at   timestamptz not null,
    created_by   text        not null,
    active       boolean     not null default false,
    activated_at timestamptz,
    activated_by text
);
create unique index scoring_model_one_active on scoring_model (active) where active;

-- Full recomputes of the portfolio (on model activation or on request), with progress.
create table recompute_job (
    id            uuid        primary key,
    model_version integer     not null,
    reason        text        not null,
    status        text        not null,
    total         integer     not null,
    done          integer     not null default 0,
    changed       integer     not null default 0,
    requested_by  text        not null,
    started_at    timestamptz not null,
    finished_at   timestamptz,
    error         text
);
