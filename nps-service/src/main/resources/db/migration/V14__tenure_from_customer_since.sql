-- Issue 17, item 4: tenure from the client registry's customerSince (ClientUpserted, clients.v1).
-- The day each client became a customer, as the registry last said (null: unknown); out-of-order safe by version.
create table client_customer_since (
    client_id      uuid        primary key,
    customer_since date,
    version        bigint      not null,
    updated_at     timestamptz not null default now()
);

-- Seed 001: the quarterly survey is for "all active customers (> 90 days tenure)". Each list keeps the tenure it
-- was built with (at the cycle's open date), so the validation report shows why a client's contacts are excluded.
-- Lists built before this rule have no tenure (null).
alter table recipient_list add column customer_since date;
alter table recipient_list add column tenure_days integer;
alter table recipient_list add column tenure text check (tenure in ('OVER_90_DAYS', 'UP_TO_90_DAYS', 'UNKNOWN'));
