#!/usr/bin/env bash
# planning-service benchmark of issues 12 and 13; appends a dated section to bench/RESULTS.md.
#
#   bench/run-planning.sh                                  every phase at the issues' sizes (10,000 clients, 100,000 opportunities,
#                                                          10,000 running workflows)
#   bench/run-planning.sh --phases metrics --calls 50      only the portfolio metrics
#   bench/run-planning.sh --help                           every option of the harness
#
# Own options (anywhere on the line): --no-build (use the jars in target as they are), --no-append (print the section).
# Unlike run-health.sh/run-nps.sh it does not use env "up" (whose planning database holds demo data it must not mix
# with 10,000 bench clients): it starts planning-service of this checkout itself, on its own port (28199), with a
# database of its own (planning_bench) on a PostgreSQL it is given, and stops that process when it ends (the shared
# part is bench/service-bench.sh). Kafka and Keycloak are those it is given (users admin/cse, password rhythm); its
# consumer groups are its own and start at the topics' end.
# The whole run is bounded by RHYTHM_BENCH_TIMEOUT seconds (default 3600). RHYTHM_BENCH_PLANNING_APP names another
# quarkus-run.jar (e.g. a copy of target/quarkus-app, so that a test build meanwhile cannot rewrite the running jars).
# Peak RSS and CPU of the service over the harness run are recorded with bench/resources.sh.
set -euo pipefail
SERVICE=planning-service HARNESS=PlanningBench DB=planning_bench PORT="${RHYTHM_BENCH_PLANNING_PORT:-28199}"
# shellcheck source=bench/service-bench.sh
source "$(dirname "${BASH_SOURCE[0]}")/service-bench.sh"

bench_options "$@"
bench_infra
bench_build
groups=()
for channel in workflow-health-scores workflow-health-alerts workflow-renewals readiness-health-scores readiness-health-alerts readiness-nps-cases; do
  groups+=("-Dmp.messaging.incoming.$channel.group.id=$SERVICE_GROUP")
done
bench_start "${RHYTHM_BENCH_PLANNING_APP:-$ROOT/planning-service/target/quarkus-app/quarkus-run.jar}" /q/health/ready \
  -Xmx1g "${groups[@]}" -Drhythm.workflows.qbr-cadence.enabled=false -Drhythm.renewals.check-delay=1h

say "running the harness: ${ARGS[*]:-(defaults)}"
# peak RSS and CPU of the service under the harness (seeding included), for sizing its pod (issue 16)
resources_start planning-service "$SERVICE_PID"
rc=0
bench_harness "$BENCH_TMP/section" "${ARGS[@]}" || rc=$?
{
  printf '\n#### Resources of planning-service under this run (`bench/resources.sh`)\n\n'
  printf 'Sampled every second from the harness start to its end (seeding, every phase); started with -Xmx1g.\n\n'
  resources_header
  resources_stop planning-service
} > "$BENCH_TMP/resources"
[[ -s "$BENCH_TMP/section" ]] && cat "$BENCH_TMP/resources" >> "$BENCH_TMP/section"
bench_section "planning-service benchmark" "$rc" "$BENCH_TMP/section"
exit "$rc"
