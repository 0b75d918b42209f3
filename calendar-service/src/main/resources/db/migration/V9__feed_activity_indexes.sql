-- The personal iCalendar feed reads a person's scheduled activities by three ways in: the activities of the clients they
-- own (engagement_activity_client), those they logged, and those they attend. Without an index for the last two, every
-- read scanned every activity (200,000 rows in the bench database: 0.3-2 s); with them the three are one bitmap OR.
create index engagement_activity_logged_by on engagement_activity (logged_by) where starts_at is not null;
create index engagement_activity_attendees on engagement_activity using gin (attendees jsonb_path_ops) where starts_at is not null;
