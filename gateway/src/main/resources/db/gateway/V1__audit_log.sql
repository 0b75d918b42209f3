-- The gateway's audit log: one row per write (POST/PUT/PATCH/DELETE) that reached the gateway. Who, what and the
-- outcome only: no tokens, no bodies, no query strings (they may hold personal data or secrets).
create table audit_entry (
    id             uuid primary key,
    at             timestamptz not null,
    actor_kind     text        not null check (actor_kind in ('PERSON', 'INTEGRATION', 'ANONYMOUS')),
    actor_subject  text,
    actor_username text        not null,
    roles          text[]      not null,
    method         text        not null,
    route          text        not null,
    target_ids     text[]      not null,
    status         integer     not null,
    correlation_id text
);
create index audit_entry_at on audit_entry (at desc, id desc);
create index audit_entry_actor on audit_entry (actor_username, at desc, id desc);
create index audit_entry_subject on audit_entry (actor_subject, at desc, id desc);
