#!/usr/bin/env bash
# Health-service benchmark of issue 4 against the local `./rhythm up` environment; appends a dated
# section to bench/RESULTS.md.
#
#   bench/run-health.sh                      quick run (100,000 signals), all phases
#   bench/run-health.sh --signals 1000000    the issue's full figure
#   bench/run-health.sh --phases raw         only the raw Kafka baseline
#   bench/run-health.sh --help               every option of the harness
#
# Own options (anywhere on the line): --no-build (use bench/target as is), --no-start (fail instead
# of starting the environment), --no-append (print the section, leave RESULTS.md alone).
# Starts `./rhythm up --no-demo` only when the environment is not running, and says so; never stops it.
# The whole run is bounded by RHYTHM_BENCH_TIMEOUT seconds (default 7200).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
cd "$ROOT"

if [[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

build=1 start=1 append=1
args=()
while (($#)); do
  case "$1" in
    --no-build) build=0 ;;
    --no-start) start=0 ;;
    --no-append) append=0 ;;
    -h|--help)
      sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      if [[ -f "$BENCH/target/rhythm-bench.jar" ]]; then echo; "$JAVA" -jar "$BENCH/target/rhythm-bench.jar" --help; fi
      exit 0 ;;
    *) args+=("$1") ;;
  esac
  shift
done

say() { printf '[bench] %s\n' "$*"; }

# Addresses of env "up" (the same variables ./rhythm reads); the harness insists on loopback.
GATEWAY_PORT="${RHYTHM_GATEWAY_PORT:-8080}"
KAFKA_PORT="${RHYTHM_KAFKA_PORT:-19092}"
KC_PORT="${RHYTHM_KEYCLOAK_PORT:-18080}"
PG_PORT="${RHYTHM_PG_PORT:-15432}"

env_ready() {
  curl -fsS -m 5 -o /dev/null "http://127.0.0.1:$GATEWAY_PORT/q/health/ready" 2>/dev/null \
    && curl -fsS -m 5 -o /dev/null "http://127.0.0.1:$KC_PORT/realms/rhythm" 2>/dev/null \
    && (exec 3<>"/dev/tcp/127.0.0.1/$KAFKA_PORT") 2>/dev/null
}

started_env="no"
if env_ready; then
  say "environment 'up' is running (gateway :$GATEWAY_PORT, Kafka :$KAFKA_PORT, Keycloak :$KC_PORT)"
elif ((start)); then
  say "environment 'up' is NOT running: starting it with ./rhythm up --no-demo (it keeps running afterwards; ./rhythm down stops it)"
  ./rhythm up --no-demo
  env_ready || { say "environment still not ready after ./rhythm up"; exit 1; }
  started_env="yes (./rhythm up --no-demo, by this script)"
else
  say "environment 'up' is not running and --no-start was given"; exit 1
fi

if ((build)); then
  say "building bench (./mvnw -Pbench -pl bench -am package)"
  ./mvnw -B -q -Pbench -pl bench -am package -DskipTests
fi
[[ -f "$BENCH/target/rhythm-bench.jar" ]] || { say "bench/target/rhythm-bench.jar missing (run without --no-build)"; exit 1; }

section="$(mktemp "${TMPDIR:-/tmp}/rhythm-bench-section.XXXXXX")"
trap 'rm -f "$section" "$section.full"' EXIT

# The recompute seeds its portfolio in health-service's database: env up's generated password
if [[ -z "${RHYTHM_DB_PASSWORD:-}" && -f "$ROOT/.rhythm/up/secrets.env" ]]; then
  RHYTHM_DB_PASSWORD="$(sed -n 's/^RHYTHM_DB_PASSWORD=//p' "$ROOT/.rhythm/up/secrets.env")"
fi
export RHYTHM_DB_PASSWORD

started_at="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
say "running the harness: ${args[*]:-(defaults)}"
set +e
timeout --signal=TERM --kill-after=30 "${RHYTHM_BENCH_TIMEOUT:-7200}" \
  "$JAVA" -Xms512m -Xmx2g -XX:+UseParallelGC -jar "$BENCH/target/rhythm-bench.jar" \
    --bootstrap "127.0.0.1:$KAFKA_PORT" --gateway "http://127.0.0.1:$GATEWAY_PORT" \
    --token-url "http://127.0.0.1:$KC_PORT/realms/rhythm/protocol/openid-connect/token" \
    --health-db "jdbc:postgresql://127.0.0.1:$PG_PORT/health" \
    "${args[@]}" --report "$section"
rc=$?
set -e
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
if [[ ! -s "$section" ]]; then
  say "the harness wrote no results (exit status $rc)"; exit "${rc/#0/1}"
fi

kafka_version="$(ls -d "$ROOT"/.rhythm/tools/kafka-* 2>/dev/null | sed 's/.*kafka-//' | sort -V | tail -1)"
keycloak_version="$(ls -d "$ROOT"/.rhythm/tools/keycloak-* 2>/dev/null | sed 's/.*keycloak-//' | sort -V | tail -1)"
quarkus_version="$(sed -n 's:.*<quarkus.platform.version>\(.*\)</quarkus.platform.version>.*:\1:p' "$ROOT/pom.xml" | head -1)"
head="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
dirty="$(git -C "$ROOT" status --porcelain -- . ':!bench' 2>/dev/null | wc -l)"
health_jar="$ROOT/.rhythm/up/apps/health/app/health-service-0.1.0-SNAPSHOT.jar" # the copy the running service started from
health_built="$( [[ -f "$health_jar" ]] && date -u -r "$health_jar" +%Y-%m-%dT%H:%M:%SZ || echo '?')"
cpu_model="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"

{
  printf '\n## %s — health ingest benchmark (`bench/run-health.sh %s`)\n\n' "$started_at" "${args[*]:-}"
  printf 'Exit status %s. Started the environment: %s.\n\n' "$rc" "$started_env"
  printf '**Machine:** `nproc` = %s (%s); `free -g`:\n\n```\n%s\n```\n' "$(nproc)" "${cpu_model:-?}" "$(free -g)"
  printf 'Kernel %s. Load average %s before, %s after. **The machine is shared**: other engineers build and run tests on it at the same time, and Kafka, PostgreSQL, Keycloak, the six services and the bench all share its cores, so the figures are noisy; the ratio uses a baseline measured in the same run.\n\n' \
    "$(uname -r)" "$load_before" "$load_after"
  printf '**Versions:** %s; Kafka broker %s (KRaft, one node); Keycloak %s; Quarkus %s; PostgreSQL %s; repo at %s (%s changed files outside bench/ in the working tree); health-service jar built %s.\n\n' \
    "$("$JAVA" -version 2>&1 | head -1)" "${kafka_version:-?}" "${keycloak_version:-?}" "${quarkus_version:-?}" \
    "$( (ls -d /usr/lib/postgresql/*/ 2>/dev/null | sort -V | tail -1 | xargs basename) || echo '?')" "$head" "$dirty" "$health_built"
  cat "$section"
} > "$section.full"

if ((append)); then
  if [[ ! -f "$BENCH/RESULTS.md" ]]; then
    printf '# Benchmark results\n\nAppended by `bench/run-health.sh` (see bench/README.md); newest last.\n' > "$BENCH/RESULTS.md"
  fi
  cat "$section.full" >> "$BENCH/RESULTS.md"
  say "appended to bench/RESULTS.md"
else
  cat "$section.full"
fi
rm -f "$section.full"
exit "$rc"
