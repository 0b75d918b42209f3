#!/usr/bin/env bash
# segmentation-service benchmark of issue 11; appends a dated section to bench/RESULTS.md.
#
#   bench/run-segmentation.sh                              at the issue's size: 100,000 clients, re-segmentation on model
#                                                          activation (< 10 s) and the compliance roll-up (p99 < 500 ms)
#   bench/run-segmentation.sh --clients 10000 --calls 10   smaller
#   bench/run-segmentation.sh --help                       every option of the harness
#
# Own options (anywhere on the line): --no-build (use the jars in target as they are), --no-append (print the section).
# Like run-planning.sh it does not use env "up": it starts segmentation-service of this checkout itself, on its own
# port (28201), with a database of its own (segmentation_bench, emptied by the harness) on a PostgreSQL it is given,
# and stops that process when it ends. Kafka and Keycloak are those it is given (users admin/cse, password rhythm);
# its consumer groups are its own and start at the topics' end; its outbox is not relayed (no bench event reaches Kafka).
# Defaults: the shared test infrastructure (PostgreSQL 25432 with its superuser socket, Kafka 29092, Keycloak 28080).
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
      sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      if [[ -f "$BENCH/target/rhythm-bench.jar" ]]; then echo; "$JAVA" -cp "$BENCH/target/rhythm-bench.jar" io.rhythm.bench.SegmentationBench --help; fi
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
PORT="${RHYTHM_BENCH_SEGMENTATION_PORT:-28201}"
DB=segmentation_bench
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
  say "building segmentation-service and bench (package only, offline)"
  ./mvnw -B -q -o -pl segmentation-service -am package -DskipTests
  ./mvnw -B -q -o -Pbench -pl bench -am package -DskipTests
fi
APP="$ROOT/segmentation-service/target/quarkus-app/quarkus-run.jar"
[[ -f "$APP" && -f "$BENCH/target/rhythm-bench.jar" ]] || { say "missing $APP or bench/target/rhythm-bench.jar (run without --no-build)"; exit 1; }

run_id="$(date -u +%Y%m%d%H%M%S)"
group="rhythm-segmentation-bench-$run_id"
log="$BENCH/target/segmentation-service-bench.log"
say "starting segmentation-service of this checkout on :$PORT (database $DB, log $log)"
groups=()
for channel in client-revenue; do
  groups+=("-Dmp.messaging.incoming.$channel.group.id=$group-$channel")
done
"$JAVA" -Xmx1g -Dquarkus.http.port="$PORT" -Drhythm.db.url="jdbc:postgresql://127.0.0.1:$PG_PORT" -Drhythm.db.name="$DB" \
  -Drhythm.db.password="$DB_PASSWORD" -Drhythm.kafka.bootstrap="$KAFKA" -Drhythm.keycloak.url="$KC_URL" \
  -Dmp.messaging.connector.smallrye-kafka.group.id="$group" -Dmp.messaging.connector.smallrye-kafka.auto.offset.reset=latest \
  "${groups[@]}" -Drhythm.outbox.poll-interval=24h \
  -jar "$APP" > "$log" 2>&1 &
service_pid=$!
section="$(mktemp "${TMPDIR:-/tmp}/rhythm-bench-section.XXXXXX")"
trap 'kill "$service_pid" 2>/dev/null || true; wait "$service_pid" 2>/dev/null || true; rm -f "$section" "$section.full"' EXIT
for _ in $(seq 1 120); do
  curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" 2>/dev/null && break
  kill -0 "$service_pid" 2>/dev/null || { say "segmentation-service exited; see $log"; tail -20 "$log"; exit 1; }
  sleep 1
done
curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" || { say "segmentation-service not ready after 120 s; see $log"; exit 1; }

source "$BENCH/resources.sh"
started_at="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
say "running the harness: ${args[*]:-(defaults)}"
resources_start segmentation-service "$service_pid"
set +e
RHYTHM_BENCH_DB_PASSWORD="$DB_PASSWORD" timeout --signal=TERM --kill-after=30 "${RHYTHM_BENCH_TIMEOUT:-3600}" \
  "$JAVA" -Xms256m -Xmx1g -cp "$BENCH/target/rhythm-bench.jar" io.rhythm.bench.SegmentationBench \
    --service "http://127.0.0.1:$PORT" --token-url "$KC_URL/realms/rhythm/protocol/openid-connect/token" \
    --db-url "jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" --db-user "$DB" "${args[@]}" --report "$section"
rc=$?
set -e
resources_row="$(resources_stop segmentation-service)"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
[[ -s "$section" ]] || { say "the harness wrote no results (exit status $rc)"; exit "${rc/#0/1}"; }

cpu_model="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
{
  printf '\n## %s — segmentation-service benchmark (`bench/run-segmentation.sh %s`)\n\n' "$started_at" "${args[*]:-}"
  printf 'Exit status %s. segmentation-service of this checkout (%s, jar built %s) started by the script on :%s with database %s on PostgreSQL :%s, Kafka %s, Keycloak %s.\n\n' \
    "$rc" "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')" "$(date -u -r "$APP" +%Y-%m-%dT%H:%M:%SZ)" "$PORT" "$DB" "$PG_PORT" "$KAFKA" "$KC_URL"
  printf '**Machine:** `nproc` = %s (%s); `free -g`:\n\n```\n%s\n```\n' "$(nproc)" "${cpu_model:-?}" "$(free -g)"
  printf 'Load average %s before, %s after. **The machine is shared** (other builds and test runs, PostgreSQL, Kafka, Keycloak, the service and the bench on 2 cores): figures are noisy; each comes with a baseline measured in the same run. Java: %s.\n' \
    "$load_before" "$load_after" "$("$JAVA" -version 2>&1 | head -1)"
  cat "$section"
  printf '\n#### Resources of the service under the bench (bench/resources.sh)\n\n'
  resources_header
  printf '%s\n' "$resources_row"
} > "$section.full"
if ((append)); then
  cat "$section.full" >> "$BENCH/RESULTS.md"
  say "appended to bench/RESULTS.md"
else
  cat "$section.full"
fi
exit "$rc"
