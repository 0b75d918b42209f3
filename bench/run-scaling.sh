#!/usr/bin/env bash
# Scaling experiment of issue 16: 1, 2 and 3 health-service instances in one consumer group on the
# 6-partition signals.ingest.v1, against the TEST infrastructure (`./rhythm infra up --env test`:
# PostgreSQL 25432, Kafka 29092, Keycloak 28080); appends a dated section to bench/RESULTS.md.
#
#   bench/run-scaling.sh                          100,000 signals per step, 1 → 2 → 3 instances, then 3 → 2 under load
#   bench/run-scaling.sh --signals 20000          a quick run
#   bench/run-scaling.sh --help                   every option of the harness (io.rhythm.bench.ScalingBench)
#
# Own options: --no-build (use the jars in target/ as they are), --no-append (print the section only).
# health-service's database is DROPPED and recreated empty first (like a test run). Where several
# people share the test infrastructure, RHYTHM_TEST_LOCKS names their directory of flock files: the run
# then holds db-health.lock (no health test may run meanwhile) and one of slot-0/slot-1.lock.
# Afterwards the harness moves idle consumer groups of health.scores.v1 (planning's, segmentation's
# test runs) past the events this run produced (--skip-bench-events no: leave them).
# RHYTHM_TEST_HOME: the test environment's state directory (default .rhythm/test of this checkout),
# for the PostgreSQL socket and the broker's and postmaster's pid files.
# The instances are started by the harness on ports 28301-28303 and stopped by their PIDs.
# The whole run is bounded by RHYTHM_BENCH_TIMEOUT seconds (default 2400).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
cd "$ROOT"
if [[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
TEST_HOME="${RHYTHM_TEST_HOME:-$ROOT/.rhythm/test}"
PG_PORT="${RHYTHM_TEST_PG_PORT:-25432}"
KAFKA_PORT="${RHYTHM_TEST_KAFKA_PORT:-29092}"
KC_PORT="${RHYTHM_TEST_KEYCLOAK_PORT:-28080}"

build=1 append=1
args=()
while (($#)); do
  case "$1" in
    --no-build) build=0 ;;
    --no-append) append=0 ;;
    -h|--help)
      sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      if [[ -f "$BENCH/target/rhythm-bench.jar" ]]; then echo; "$JAVA" -cp "$BENCH/target/rhythm-bench.jar" io.rhythm.bench.ScalingBench --help; fi
      exit 0 ;;
    *) args+=("$1") ;;
  esac
  shift
done
say() { printf '[scaling] %s\n' "$*"; }

(exec 3<>"/dev/tcp/127.0.0.1/$KAFKA_PORT") 2>/dev/null || { say "no Kafka on :$KAFKA_PORT: start the test infrastructure (./rhythm infra up --env test)"; exit 1; }
[[ -S "$TEST_HOME/postgres/sock/.s.PGSQL.$PG_PORT" ]] || { say "no PostgreSQL socket under $TEST_HOME/postgres/sock (set RHYTHM_TEST_HOME)"; exit 1; }

if ((build)); then
  say "building health-service and bench (./mvnw -Pbench -pl health-service,bench -am package -DskipTests)"
  ./mvnw -B -q -o -Pbench -pl health-service,bench -am package -DskipTests
fi
JAR="$ROOT/health-service/target/quarkus-app/quarkus-run.jar"
[[ -f "$JAR" && -f "$BENCH/target/rhythm-bench.jar" ]] || { say "$JAR or bench/target/rhythm-bench.jar missing (run without --no-build)"; exit 1; }

# Locks of a shared test infrastructure, in the order every user takes them (databases sorted, then a slot).
if [[ -n "${RHYTHM_TEST_LOCKS:-}" ]]; then
  exec {fd}>"$RHYTHM_TEST_LOCKS/db-health.lock"
  say "waiting for lock db-health"
  flock "$fd"

  while :; do
    exec {slot}>"$RHYTHM_TEST_LOCKS/slot-0.lock"; if flock -n "$slot"; then break; fi; exec {slot}>&-
    exec {slot}>"$RHYTHM_TEST_LOCKS/slot-1.lock"; if flock -n "$slot"; then break; fi; exec {slot}>&-
    sleep 5
  done
  say "holding the locks of health and a slot"
fi

say "resetting database health"
psql_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)/psql"
pg_user=(); [[ "$(id -u)" == 0 ]] && pg_user=(runuser -u postgres --)
"${pg_user[@]}" "$psql_bin" -X -q -v ON_ERROR_STOP=1 -h "$TEST_HOME/postgres/sock" -p "$PG_PORT" -U postgres -d postgres \
  -c 'DROP DATABASE IF EXISTS "health" WITH (FORCE)' -c 'CREATE DATABASE "health" OWNER "health"' \
  -c 'REVOKE CONNECT, TEMPORARY ON DATABASE "health" FROM PUBLIC' -c 'GRANT CONNECT, TEMPORARY ON DATABASE "health" TO "health"'

export RHYTHM_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT" RHYTHM_DB_PASSWORD="${RHYTHM_TEST_DB_PASSWORD:-rhythm-test}" \
       RHYTHM_KAFKA_BOOTSTRAP="127.0.0.1:$KAFKA_PORT" RHYTHM_KEYCLOAK_URL="http://127.0.0.1:$KC_PORT"
work="$(mktemp -d "${TMPDIR:-/tmp}/rhythm-scaling.XXXXXX")"
section="$work/section.md"
started_at="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
say "running the harness (instance logs in $work): ${args[*]:-(defaults)}"
set +e
timeout --signal=TERM --kill-after=60 "${RHYTHM_BENCH_TIMEOUT:-2400}" \
  "$JAVA" -Xms256m -Xmx1g -XX:+UseParallelGC -cp "$BENCH/target/rhythm-bench.jar" io.rhythm.bench.ScalingBench \
    --jar "$JAR" --java "$JAVA" --work-dir "$work" --bootstrap "127.0.0.1:$KAFKA_PORT" \
    --db "jdbc:postgresql://127.0.0.1:$PG_PORT/health" \
    --pg-pid-file "$TEST_HOME/run/postgres.pid" --kafka-pid-file "$TEST_HOME/run/kafka.pid" \
    "${args[@]}" --report "$section"
rc=$?
set -e
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
[[ -s "$section" ]] || { say "the harness wrote no results (exit status $rc; logs in $work)"; exit "${rc/#0/1}"; }

{
  printf '\n## %s — health-service scaling experiment (`bench/run-scaling.sh %s`)\n\n' "$started_at" "${args[*]:-}"
  printf 'Exit status %s (0: every step ran and every check held). ' "$rc"
  printf '**Machine:** `nproc` = %s (%s), %s GiB RAM, kernel %s; load average %s before, %s after. ' \
    "$(nproc)" "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)" "$(free -g | awk '/^Mem:/ {print $2}')" \
    "$(uname -r)" "$load_before" "$load_after"
  printf '**Two cores are shared** by Kafka, PostgreSQL, Keycloak, every instance, the harness and other engineers'"'"' builds and '
  printf 'test runs: more instances cannot make the machine faster, so the speed-up shown here is bounded by the cores, not by the '
  printf 'consumer group; what the experiment proves is the spread of partitions and exactly-once effect. '
  printf '**Versions:** %s; Kafka %s; repo at %s.\n\n' "$("$JAVA" -version 2>&1 | head -1)" \
    "$(ls -d "$TEST_HOME"/../tools/kafka-* 2>/dev/null | sed 's/.*kafka-//' | sort -V | tail -1)" \
    "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
  cat "$section"
} > "$section.full"
if ((append)); then
  cat "$section.full" >> "$BENCH/RESULTS.md"
  say "appended to bench/RESULTS.md"
else
  cat "$section.full"
fi
if [[ "$rc" == 0 ]]; then rm -rf "$work"; else say "instance logs kept in $work"; fi
exit "$rc"
