-- Deliverables and checklists: tracked items with owner roles or a person, a due date and a status.
-- A checklist is an instance of a template (Appendix A per NPS cycle, Appendix B per account plan)
-- or an event's own deliverables list; its items' due dates are the anchor date plus the template's offsets.
create table checklist (
    id          uuid primary key,
    template    text        not null,
    template_version integer not null,
    kind        text,
    name        text        not null,
    anchor_date date        not null,
    event_id    uuid references calendar_event (id) on delete cascade,
    client_id   uuid,
    source_ref  text unique,
    created_by  text        not null,
    created_at  timestamptz not null
);
create index checklist_event on checklist (event_id);

create table deliverable (
    id             uuid primary key,
    checklist_id   uuid        not null references checklist (id) on delete cascade,
    code           text        not null,
    phase          text,
    title          text        not null,
    owner_roles    text[]      not null,
    owner_person   text,
    due_on         date        not null,
    status         text        not null,
    completed_by   text,
    completed_at   timestamptz,
    note           text,
    overdue_published_at timestamptz,
    version        integer     not null default 0,
    unique (checklist_id, code)
);
create index deliverable_due on deliverable (due_on, id);
