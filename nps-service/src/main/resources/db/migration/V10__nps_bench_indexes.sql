-- Found by the NPS benchmark (bench/run-nps.sh, aggregation over 1,000,000 responses of one cycle, bench/RESULTS.md):
-- a cycle's answers grouped by client and score — what the results and their breakdowns need — are read from this
-- index alone, in client order (index-only scan + streaming GroupAggregate: 134 ms instead of 654 ms with a
-- parallel seq scan, hash aggregate and a sort spilled to disk). It also covers the per-row read
-- select client_id, score ... where cycle_id = ?. The narrower (cycle_id, client_id) index stays for the lookups by client.
create index if not exists survey_response_cycle_client_score on survey_response (cycle_id, client_id, score);
