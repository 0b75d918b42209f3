-- The operating-rhythm calendar as data: each imported calendar version (e.g. the bundled
-- calendars/apac-2026.v1.json), its events and their key milestones.
create table rhythm_calendar (
    calendar_key text        primary key,
    version      integer     not null,
    region       text        not null,
    year         integer     not null,
    time_zone    text        not null,
    source       text        not null,
    checksum     text        not null,
    imported_by  text        not null,
    imported_at  timestamptz not null
);

create table calendar_event (
    id           uuid primary key,
    calendar_key text    not null references rhythm_calendar (calendar_key),
    code         text    not null,
    quarter      text    not null,
    event_type   text    not null,
    title        text    not null,
    starts_on    date    not null,
    ends_on      date    not null,
    participants text[]  not null,
    realm_roles  text[]  not null,
    objective    text    not null,
    deliverables jsonb   not null,
    preparation  jsonb   not null,
    tools        jsonb   not null,
    sequence     integer not null default 0,
    unique (calendar_key, code),
    check (ends_on >= starts_on)
);
create index calendar_event_dates on calendar_event (starts_on, id);

create table calendar_milestone (
    id           uuid primary key,
    event_id     uuid    not null references calendar_event (id) on delete cascade,
    code         text    not null,
    title        text    not null,
    starts_on    date    not null,
    ends_on      date    not null,
    due_published_at timestamptz,
    unique (event_id, code),
    check (ends_on >= starts_on)
);
create index calendar_milestone_dates on calendar_milestone (starts_on, id);
