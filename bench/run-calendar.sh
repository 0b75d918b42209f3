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
# (28221), with a database of its own (calendar_bench) on a PostgreSQL it is given, and stops that process when it
# ends. Keycloak is the one it is given (users admin/cse, password rhythm); its Kafka consumer groups are its own and
# start at the topics' end. Its outbox relay is pointed at a closed port (28229): the 100,000 EngagementActivityLogged
# of the import stay in calendar_bench's outbox and never reach the shared Kafka's calendar.activities.v1.
# Defaults: the shared test infrastructure (PostgreSQL 25432 with its superuser socket, Kafka 29092, Keycloak 28080).
# RHYTHM_BENCH_CALENDAR_APP_DIR: a copy of calendar-service/target/quarkus-app to run (default: a copy made at the start).
# Each phase runs as its own harness call, with bench/resources.sh sampling the service (one row per phase).
# The whole run is bounded by RHYTHM_BENCH_TIMEOUT seconds (default 3600).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
cd "$ROOT"
if [[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

build=1 append=1
args=()
while (($#)); do
  case "$1" in
    --no-build) build=0 ;;
    --no-append) append=0 ;;
    -h|--help)
      sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      if [[ -f "$BENCH/target/rhythm-bench.jar" ]]; then echo; "$JAVA" -cp "$BENCH/target/rhythm-bench.jar" io.rhythm.bench.CalendarBench --help; fi
      exit 0 ;;
    *) args+=("$1") ;;
  esac
  shift
done
say() { printf '[bench] %s\n' "$*"; }

PG_PORT="${RHYTHM_BENCH_PG_PORT:-25432}"
PG_SOCKET="${RHYTHM_BENCH_PG_SOCKET:-/work/main/.rhythm/test/postgres/sock}"
KAFKA="${RHYTHM_BENCH_KAFKA:-127.0.0.1:29092}"
KC_URL="${RHYTHM_BENCH_KEYCLOAK:-http://127.0.0.1:28080}"
PORT="${RHYTHM_BENCH_CALENDAR_PORT:-28221}"
CLOSED_PORT="${RHYTHM_BENCH_CLOSED_PORT:-28229}"
DB=calendar_bench
DB_PASSWORD="${RHYTHM_BENCH_DB_PASSWORD:-rhythm-bench}"

curl -fsS -m 5 -o /dev/null "$KC_URL/realms/rhythm" || { say "Keycloak not reachable at $KC_URL"; exit 1; }
(exec 3<>"/dev/tcp/${KAFKA%:*}/${KAFKA#*:}") 2>/dev/null || { say "Kafka not reachable at $KAFKA"; exit 1; }

# The bench's own database and role (created once; the harness replaces its own rows, nothing else lives there).
if [[ -S "$PG_SOCKET/.s.PGSQL.$PG_PORT" ]]; then
  psql_bin="$(ls -d /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -1)"
  runuser -u postgres -- "$psql_bin" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET" -p "$PG_PORT" -U postgres -d postgres \
    -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB') THEN CREATE ROLE $DB LOGIN PASSWORD '$DB_PASSWORD'; END IF; END \$\$" >/dev/null
  if [[ -z "$(runuser -u postgres -- "$psql_bin" -X -tA -h "$PG_SOCKET" -p "$PG_PORT" -U postgres -d postgres -c "select 1 from pg_database where datname = '$DB'")" ]]; then
    say "creating database $DB on :$PG_PORT"
    runuser -u postgres -- "$psql_bin" -X -q -h "$PG_SOCKET" -p "$PG_PORT" -U postgres -d postgres -c "CREATE DATABASE $DB OWNER $DB" >/dev/null
  fi
else
  say "no PostgreSQL socket at $PG_SOCKET: expecting database $DB (owner $DB, password from RHYTHM_BENCH_DB_PASSWORD) on :$PG_PORT"
fi

if ((build)); then
  say "building calendar-service and bench (package only, offline)"
  ./mvnw -B -q -o -pl calendar-service -am package -DskipTests
  ./mvnw -B -q -o -Pbench -pl bench -am package -DskipTests
fi
# The service runs from a copy of the build (RHYTHM_BENCH_CALENDAR_APP_DIR: one made beforehand), so a build of the
# checkout during the run cannot change the jars under it.
APP_DIR="${RHYTHM_BENCH_CALENDAR_APP_DIR:-}"
if [[ -z "$APP_DIR" ]]; then
  [[ -f "$ROOT/calendar-service/target/quarkus-app/quarkus-run.jar" ]] || { say "missing calendar-service/target/quarkus-app (run without --no-build)"; exit 1; }
  APP_DIR="$BENCH/target/calendar-service-app"
  rm -rf "$APP_DIR"
  cp -r "$ROOT/calendar-service/target/quarkus-app" "$APP_DIR"
fi
APP="$APP_DIR/quarkus-run.jar"
[[ -f "$APP" && -f "$BENCH/target/rhythm-bench.jar" ]] || { say "missing $APP or bench/target/rhythm-bench.jar (run without --no-build)"; exit 1; }

run_id="$(date -u +%Y%m%d%H%M%S)"
group="rhythm-calendar-bench-$run_id"
log="$BENCH/target/calendar-service-bench.log"
say "starting calendar-service of this checkout on :$PORT (database $DB, log $log)"
(exec 3<>"/dev/tcp/127.0.0.1/$CLOSED_PORT") 2>/dev/null && { say "port $CLOSED_PORT is in use: it must be closed (the outbox relay's dead end)"; exit 1; }
"$JAVA" -Xmx1g -Dquarkus.http.port="$PORT" -Drhythm.db.url="jdbc:postgresql://127.0.0.1:$PG_PORT" -Drhythm.db.name="$DB" \
  -Drhythm.db.password="$DB_PASSWORD" -Drhythm.kafka.bootstrap="$KAFKA" -Drhythm.keycloak.url="$KC_URL" \
  -Dmp.messaging.connector.smallrye-kafka.bootstrap.servers="$KAFKA" -Dkafka.bootstrap.servers="127.0.0.1:$CLOSED_PORT" \
  -Dmp.messaging.connector.smallrye-kafka.group.id="$group" -Dmp.messaging.connector.smallrye-kafka.auto.offset.reset=latest \
  -Drhythm.calendar.scan-every=off -Dquarkus.log.category.\"org.apache.kafka\".level=ERROR \
  -jar "$APP" > "$log" 2>&1 &
service_pid=$!
section="$(mktemp "${TMPDIR:-/tmp}/rhythm-bench-section.XXXXXX")"
trap 'kill "$service_pid" 2>/dev/null || true; wait "$service_pid" 2>/dev/null || true; rm -f "$section" "$section.full"' EXIT
for _ in $(seq 1 120); do
  curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$PORT/q/health/live" 2>/dev/null && break
  kill -0 "$service_pid" 2>/dev/null || { say "calendar-service exited; see $log"; tail -20 "$log"; exit 1; }
  sleep 1
done
curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$PORT/q/health/live" || { say "calendar-service not ready after 120 s; see $log"; exit 1; }

started_at="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
say "running the harness: ${args[*]:-(defaults)}"
source "$BENCH/resources.sh"
phases="feed,import"
for ((i = 0; i < ${#args[@]}; i++)); do [[ "${args[i]}" == --phases ]] && phases="${args[i+1]}"; done
resources="$(mktemp "${TMPDIR:-/tmp}/rhythm-bench-resources.XXXXXX")"
rc=0
: > "$section"
for phase in ${phases//,/ }; do
  resources_start "calendar-service ($phase)" "$service_pid"
  set +e
  RHYTHM_BENCH_DB_PASSWORD="$DB_PASSWORD" timeout --signal=TERM --kill-after=30 "${RHYTHM_BENCH_TIMEOUT:-3600}" \
    "$JAVA" -Xms256m -Xmx2g -cp "$BENCH/target/rhythm-bench.jar" io.rhythm.bench.CalendarBench \
      --service "http://127.0.0.1:$PORT" --token-url "$KC_URL/realms/rhythm/protocol/openid-connect/token" \
      --db-url "jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" --db-user "$DB" "${args[@]}" --phases "$phase" --report "$section.$phase"
  phase_rc=$?
  set -e
  resources_stop "calendar-service ($phase)" >> "$resources"
  ((phase_rc == 0)) || rc=$phase_rc
  [[ -s "$section.$phase" ]] && cat "$section.$phase" >> "$section"
  rm -f "$section.$phase"
done
{
  printf '\n#### Resources of calendar-service under each phase (bench/resources.sh, issue 16)\n\n'
  resources_header
  cat "$resources"
} >> "$section"
rm -f "$resources"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
[[ -s "$section" ]] || { say "the harness wrote no results (exit status $rc)"; exit "${rc/#0/1}"; }

cpu_model="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
{
  printf '\n## %s — calendar-service benchmark (`bench/run-calendar.sh %s`)\n\n' "$started_at" "${args[*]:-}"
  printf 'Exit status %s. calendar-service of this checkout (%s, jar built %s) started by the script on :%s with database %s on PostgreSQL :%s, Kafka %s, Keycloak %s.\n\n' \
    "$rc" "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')" "$(date -u -r "$APP" +%Y-%m-%dT%H:%M:%SZ)" "$PORT" "$DB" "$PG_PORT" "$KAFKA" "$KC_URL"
  printf '**Machine:** `nproc` = %s (%s); `free -g`:\n\n```\n%s\n```\n' "$(nproc)" "${cpu_model:-?}" "$(free -g)"
  printf 'Load average %s before, %s after. **The machine is shared** (other builds and test runs, PostgreSQL, Kafka, Keycloak, the service and the bench on 2 cores): figures are noisy; each comes with a baseline measured in the same run. Java: %s.\n' \
    "$load_before" "$load_after" "$("$JAVA" -version 2>&1 | head -1)"
  cat "$section"
} > "$section.full"
if ((append)); then
  cat "$section.full" >> "$BENCH/RESULTS.md"
  say "appended to bench/RESULTS.md"
else
  cat "$section.full"
fi
exit "$rc"
