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
# with 10,000 bench clients): it starts planning-service of this checkout itself, on its own port, with a database
# of its own (planning_bench) on a PostgreSQL it is given, and stops that process when it ends. Kafka and Keycloak are
# those it is given (users admin/cse, password rhythm); its consumer groups are its own and start at the topics' end.
# Defaults: the shared test infrastructure (PostgreSQL 25432 with its superuser socket, Kafka 29092, Keycloak 28080).
# The whole run is bounded by RHYTHM_BENCH_TIMEOUT seconds (default 3600). RHYTHM_BENCH_PLANNING_APP names another
# quarkus-run.jar (e.g. a copy of target/quarkus-app, so that a test build meanwhile cannot rewrite the running jars).
# Peak RSS and CPU of the service over the harness run are recorded with bench/resources.sh.
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
      sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      if [[ -f "$BENCH/target/rhythm-bench.jar" ]]; then echo; "$JAVA" -cp "$BENCH/target/rhythm-bench.jar" io.rhythm.bench.PlanningBench --help; fi
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
PORT="${RHYTHM_BENCH_PLANNING_PORT:-28199}"
DB=planning_bench
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
  say "building planning-service and bench (package only, offline)"
  ./mvnw -B -q -o -pl planning-service -am package -DskipTests
  ./mvnw -B -q -o -Pbench -pl bench -am package -DskipTests
fi
APP="${RHYTHM_BENCH_PLANNING_APP:-$ROOT/planning-service/target/quarkus-app/quarkus-run.jar}"
[[ -f "$APP" && -f "$BENCH/target/rhythm-bench.jar" ]] || { say "missing $APP or bench/target/rhythm-bench.jar (run without --no-build)"; exit 1; }

run_id="$(date -u +%Y%m%d%H%M%S)"
group="rhythm-planning-bench-$run_id"
log="$BENCH/target/planning-service-bench.log"
say "starting planning-service of this checkout on :$PORT (database $DB, log $log)"
groups=()
for channel in workflow-health-scores workflow-health-alerts workflow-renewals readiness-health-scores readiness-health-alerts readiness-nps-cases; do
  groups+=("-Dmp.messaging.incoming.$channel.group.id=$group")
done
"$JAVA" -Xmx1g -Dquarkus.http.port="$PORT" -Drhythm.db.url="jdbc:postgresql://127.0.0.1:$PG_PORT" -Drhythm.db.name="$DB" \
  -Drhythm.db.password="$DB_PASSWORD" -Drhythm.kafka.bootstrap="$KAFKA" -Drhythm.keycloak.url="$KC_URL" \
  -Dmp.messaging.connector.smallrye-kafka.group.id="$group" -Dmp.messaging.connector.smallrye-kafka.auto.offset.reset=latest \
  "${groups[@]}" -Drhythm.workflows.qbr-cadence.enabled=false -Drhythm.renewals.check-delay=1h \
  -jar "$APP" > "$log" 2>&1 &
service_pid=$!
section="$(mktemp "${TMPDIR:-/tmp}/rhythm-bench-section.XXXXXX")"
trap 'kill "$service_pid" 2>/dev/null || true; wait "$service_pid" 2>/dev/null || true; rm -f "$section" "$section.full" "$section.resources"' EXIT
for _ in $(seq 1 120); do
  curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" 2>/dev/null && break
  kill -0 "$service_pid" 2>/dev/null || { say "planning-service exited; see $log"; tail -20 "$log"; exit 1; }
  sleep 1
done
curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" || { say "planning-service not ready after 120 s; see $log"; exit 1; }

started_at="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
say "running the harness: ${args[*]:-(defaults)}"
# peak RSS and CPU of the service under the harness (seeding included), for sizing its pod (issue 16)
# shellcheck source=bench/resources.sh
source "$BENCH/resources.sh"
resources_start planning-service "$service_pid"
set +e
RHYTHM_BENCH_DB_PASSWORD="$DB_PASSWORD" timeout --signal=TERM --kill-after=30 "${RHYTHM_BENCH_TIMEOUT:-3600}" \
  "$JAVA" -Xms256m -Xmx1g -cp "$BENCH/target/rhythm-bench.jar" io.rhythm.bench.PlanningBench \
    --service "http://127.0.0.1:$PORT" --token-url "$KC_URL/realms/rhythm/protocol/openid-connect/token" \
    --db-url "jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" --db-user "$DB" "${args[@]}" --report "$section"
rc=$?
set -e
resources_stop planning-service > "$section.resources"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
[[ -s "$section" ]] || { say "the harness wrote no results (exit status $rc)"; exit "${rc/#0/1}"; }

cpu_model="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
{
  printf '\n## %s — planning-service benchmark (`bench/run-planning.sh %s`)\n\n' "$started_at" "${args[*]:-}"
  printf 'Exit status %s. planning-service of this checkout (%s, jar built %s) started by the script on :%s with database %s on PostgreSQL :%s, Kafka %s, Keycloak %s.\n\n' \
    "$rc" "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')" "$(date -u -r "$APP" +%Y-%m-%dT%H:%M:%SZ)" "$PORT" "$DB" "$PG_PORT" "$KAFKA" "$KC_URL"
  printf '**Machine:** `nproc` = %s (%s); `free -g`:\n\n```\n%s\n```\n' "$(nproc)" "${cpu_model:-?}" "$(free -g)"
  printf 'Load average %s before, %s after. **The machine is shared** (other builds and test runs, PostgreSQL, Kafka, Keycloak, the service and the bench on 2 cores): figures are noisy; each comes with a baseline measured in the same run. Java: %s.\n' \
    "$load_before" "$load_after" "$("$JAVA" -version 2>&1 | head -1)"
  cat "$section"
  printf '\n#### Resources of planning-service under this run (`bench/resources.sh`)\n\n'
  printf 'Sampled every second from the harness start to its end (seeding, every phase); started with -Xmx1g.\n\n'
  resources_header
  cat "$section.resources"
} > "$section.full"
if ((append)); then
  cat "$section.full" >> "$BENCH/RESULTS.md"
  say "appended to bench/RESULTS.md"
else
  cat "$section.full"
fi
exit "$rc"
