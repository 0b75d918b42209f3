-- Sales Target Workshop: a quota per CSE/CAM and fiscal year.
create table quota (
    owner        text           not null,
    fiscal_year  text           not null,
    amount       numeric(17, 2) not null check (amount >= 0),
    currency     text           not null,
    set_by       text           not null,
    updated_at   timestamptz    not null,
    version      bigint         not null default 0,
    primary key (owner, fiscal_year)
);
