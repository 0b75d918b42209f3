-- Local projection of client contacts, fed by ContactUpserted events (topic clients.v1).
create table contact_directory (
    contact_id        uuid primary key,
    client_id         uuid        not null,
    name              text        not null,
    email             text,
    title             text,
    department        text,
    stakeholder_roles text[]      not null default '{}',
    subscribed        boolean     not null,
    active            boolean     not null,
    version           bigint      not null,
    updated_at        timestamptz not null default now()
);
create index contact_directory_client on contact_directory (client_id, name);
create index contact_directory_email on contact_directory (lower(email));
