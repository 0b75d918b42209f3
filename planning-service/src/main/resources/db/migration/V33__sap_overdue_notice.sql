-- SatisfactionActionPlanOverdue is published once per plan, kind (monthly UPDATE, quarterly REVIEW) and due date.
create table sap_overdue_notice (
    sap_id      uuid        not null references sap (id),
    kind        text        not null check (kind in ('UPDATE', 'REVIEW')),
    due_on      date        not null,
    notified_at timestamptz not null,
    primary key (sap_id, kind, due_on)
);
