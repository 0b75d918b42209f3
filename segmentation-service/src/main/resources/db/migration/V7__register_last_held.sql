-- Each client's last held activity per Activity Register type (issue 11 bench: the compliance roll-up read and grouped
-- every held activity of the portfolio on each call). Kept by a statement-level trigger on register_activity, so every
-- way rows arrive (the EngagementActivityLogged consumer's insert, a COPY, a backfill) keeps it current in the same
-- transaction; register_activity only ever gains rows (insert ... on conflict do nothing), so the latest date is a max.
-- The roll-up reads it for asOf on or after last_on; for an earlier asOf it looks that pair up in register_activity.
create table register_last_held (
    client_id     uuid not null,
    activity_type text not null,
    last_on       date not null,
    primary key (client_id, activity_type)
);

create function register_last_held_keep() returns trigger language plpgsql as $$
begin
    insert into register_last_held (client_id, activity_type, last_on)
    select client_id, activity_type, max(occurred_on) from register_new group by client_id, activity_type
    on conflict (client_id, activity_type) do update set last_on = greatest(register_last_held.last_on, excluded.last_on)
    where excluded.last_on > register_last_held.last_on;
    return null;
end
$$;

create trigger register_activity_last_held after insert on register_activity
    referencing new table as register_new for each statement execute function register_last_held_keep();

insert into register_last_held (client_id, activity_type, last_on)
select client_id, activity_type, max(occurred_on) from register_activity group by client_id, activity_type;
