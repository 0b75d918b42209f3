create table survey_cycle (
    id         uuid primary key,
    name       text        not null unique,
    open_date  date        not null,
    close_date date        not null,
    created_by text        not null,
    created_at timestamptz not null,
    check (close_date > open_date)
);
create index survey_cycle_open on survey_cycle (open_date desc, id);
