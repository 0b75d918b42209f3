alter table survey_cycle add column recipients_frozen_at timestamptz;
alter table survey_cycle add column recipients_frozen_by text;

-- A cycle's milestone plan, generated when the cycle is created; completion is recorded by its owners.
create table cycle_milestone (
    cycle_id       uuid        not null references survey_cycle (id) on delete cascade,
    code           text        not null,
    name           text        not null,
    owner_roles    text[]      not null,
    start_date     date        not null,
    due_date       date        not null,
    completed_at   timestamptz,
    completed_by   text,
    due_published  boolean     not null default false,
    primary key (cycle_id, code)
);
create index cycle_milestone_due on cycle_milestone (due_date) where completed_at is null;

-- Per client, the people a cycle surveys, built from the contact directory and signed off by the CSE/CAM.
create table recipient_list (
    cycle_id       uuid        not null references survey_cycle (id) on delete cascade,
    client_id      uuid        not null,
    built_at       timestamptz not null,
    signed_off_by  text,
    signed_off_at  timestamptz,
    primary key (cycle_id, client_id)
);

create table recipient (
    cycle_id   uuid    not null,
    client_id  uuid    not null,
    contact_id uuid    not null,
    name       text    not null,
    email      text,
    included   boolean not null,
    issues     text[]  not null default '{}',
    primary key (cycle_id, contact_id),
    foreign key (cycle_id, client_id) references recipient_list (cycle_id, client_id) on delete cascade
);
create index recipient_list_client on recipient (cycle_id, client_id);
