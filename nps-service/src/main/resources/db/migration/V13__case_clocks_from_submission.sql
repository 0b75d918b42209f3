-- Issue 17: a detractor case's 24/48/72 h clocks start at the answer's submittedAt; opened_at stays the time Rhythm
-- received the answer (an answer imported days late opens its case already breached). Null for cases opened before
-- this column existed (their clocks started at opened_at).
alter table detractor_case add column submitted_at timestamptz;
