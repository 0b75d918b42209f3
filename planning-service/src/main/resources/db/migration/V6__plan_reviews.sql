-- Quarterly reviews (Appendix B's quarterly review components) with a snapshot of the plan at that time.
create table plan_review (
    id                       uuid primary key,
    plan_id                  uuid        not null references account_plan (id),
    label                    text        not null,
    review_date              date        not null,
    progress                 text        not null,
    pipeline_status          text        not null,
    win_loss                 text        not null,
    risk_refresh             text        not null,
    sap_progress             text,
    next_quarter_priorities  text        not null,
    snapshot                 text        not null,
    created_by               text        not null,
    created_at               timestamptz not null,
    unique (plan_id, label)
);
create index plan_review_plan on plan_review (plan_id, review_date);
