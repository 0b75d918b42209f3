-- segment_assignment_client (client_id, assigned_at desc) is a prefix of V6's segment_assignment_latest (client_id,
-- assigned_at desc, id): every query it served is served by the latter, and each migration record (100,000 on a
-- re-segmentation of the issue 11 bench portfolio) no longer maintains it.
drop index if exists segment_assignment_client;
