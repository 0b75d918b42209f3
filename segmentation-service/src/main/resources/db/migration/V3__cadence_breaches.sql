-- Activity Register items that became overdue, each published once as CadenceBreached.
create table cadence_breach (
    client_id     uuid not null,
    activity_type text not null,
    due_date      date not null,
    segment       text not null,
    detected_on   date not null,
    primary key (client_id, activity_type, due_date)
);
