-- Appendix B annual plan components on the plan itself, and its registers.
alter table account_plan add column version bigint not null default 0;
alter table account_plan add column currency text not null default 'AUD';
alter table account_plan add column maintenance_revenue numeric(17, 2);
alter table account_plan add column growth_revenue numeric(17, 2);
alter table account_plan add column engagement_plan text;
alter table account_plan add column uncomfortable_truths text;
alter table account_plan add column sap_required boolean not null default false;
alter table account_plan add column health_score int;
alter table account_plan add column health_band text;
alter table account_plan add column health_nps int;
alter table account_plan add column health_engagement text;
alter table account_plan add column health_taken_at timestamptz;
alter table account_plan add column updated_at timestamptz;

create table plan_stakeholder (
    id                    uuid primary key,
    plan_id               uuid        not null references account_plan (id),
    contact_id            uuid,
    name                  text        not null,
    title                 text,
    role                  text        not null,
    influence             int         not null check (influence between 1 and 5),
    sentiment             text        not null,
    engagement_frequency  text,
    relationship_strength int         not null check (relationship_strength between 1 and 5),
    last_contact_date     date,
    version               bigint      not null default 0,
    created_at            timestamptz not null
);
create index plan_stakeholder_plan on plan_stakeholder (plan_id);

create table plan_opportunity (
    id             uuid primary key,
    plan_id        uuid          not null references account_plan (id),
    client_id      uuid          not null,
    name           text          not null,
    type           text          not null,
    value_amount   numeric(17, 2) not null check (value_amount >= 0),
    currency       text          not null,
    stage          text          not null,
    probability    int           not null check (probability between 0 and 100),
    expected_close date,
    owner          text          not null,
    close_reason   text,
    closed_on      date,
    version        bigint        not null default 0,
    created_at     timestamptz   not null
);
create index plan_opportunity_plan on plan_opportunity (plan_id);
create index plan_opportunity_client on plan_opportunity (client_id);

create table plan_opportunity_stage (
    opportunity_id uuid        not null references plan_opportunity (id),
    seq            int         not null,
    stage          text        not null,
    probability    int         not null,
    changed_by     text        not null,
    changed_at     timestamptz not null,
    primary key (opportunity_id, seq)
);

create table plan_risk (
    id               uuid primary key,
    plan_id          uuid           not null references account_plan (id),
    client_id        uuid           not null,
    description      text           not null,
    amount           numeric(17, 2) not null check (amount >= 0),
    currency         text           not null,
    fiscal_year      text           not null,
    status           text           not null,
    probability      int            not null check (probability between 0 and 100),
    mitigation_plan  text,
    owner            text           not null,
    version          bigint         not null default 0,
    created_at       timestamptz    not null
);
create index plan_risk_plan on plan_risk (plan_id);
create index plan_risk_client on plan_risk (client_id);
