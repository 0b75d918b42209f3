-- NPS answers about a client (from nps.responses.v1): the relational health input is the mean score of
-- the client's respondents in a cycle.
create table nps_response (
    response_id  uuid        primary key,
    client_id    uuid        not null,
    cycle_id     uuid        not null,
    score        integer     not null check (score between 0 and 10),
    responded_at timestamptz not null
);
create index nps_response_client_cycle on nps_response (client_id, cycle_id);
