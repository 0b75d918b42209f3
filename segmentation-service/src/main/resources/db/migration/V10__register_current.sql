-- The CURRENT Activity Register as maintained state (issue 11 bench: the portfolio compliance roll-up of 100,000
-- clients read and grouped every client's segment and last held activities on each call). Everything here is kept by
-- triggers in the same transaction as the write that changes it: a held activity (register_activity, through V7's
-- trigger), a migration record (segment_assignment: live moves, overrides, model activations), a model version
-- (segment_model) and a client's owners (client_directory). Compliance.rollUp reads register_tally for an asOf on or
-- after every current segment's effective date and every last held date (an earlier asOf keeps the exact path).

-- Each model version's cadence per segment × activity type in months (0: as needed), from its document
-- (ModelCodec.toDocument writes canonical names; Cadence.months()). Versions never change.
create table segment_cadence (
    model_version int  not null,
    segment       text not null,
    activity_type text not null,
    months        int  not null,
    primary key (model_version, segment, activity_type)
);

create function segment_cadence_of(v int, document text) returns void language sql as $$
    insert into segment_cadence (model_version, segment, activity_type, months)
    select v, s ->> 'code', c.key, case c.value when 'MONTHLY' then 1 when 'QUARTERLY' then 3 when 'BI_ANNUAL' then 6
                                                when 'AS_NEEDED' then 0 end
    from jsonb_array_elements(document::jsonb -> 'segments') s, jsonb_each_text(s -> 'cadences') c
    on conflict do nothing
$$;

create function segment_cadence_keep() returns trigger language plpgsql as $$
begin
    perform segment_cadence_of(new.version, new.document);
    return null;
end
$$;

create trigger segment_model_cadence after insert on segment_model for each row execute function segment_cadence_keep();

-- Each client's segment now: its latest migration record in assignment order (History.segmentsAt without a date:
-- assigned_at desc, then id), with the day it took effect (UTC).
create table register_segment (
    client_id     uuid primary key,
    assignment_id uuid        not null,
    assigned_at   timestamptz not null,
    segment       text        not null,
    model_version int,
    since         date        not null
);
create index register_segment_since on register_segment (since);
create index register_segment_unversioned on register_segment (client_id) where model_version is null;
-- the latest held date of the portfolio (the roll-up's fast path needs asOf on or after it)
create index register_last_held_last_on on register_last_held (last_on);

-- The current items counted per owners × segment × activity type × due date (CadenceRule: the later of the last held
-- activity and the segment's effective day, plus the cadence in calendar months, clamped to the month's end as
-- LocalDate.plusMonths; 'infinity' = not required). Rows are deltas (+n / -n), only ever inserted, so concurrent
-- writers never wait on one another's counts; the sum per key is the count. register_tally_compact() folds them.
create table register_tally (
    owner_cse     text,
    owner_cam     text,
    segment       text not null,
    activity_type text not null,
    due_on        date not null,
    n             int  not null
);

-- The current items of the listed clients ids (in client_directory, with their owners; clients without a segment, or
-- whose version has no cadences, have none). A trigger passes a statement's clients (a batch), never the portfolio:
-- index probes per client, so the functions that read per client forbid the planner's hash/merge joins and sequential
-- scans (it would otherwise hash all 100,000 segments or directory rows for a batch of 128 on every statement).
create function register_items(ids uuid[])
    returns table (client_id uuid, owner_cse text, owner_cam text, segment text, activity_type text, due_on date)
    language plpgsql stable
    set enable_hashjoin = off set enable_mergejoin = off set enable_seqscan = off
as $$
begin
    return query
    select r.client_id, d.owner_cse, d.owner_cam, r.segment, c.activity_type,
           case when c.months = 0 then 'infinity'::date
                else (greatest(l.last_on, r.since) + make_interval(months => c.months))::date end
    from unnest(ids) w(id)
    join register_segment r on r.client_id = w.id
    join client_directory d on d.client_id = w.id
    join segment_cadence c on c.model_version = r.model_version and c.segment = r.segment
    left join register_last_held l on l.client_id = r.client_id and l.activity_type = c.activity_type;
end
$$;

-- Adds (sign 1) or takes away (sign -1) the current items of the clients ids to the tally.
create function register_tally_add(ids uuid[], sign int) returns void language plpgsql as $$
begin
    insert into register_tally (owner_cse, owner_cam, segment, activity_type, due_on, n)
    select i.owner_cse, i.owner_cam, i.segment, i.activity_type, i.due_on, sign * count(*)
    from register_items(ids) i group by 1, 2, 3, 4, 5;
end
$$;

-- Every change of a client's items is "take its items away, change, add them back", one client at a time: each
-- writer first locks the clients' rows of register_client (inserting the missing ones: an insert of the same client
-- by another uncommitted writer waits for it), in order, until it commits, so that two writers of the same client (a
-- held activity, a re-segmentation batch, the directory) never count from each other's uncommitted state. Row locks:
-- no lock table entry per client, however many clients a statement writes.
create table register_client (
    client_id uuid primary key
);

create function register_lock(ids uuid[]) returns void language plpgsql
    set enable_hashjoin = off set enable_mergejoin = off set enable_seqscan = off
as $$
begin
    insert into register_client (client_id)
    select distinct id from unnest(ids) id where not exists (select 1 from register_client k where k.client_id = id) order by 1
    on conflict do nothing;
    perform 1 from (select client_id from register_client where client_id = any (ids) order by client_id for update) locked;
end
$$;

-- segment_assignment: the statement's latest record per client becomes its current segment when it is later in
-- assignment order than the one kept.
create function register_segment_keep() returns trigger language plpgsql
    set enable_hashjoin = off set enable_mergejoin = off set enable_seqscan = off
as $$
declare
    ids uuid[];
begin
    ids := array(select distinct client_id from assignment_new);
    perform register_lock(ids);
    ids := array(select n.client_id
                 from (select distinct on (client_id) client_id, id, assigned_at from assignment_new
                       order by client_id, assigned_at desc, id) n
                 left join register_segment r on r.client_id = n.client_id
                 where r.client_id is null or n.assigned_at > r.assigned_at
                    or (n.assigned_at = r.assigned_at and n.id < r.assignment_id));
    if cardinality(ids) = 0 then
        return null;
    end if;
    perform register_tally_add(ids, -1);
    insert into register_segment (client_id, assignment_id, assigned_at, segment, model_version, since)
    select distinct on (client_id) client_id, id, assigned_at, segment, model_version, (effective_at at time zone 'UTC')::date
    from assignment_new where client_id = any (ids)
    order by client_id, assigned_at desc, id
    on conflict (client_id) do update set assignment_id = excluded.assignment_id, assigned_at = excluded.assigned_at,
        segment = excluded.segment, model_version = excluded.model_version, since = excluded.since;
    perform register_tally_add(ids, 1);
    return null;
end
$$;

create trigger segment_assignment_register after insert on segment_assignment
    referencing new table as assignment_new for each statement execute function register_segment_keep();

-- register_activity (V7's trigger): the last held date per client × type, and the tally of the clients it changes.
create or replace function register_last_held_keep() returns trigger language plpgsql
    set enable_hashjoin = off set enable_mergejoin = off set enable_seqscan = off
as $$
declare
    ids uuid[];
begin
    ids := array(select distinct client_id from register_new);
    perform register_lock(ids);
    ids := array(select r.client_id from register_segment r where r.client_id = any (ids));
    if cardinality(ids) > 0 then
        perform register_tally_add(ids, -1);
    end if;
    insert into register_last_held (client_id, activity_type, last_on)
    select client_id, activity_type, max(occurred_on) from register_new group by client_id, activity_type
    on conflict (client_id, activity_type) do update set last_on = greatest(register_last_held.last_on, excluded.last_on)
    where excluded.last_on > register_last_held.last_on;
    if cardinality(ids) > 0 then
        perform register_tally_add(ids, 1);
    end if;
    return null;
end
$$;

-- client_directory: a client enters the tally when it is listed, and its items move with its owners.
create function register_directory_listed() returns trigger language plpgsql as $$
declare
    ids uuid[];
begin
    ids := array(select client_id from directory_new);
    perform register_lock(ids);
    perform register_tally_add(ids, 1);
    return null;
end
$$;

create function register_directory_owners() returns trigger language plpgsql as $$
declare
    ids uuid[];
begin
    ids := array(select n.client_id from directory_new n join directory_old o on o.client_id = n.client_id
                 where o.owner_cse is distinct from n.owner_cse or o.owner_cam is distinct from n.owner_cam);
    if cardinality(ids) = 0 then
        return null;
    end if;
    perform register_lock(ids);
    insert into register_tally (owner_cse, owner_cam, segment, activity_type, due_on, n)
    select o.owner_cse, o.owner_cam, i.segment, i.activity_type, i.due_on, -count(*)
    from register_items(ids) i join directory_old o on o.client_id = i.client_id group by 1, 2, 3, 4, 5;
    perform register_tally_add(ids, 1);
    return null;
end
$$;

create trigger client_directory_register_insert after insert on client_directory
    referencing new table as directory_new for each statement execute function register_directory_listed();
create trigger client_directory_register_owners after update on client_directory
    referencing old table as directory_old new table as directory_new for each statement execute function register_directory_owners();

-- Folds the deltas into one row per key (a concurrent writer's rows are not seen, so not touched: they stay deltas).
create function register_tally_compact() returns void language sql as $$
    with gone as (delete from register_tally returning *)
    insert into register_tally (owner_cse, owner_cam, segment, activity_type, due_on, n)
    select owner_cse, owner_cam, segment, activity_type, due_on, sum(n) from gone group by 1, 2, 3, 4, 5 having sum(n) <> 0
$$;

-- What is already there.
select segment_cadence_of(version, document) from segment_model;
insert into register_segment (client_id, assignment_id, assigned_at, segment, model_version, since)
select distinct on (client_id) client_id, id, assigned_at, segment, model_version, (effective_at at time zone 'UTC')::date
from segment_assignment order by client_id, assigned_at desc, id;
insert into register_client (client_id) select client_id from client_directory union select client_id from register_segment;
select register_tally_add(array(select client_id from register_segment), 1);
