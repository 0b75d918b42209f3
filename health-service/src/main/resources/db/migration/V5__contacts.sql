-- People at a client: stakeholders, survey recipients. Unsubscribed contacts are never emailed.
create table contact (
    id                uuid primary key,
    client_id         uuid        not null references client (id) on delete cascade,
    name              text        not null,
    email             text,
    title             text,
    department        text,
    stakeholder_roles text[]      not null default '{}',
    subscribed        boolean     not null default true,
    active            boolean     not null default true,
    version           bigint      not null default 0,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);
create index contact_client on contact (client_id, name, id);
create unique index contact_client_email on contact (client_id, lower(email)) where email is not null;
