-- Per-user iCalendar feed secrets: 256 random bits in the URL, only their SHA-256 stored; revocable.
create table feed_secret (
    id          uuid primary key,
    username    text        not null,
    roles       text[]      not null,
    secret_hash text        not null unique,
    created_at  timestamptz not null,
    revoked_at  timestamptz
);
create index feed_secret_user on feed_secret (username) where revoked_at is null;
