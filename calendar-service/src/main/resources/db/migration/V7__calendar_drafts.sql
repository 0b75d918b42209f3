-- Roll-forward drafts: a year's calendar generated from the rhythm template (rhythms/*.json) and the holidays of
-- its region, adjusted by a VP and then published (imported as a calendar version). The draft is one document.
create table calendar_draft (
    id           uuid primary key,
    calendar_key text        not null,
    year         integer     not null,
    status       text        not null check (status in ('DRAFT', 'PUBLISHED', 'DISCARDED')),
    document     jsonb       not null,
    adjustments  jsonb       not null,
    version      integer     not null default 0,
    created_by   text        not null,
    created_at   timestamptz not null,
    published_by text,
    published_at timestamptz
);
create unique index calendar_draft_open on calendar_draft (calendar_key) where status = 'DRAFT';
