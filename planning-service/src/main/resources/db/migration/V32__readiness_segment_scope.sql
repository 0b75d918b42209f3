-- Readiness assessments of one segment's clients (segmentation's current placement, planning's client_segment projection).
alter table readiness_assessment drop constraint readiness_assessment_scope_kind_check;
alter table readiness_assessment add constraint readiness_assessment_scope_kind_check
    check (scope_kind in ('PORTFOLIO', 'REGION', 'CSE', 'SEGMENT'));
