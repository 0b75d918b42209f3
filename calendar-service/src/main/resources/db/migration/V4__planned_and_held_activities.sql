-- Engagement activities are planned, then held (or cancelled, or moved). Existing rows were logged once held.
alter table engagement_activity
    add column status           text    not null default 'HELD',
    add column title            text,
    add column starts_at        timestamptz,
    add column time_zone        text,
    add column duration_minutes integer,
    add column attendees        jsonb   not null default '[]',
    add column notes            text,
    add column outcomes         text,
    add column cancel_reason    text,
    add column held_by          text,
    add column version          integer not null default 0,
    add column updated_at       timestamptz;
create index engagement_activity_status on engagement_activity (status, occurred_on);

create table activity_action_item (
    id          uuid primary key,
    activity_id uuid    not null references engagement_activity (id) on delete cascade,
    description text    not null,
    owner       text    not null,
    due_on      date    not null,
    status      text    not null,
    position    integer not null
);
create index activity_action_item_activity on activity_action_item (activity_id, position);
