-- Support (helpdesk) and billing events, kept as per-client state from which the model's support and
-- financial inputs are derived. Each event is taken once (by its id); the state does not depend on the
-- order events arrive in (each row keeps the event time its fields come from).
create table support_billing_event (
    event_id    text        primary key,
    client_id   uuid        not null,
    domain      text        not null check (domain in ('support', 'billing')),
    type        text        not null,
    occurred_at timestamptz not null,
    received_at timestamptz not null
);

create table support_ticket (
    client_id   uuid        not null references client (id) on delete cascade,
    ticket_id   text        not null,
    opened_at   timestamptz not null,
    open        boolean     not null,
    status_at   timestamptz not null,
    priority    text,
    priority_at timestamptz,
    csat        smallint,
    csat_at     timestamptz,
    primary key (client_id, ticket_id)
);
create index support_ticket_open on support_ticket (client_id) where open;
create index support_ticket_rated on support_ticket (csat_at) where csat_at is not null;

create table billing_invoice (
    client_id  uuid        not null references client (id) on delete cascade,
    invoice_id text        not null,
    amount     numeric(16, 2),
    currency   text,
    due_date   date,
    issued_at  timestamptz,
    paid_at    timestamptz,
    primary key (client_id, invoice_id)
);
create index billing_invoice_unpaid on billing_invoice (client_id, due_date) where paid_at is null and due_date is not null;

create table billing_dispute (
    client_id   uuid        not null references client (id) on delete cascade,
    dispute_key text        not null,
    invoice_id  text,
    open        boolean     not null,
    status_at   timestamptz not null,
    primary key (client_id, dispute_key)
);
create index billing_dispute_open on billing_dispute (client_id) where open;

create table billing_payment_failure (
    event_id   text        primary key,
    client_id  uuid        not null references client (id) on delete cascade,
    invoice_id text,
    failed_at  timestamptz not null
);
create index billing_payment_failure_client on billing_payment_failure (client_id, failed_at);
create index billing_payment_failure_at on billing_payment_failure (failed_at);

-- Per client: the time of the last derived support and billing inputs (each derivation is newer than the
-- last, so a late event still updates the inputs), and the row locked while a client's events are applied.
create table support_billing_state (
    client_id     uuid primary key references client (id) on delete cascade,
    support_as_of timestamptz,
    billing_as_of timestamptz
);

-- Contacts synced from a CRM export, by their id there (a re-sent row updates the same contact).
create table contact_external_id (
    source      text not null,
    external_id text not null,
    contact_id  uuid not null references contact (id) on delete cascade,
    primary key (source, external_id)
);
create index contact_external_id_contact on contact_external_id (contact_id);
