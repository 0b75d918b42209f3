-- The portfolio's segments on a date (History.segmentsAt: the latest migration per client effective by then, in
-- assignment order) read in index order with every column it returns: an index-only scan instead of sorting every
-- migration of the portfolio on each compliance roll-up (issue 11 bench: 100,000 clients).
create index segment_assignment_latest on segment_assignment (client_id, assigned_at desc, id)
    include (segment, effective_at, model_version);
