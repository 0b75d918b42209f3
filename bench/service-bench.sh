#!/usr/bin/env bash
# Shared by the benches that start one service of this checkout themselves (run-planning.sh, run-segmentation.sh,
# run-calendar.sh) instead of using env "up": options, the shared test infrastructure, the bench's own database, the
# service process, the machine facts and appending to RESULTS.md. Sourced, never run; the caller sets
#   SERVICE   e.g. planning-service          HARNESS  e.g. PlanningBench (class in io.rhythm.bench)
#   DB        e.g. planning_bench            PORT     the service's HTTP port
# then calls, in this order:
#   bench_options "$@"            --no-build, --no-append, --help (prints the caller's header comment and the
#                                 harness's --help); everything else is kept in ARGS for the harness
#   bench_infra                   checks Keycloak and Kafka, creates the role and database $DB once
#   bench_build                   packages $SERVICE and the bench module (unless --no-build)
#   bench_start APP LIVE_PATH JVM-OPTION...
#                                 starts the app on $PORT with its own consumer group ($SERVICE_GROUP), waits up to
#                                 120 s for LIVE_PATH, stops it when the script exits (SERVICE_PID)
#   bench_harness REPORT HARNESS-OPTION...
#                                 runs the harness against the service, bounded by RHYTHM_BENCH_TIMEOUT (3600 s);
#                                 returns its exit status
#   bench_jvm_heap JVM-OPTION...  prints the maximum heap (MiB) the JVM chooses with these options (for the resources row)
#   bench_section TITLE RC BODY   writes the RESULTS.md section (machine, versions, load, then BODY's contents) and
#                                 appends it (or prints it with --no-append)
# BENCH_TMP is a scratch directory for the caller, removed when the script exits.
# Defaults: the shared test infrastructure (PostgreSQL 25432 with its superuser socket, Kafka 29092, Keycloak 28080);
# RHYTHM_BENCH_PG_PORT, RHYTHM_BENCH_PG_SOCKET, RHYTHM_BENCH_KAFKA, RHYTHM_BENCH_KEYCLOAK, RHYTHM_BENCH_DB_PASSWORD.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
cd "$ROOT"
if [[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
PG_PORT="${RHYTHM_BENCH_PG_PORT:-25432}"
PG_SOCKET="${RHYTHM_BENCH_PG_SOCKET:-/work/main/.rhythm/test/postgres/sock}"
KAFKA="${RHYTHM_BENCH_KAFKA:-127.0.0.1:29092}"
KC_URL="${RHYTHM_BENCH_KEYCLOAK:-http://127.0.0.1:28080}"
DB_PASSWORD="${RHYTHM_BENCH_DB_PASSWORD:-rhythm-bench}"
# shellcheck source=bench/resources.sh
source "$BENCH/resources.sh"
# the service's Kafka consumer group: its own, so that it never takes partitions from the tests' or env up's groups
SERVICE_GROUP="rhythm-${SERVICE%-service}-bench-$(date -u +%Y%m%d%H%M%S)"
BENCH_TMP="$(mktemp -d "${TMPDIR:-/tmp}/rhythm-bench.XXXXXX")"   # the caller's scratch files; removed on exit
trap 'rm -rf "$BENCH_TMP"' EXIT

say() { printf '[bench] %s\n' "$*"; }

bench_options() {
  BUILD=1 APPEND=1 ARGS=()
  local script="${BASH_SOURCE[1]}"
  while (($#)); do
    case "$1" in
      --no-build) BUILD=0 ;;
      --no-append) APPEND=0 ;;
      -h|--help)
        sed -n '2,/^set -/p' "$script" | sed '$d' | sed 's/^# \{0,1\}//'
        if [[ -f "$BENCH/target/rhythm-bench.jar" ]]; then
          echo; "$JAVA" -cp "$BENCH/target/rhythm-bench.jar" "io.rhythm.bench.$HARNESS" --help
        fi
        exit 0 ;;
      *) ARGS+=("$1") ;;
    esac
    shift
  done
}

bench_infra() {
  curl -fsS -m 5 -o /dev/null "$KC_URL/realms/rhythm" || { say "Keycloak not reachable at $KC_URL"; exit 1; }
  (exec 3<>"/dev/tcp/${KAFKA%:*}/${KAFKA#*:}") 2>/dev/null || { say "Kafka not reachable at $KAFKA"; exit 1; }
  # The bench's own database and role (created once; the harness replaces its own rows, nothing else lives there).
  if [[ -S "$PG_SOCKET/.s.PGSQL.$PG_PORT" ]]; then
    local psql_bin
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
}

bench_build() {
  if ((BUILD)); then
    say "building $SERVICE and bench (package only, offline)"
    ./mvnw -B -q -o -pl "$SERVICE" -am package -DskipTests
    ./mvnw -B -q -o -Pbench -pl bench -am package -DskipTests
  fi
  [[ -f "$BENCH/target/rhythm-bench.jar" ]] || { say "missing bench/target/rhythm-bench.jar (run without --no-build)"; exit 1; }
}

bench_start() {
  local app="$1" live="$2"; shift 2
  [[ -f "$app" ]] || { say "missing $app (run without --no-build)"; exit 1; }
  SERVICE_APP="$app"
  local log="$BENCH/target/$SERVICE-bench.log"
  say "starting $SERVICE of this checkout on :$PORT (database $DB, log $log)"
  "$JAVA" -Dquarkus.http.port="$PORT" -Drhythm.db.url="jdbc:postgresql://127.0.0.1:$PG_PORT" -Drhythm.db.name="$DB" \
    -Drhythm.db.password="$DB_PASSWORD" -Drhythm.kafka.bootstrap="$KAFKA" -Drhythm.keycloak.url="$KC_URL" \
    -Dmp.messaging.connector.smallrye-kafka.group.id="$SERVICE_GROUP" \
    -Dmp.messaging.connector.smallrye-kafka.auto.offset.reset=latest \
    "$@" -jar "$app" > "$log" 2>&1 &
  SERVICE_PID=$!
  trap 'kill "$SERVICE_PID" 2>/dev/null || true; wait "$SERVICE_PID" 2>/dev/null || true; rm -rf "$BENCH_TMP"' EXIT
  local _
  for _ in $(seq 1 120); do
    curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$PORT$live" 2>/dev/null && break
    kill -0 "$SERVICE_PID" 2>/dev/null || { say "$SERVICE exited; see $log"; tail -20 "$log"; exit 1; }
    sleep 1
  done
  curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$PORT$live" || { say "$SERVICE not ready after 120 s; see $log"; exit 1; }
  BENCH_STARTED_AT="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  BENCH_LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
}

bench_harness() {
  local report="$1"; shift
  local rc=0
  RHYTHM_BENCH_DB_PASSWORD="$DB_PASSWORD" timeout --signal=TERM --kill-after=30 "${RHYTHM_BENCH_TIMEOUT:-3600}" \
    "$JAVA" -Xms256m -Xmx2g -cp "$BENCH/target/rhythm-bench.jar" "io.rhythm.bench.$HARNESS" \
      --service "http://127.0.0.1:$PORT" --token-url "$KC_URL/realms/rhythm/protocol/openid-connect/token" \
      --db-url "jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" --db-user "$DB" "$@" --report "$report" || rc=$?
  return "$rc"
}

bench_jvm_heap() {
  "$JAVA" "$@" -XX:+PrintFlagsFinal -version 2>/dev/null | awk '$2 == "MaxHeapSize" {print int($4 / 1048576)}'
}

bench_section() {
  local title="$1" rc="$2" body="$3" full cpu_model
  local load_after; load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
  [[ -s "$body" ]] || { say "the harness wrote no results (exit status $rc)"; exit "${rc/#0/1}"; }
  cpu_model="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
  full="$BENCH_TMP/section.full"
  {
    printf '\n## %s — %s (`bench/%s %s`)\n\n' "$BENCH_STARTED_AT" "$title" "$(basename "${BASH_SOURCE[1]}")" "${ARGS[*]:-}"
    printf 'Exit status %s. %s of this checkout (%s, jar built %s) started by the script on :%s with database %s on PostgreSQL :%s, Kafka %s, Keycloak %s.\n\n' \
      "$rc" "$SERVICE" "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')" "$(date -u -r "$SERVICE_APP" +%Y-%m-%dT%H:%M:%SZ)" \
      "$PORT" "$DB" "$PG_PORT" "$KAFKA" "$KC_URL"
    printf '**Machine:** `nproc` = %s (%s); `free -g`:\n\n```\n%s\n```\n' "$(nproc)" "${cpu_model:-?}" "$(free -g)"
    printf 'Load average %s before, %s after. **The machine is shared** (other builds and test runs, PostgreSQL, Kafka, Keycloak, the service and the bench on 2 cores): figures are noisy; each comes with a baseline measured in the same run. Java: %s.\n' \
      "$BENCH_LOAD_BEFORE" "$load_after" "$("$JAVA" -version 2>&1 | head -1)"
    cat "$body"
  } > "$full"
  if ((APPEND)); then
    cat "$full" >> "$BENCH/RESULTS.md"
    say "appended to bench/RESULTS.md"
  else
    cat "$full"
  fi
}
