#!/usr/bin/env bash
# calendar-service benchmark of issue 14; appends a dated section to bench/RESULTS.md.
#
#   bench/run-calendar.sh                                  both phases at the issue's sizes (a feed of 5,000 events,
#                                                          100,000 activities through the bulk import)
#   bench/run-calendar.sh --phases feed --calls 100        only the iCalendar feed
#   bench/run-calendar.sh --help                           every option of the harness
#
# Own options (anywhere on the line): --no-build (use the jars in target as they are), --no-append (print the section).
# Like run-planning.sh it does not use env "up": it starts calendar-service of this checkout itself, on its own port
# (28221; the feed's static-file baseline on the next port), with a database of its own (calendar_bench) on a PostgreSQL it is given, and stops that process when it
# ends (the shared part is bench/service-bench.sh). Keycloak is the one it is given (users admin/cse, password rhythm); its Kafka consumer groups are its own and
# start at the topics' end. Its outbox relay is pointed at a closed port (28229): the 100,000 EngagementActivityLogged
# of the import stay in calendar_bench's outbox and never reach the shared Kafka's calendar.activities.v1.
# Defaults: the shared test infrastructure (PostgreSQL 25432 with its superuser socket, Kafka 29092, Keycloak 28080).
# RHYTHM_BENCH_CALENDAR_APP_DIR: a copy of calendar-service/target/quarkus-app to run (default: a copy made at the start).
# Each phase runs as its own harness call, with bench/resources.sh sampling the service (one row per phase).
# The whole run is bounded by RHYTHM_BENCH_TIMEOUT seconds (default 3600).
# RHYTHM_BENCH_CALENDAR_JAVA_OPTS: more JVM options for the service, e.g. a JFR recording of the run:
#   RHYTHM_BENCH_CALENDAR_JAVA_OPTS='-XX:StartFlightRecording=filename=/tmp/feed.jfr,settings=profile'
set -euo pipefail
SERVICE=calendar-service HARNESS=CalendarBench DB=calendar_bench PORT="${RHYTHM_BENCH_CALENDAR_PORT:-28221}"
CLOSED_PORT="${RHYTHM_BENCH_CLOSED_PORT:-28229}"
# the feed's static-file baseline (a JDK HttpServer inside the harness) listens here
STATIC_PORT="${RHYTHM_BENCH_STATIC_PORT:-$((PORT + 1))}"
# shellcheck source=bench/service-bench.sh
source "$(dirname "${BASH_SOURCE[0]}")/service-bench.sh"

bench_options "$@"
bench_infra
bench_build
# The service runs from a copy of the build (RHYTHM_BENCH_CALENDAR_APP_DIR: one made beforehand), so a build of the
# checkout during the run cannot change the jars under it.
APP_DIR="${RHYTHM_BENCH_CALENDAR_APP_DIR:-}"
if [[ -z "$APP_DIR" ]]; then
  [[ -f "$ROOT/calendar-service/target/quarkus-app/quarkus-run.jar" ]] || { say "missing calendar-service/target/quarkus-app (run without --no-build)"; exit 1; }
  APP_DIR="$BENCH/target/calendar-service-app"
  rm -rf "$APP_DIR"
  cp -r "$ROOT/calendar-service/target/quarkus-app" "$APP_DIR"
fi
(exec 3<>"/dev/tcp/127.0.0.1/$CLOSED_PORT") 2>/dev/null && { say "port $CLOSED_PORT is in use: it must be closed (the outbox relay's dead end)"; exit 1; }
bench_start "$APP_DIR/quarkus-run.jar" /q/health/live -Xmx1g \
  -Dmp.messaging.connector.smallrye-kafka.bootstrap.servers="$KAFKA" -Dkafka.bootstrap.servers="127.0.0.1:$CLOSED_PORT" \
  -Drhythm.calendar.scan-every=off -Dquarkus.log.category.\"org.apache.kafka\".level=ERROR \
  ${RHYTHM_BENCH_CALENDAR_JAVA_OPTS:-}

say "running the harness: ${ARGS[*]:-(defaults)}"
phases="feed,import"
for ((i = 0; i < ${#ARGS[@]}; i++)); do [[ "${ARGS[i]}" == --phases ]] && phases="${ARGS[i+1]}"; done
rc=0
: > "$BENCH_TMP/section"
: > "$BENCH_TMP/resources"
for phase in ${phases//,/ }; do
  resources_start "calendar-service ($phase)" "$SERVICE_PID"
  phase_rc=0
  bench_harness "$BENCH_TMP/section.$phase" --static-port "$STATIC_PORT" "${ARGS[@]}" --phases "$phase" || phase_rc=$?
  resources_stop "calendar-service ($phase)" >> "$BENCH_TMP/resources"
  ((phase_rc == 0)) || rc=$phase_rc
  [[ -s "$BENCH_TMP/section.$phase" ]] && cat "$BENCH_TMP/section.$phase" >> "$BENCH_TMP/section"
done
{
  printf '\n#### Resources of calendar-service under each phase (bench/resources.sh, issue 16)\n\n'
  resources_header
  cat "$BENCH_TMP/resources"
} >> "$BENCH_TMP/section"
bench_section "calendar-service benchmark" "$rc" "$BENCH_TMP/section"
exit "$rc"
