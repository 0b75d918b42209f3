-- Delivery of a cycle to its frozen recipients: one invitation per recipient (invited once, however
-- often sending is repeated), reminders, and the tokenised answers.

-- One per recipient of a frozen list who was invited. Expiry, reminders and the answer live here.
create table survey_invitation (
    cycle_id      uuid        not null,
    contact_id    uuid        not null,
    client_id     uuid        not null,
    email         text        not null,
    invited_at    timestamptz not null,
    invited_by    text        not null,
    expires_at    timestamptz not null,
    reminded_at   timestamptz,
    reminders     integer     not null default 0,
    responded_at  timestamptz,
    primary key (cycle_id, contact_id),
    foreign key (cycle_id, contact_id) references recipient (cycle_id, contact_id) on delete cascade
);
create index survey_invitation_client on survey_invitation (cycle_id, client_id);
create index survey_invitation_open on survey_invitation (cycle_id) where responded_at is null;

-- The links an invitation was sent with (the invitation's and each reminder's): only the SHA-256 of a
-- token is stored, never the token. Every link of an invitation works until it is answered or expires.
create table survey_token (
    token_hash  bytea       primary key check (length(token_hash) = 32),
    cycle_id    uuid        not null,
    contact_id  uuid        not null,
    purpose     text        not null check (purpose in ('INVITATION', 'REMINDER')),
    issued_at   timestamptz not null,
    foreign key (cycle_id, contact_id) references survey_invitation (cycle_id, contact_id) on delete cascade
);
create index survey_token_invitation on survey_token (cycle_id, contact_id);

-- One NPS answer. Themes and sentiment are the automatic analysis of the comment at the time of the answer.
create table survey_response (
    id               uuid         primary key,
    cycle_id         uuid         not null references survey_cycle (id),
    client_id        uuid         not null,
    contact_id       uuid         not null,
    score            smallint     not null check (score between 0 and 10),
    category         text         not null check (category in ('DETRACTOR', 'PASSIVE', 'PROMOTER')),
    comment          text         check (length(comment) <= 2000),
    themes           text[]       not null default '{}',
    sentiment_score  numeric(5,4) not null check (sentiment_score between -1 and 1),
    sentiment_label  text         not null check (sentiment_label in ('NEGATIVE', 'NEUTRAL', 'POSITIVE')),
    channel          text         not null default 'SURVEY_LINK',
    responded_at     timestamptz  not null
);
-- A contact answers a cycle once.
create unique index survey_response_once on survey_response (cycle_id, contact_id);
create index survey_response_client on survey_response (cycle_id, client_id);
