#!/usr/bin/env bash
# Gateway overhead benchmark (issue 15): the same authenticated GET (health-service's
# /api/v1/clients?limit=1, token checked by the gateway and by the service) three ways, all in one run:
#   direct   → health-service
#   nginx    → health-service  (nginx from the Debian archive as a plain reverse proxy, keep-alive upstream)
#   gateway  → health-service  (this repository's gateway jar: token check, rate limit, audit hook, headers)
# Load: wrk (Debian package) on loopback, the same settings for every target. Every target is warmed up twice
# round, then measured in --rounds (5) interleaved rounds: each round runs all three back to back, in an order rotated
# every round — a latency run with one connection (p50, p99: what one caller waits) and a throughput run with 16
# keep-alive connections (2 wrk threads). The verdicts are medians of per-round figures (on a shared machine the CPU
# left to the bench changes minute to minute; targets measured one after the other were not comparable). Appends a
# dated section to bench/RESULTS.md with the added p50 over direct (target ≤ 1 ms), the gateway's throughput over
# nginx's (target ≥ 0.8×), nginx ÷ direct as a sanity check, and the peak RSS / CPU of the gateway and
# health-service under the gateway's last throughput run (bench/resources.sh).
#
#   bench/run-gateway.sh                      (default: 5 rounds of 5 s latency + 5 s throughput per target)
#   bench/run-gateway.sh --rounds 7 --seconds 8
#   bench/run-gateway.sh --seconds 5 --warmup 5 --no-append     (--warmup: seconds per target and round, default 10)
#   bench/run-gateway.sh --jfr                 also record the gateway with JFR (profile settings) from its first
#                                              measured run to the end and print its hottest frames (bench/target/gateway-bench/)
#   bench/run-gateway.sh --phases overhead,views   also the composed views on the demo portfolio (below)
#
# Phase "views" (targets: Client 360 p99 < 150 ms, Command Centre p99 < 300 ms on the demo portfolio) needs an
# environment with all five services and the demo data, NOT env up's ports: start one from this checkout with
# every port moved (README "Gateway overhead"; RHYTHM_HOME=$PWD/.rhythm ... ./rhythm up). The phase starts a
# gateway of this checkout on :28393 in front of that environment's services (ports 28232-28236, Keycloak 38080:
# RHYTHM_BENCH_VIEWS_SERVICE_PORTS, RHYTHM_BENCH_VIEWS_KEYCLOAK), its rate limit raised above the load, and
# measures GET /api/v1/clients/{id}/360 (rotating over the first 20 demo clients) and GET /api/v1/command-centre
# as avp: 1 connection (p50/p99 of one caller), then 4 connections, each after a warm-up; every run's first
# answer must be 200 with an empty "degraded" list (a degraded view is fast but incomplete).
#
# It installs what it needs from the Debian archive when missing (as root: apt-get install -y wrk nginx-light
# curl), starts health-service and the gateway from their jars (build them first:
#   ./mvnw -B -q package -DskipTests -pl health-service,gateway -am)
# and nginx, each on its own loopback port (28390-28392), against an already running PostgreSQL / Kafka / Keycloak
# (default: the shared test infrastructure, ports 25432 / 29092 / 28080; override with RHYTHM_BENCH_PG_PORT,
# RHYTHM_BENCH_PG_SOCKET, RHYTHM_BENCH_KAFKA_PORT, RHYTHM_BENCH_KEYCLOAK_PORT, RHYTHM_BENCH_DB_PASSWORD), and stops
# those three by PID at the end. Databases of its own, created through the PostgreSQL superuser socket when
# missing: health_bench and gateway_bench (roles of the same names), so no test run resets them under it;
# health-service's Kafka consumer group is its own (rhythm-gateway-bench-<time>, from the topics' end).
# Bounded by RHYTHM_BENCH_TIMEOUT seconds (default 900).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

seconds=5 tput_seconds=5 warmup=10 rounds=5 append=1 jfr=0 phases=overhead
args_text="${*:+ $*}"
while (($#)); do
  case "$1" in
    --seconds) seconds=$2; tput_seconds=$2; shift ;;
    --no-append) append=0 ;;
    --jfr) jfr=1 ;;
    --warmup) warmup=$2; shift ;;
    --rounds) rounds=$2; shift ;;
    --phases) phases=$2; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

PG_PORT="${RHYTHM_BENCH_PG_PORT:-25432}"
KAFKA_PORT="${RHYTHM_BENCH_KAFKA_PORT:-29092}"
KC_PORT="${RHYTHM_BENCH_KEYCLOAK_PORT:-28080}"
PG_SOCKET="${RHYTHM_BENCH_PG_SOCKET:-/work/main/.rhythm/test/postgres/sock}"
DB_PASSWORD="${RHYTHM_BENCH_DB_PASSWORD:-rhythm-bench}"
HEALTH_PORT=28391 GATEWAY_PORT=28390 NGINX_PORT=28392
PATH_UNDER_TEST="/api/v1/clients?limit=1"
WORK="$ROOT/bench/target/gateway-bench"
mkdir -p "$WORK"
say() { printf '[bench] %s\n' "$*"; }
# The load generator and the baseline proxy come from the Debian archive.
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx-light)
command -v curl >/dev/null || missing+=(curl)
if ((${#missing[@]})); then
  ((EUID == 0)) || { echo "missing ${missing[*]}: run as root or apt-get install -y ${missing[*]}" >&2; exit 2; }
  say "installing from the Debian archive: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null; }
  # nginx-light's package starts a system nginx on port 80; this bench runs its own
  command -v systemctl >/dev/null && systemctl disable --now nginx >/dev/null 2>&1 || true
fi
export PATH="$PATH:/usr/sbin"
source "$ROOT/bench/resources.sh"

# The bench's own databases and roles (created once; health-service and the gateway migrate them with Flyway).
if [[ -S "$PG_SOCKET/.s.PGSQL.$PG_PORT" ]]; then
  psql_bin="$(ls -d /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -1)"
  for db in health_bench gateway_bench; do
    runuser -u postgres -- "$psql_bin" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET" -p "$PG_PORT" -U postgres -d postgres \
      -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$db') THEN CREATE ROLE $db LOGIN PASSWORD '$DB_PASSWORD'; END IF; END \$\$" >/dev/null
    if [[ -z "$(runuser -u postgres -- "$psql_bin" -X -tA -h "$PG_SOCKET" -p "$PG_PORT" -U postgres -d postgres -c "select 1 from pg_database where datname = '$db'")" ]]; then
      say "creating database $db on :$PG_PORT"
      runuser -u postgres -- "$psql_bin" -X -q -h "$PG_SOCKET" -p "$PG_PORT" -U postgres -d postgres -c "CREATE DATABASE $db OWNER $db" >/dev/null
    fi
  done
else
  say "no PostgreSQL socket at $PG_SOCKET: expecting databases health_bench and gateway_bench (owners of the same names, password RHYTHM_BENCH_DB_PASSWORD) on :$PG_PORT"
fi
for jar in health-service gateway; do
  [[ -f "$jar/target/quarkus-app/quarkus-run.jar" ]] || { echo "$jar/target/quarkus-app/quarkus-run.jar missing: build it first" >&2; exit 2; }
done

# run copies, so that a rebuild meanwhile does not pull the jars from under the running JVMs
for jar in health-service gateway; do rm -rf "$WORK/$jar"; cp -r "$jar/target/quarkus-app" "$WORK/$jar"; done

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  done
}
# the watchdog's sleep holds the caller's descriptors (e.g. flock's bench.lock): the watchdog ends it when it is
# itself ended, or the sleep would keep the lock for the rest of its time after this script has finished
( trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM
  sleep "${RHYTHM_BENCH_TIMEOUT:-900}" & sleeper=$!; wait "$sleeper"
  echo "[bench] time bound reached" >&2; kill -TERM $$ ) &
watchdog=$!
trap 'cleanup; kill "$watchdog" 2>/dev/null || true' EXIT

common_env=(RHYTHM_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT" RHYTHM_DB_PASSWORD="$DB_PASSWORD"
  RHYTHM_KAFKA_BOOTSTRAP="127.0.0.1:$KAFKA_PORT" RHYTHM_KEYCLOAK_URL="http://127.0.0.1:$KC_PORT"
  QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_LOG_CONSOLE_JSON_ENABLED=false)
gateway_jvm=(-Xmx512m -Dquarkus.datasource.jdbc.acquisition-timeout=30S)
gateway_db=(QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/gateway_bench" QUARKUS_DATASOURCE_USERNAME=gateway_bench
  RHYTHM_GATEWAY_RATE_LIMIT_PEOPLE_LIMIT=1000000000)
wait_ready() {
  for _ in $(seq 1 240); do curl -fsS -m 2 -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.5; done
  echo "$1 not ready in 120 s; see $WORK" >&2; exit 1
}
# avp_token <keycloak-url>
avp_token() {
  curl -fsS -m 20 -d grant_type=password -d client_id=rhythm-frontend -d username=avp -d password=rhythm \
    "$1/realms/rhythm/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
# wrk_url <url> <connections> <seconds> [lua script] → "p50_ms p99_ms req_per_s errors"
wrk_url() {
  local out
  out=$(wrk -t "$([[ $2 -gt 1 ]] && echo 2 || echo 1)" -c "$2" -d "${3}s" --latency ${4:+-s "$4"} \
    -H "Authorization: Bearer $token" "$1")
  echo "$out" >>"$WORK/wrk.log"
  local p50 p99 rps errors
  p50=$(echo "$out" | awk '$1=="50%"{print $2}')
  p99=$(echo "$out" | awk '$1=="99%"{print $2}')
  rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
  errors=$(echo "$out" | awk '/Non-2xx/{print $5}')
  echo "$(to_ms "$p50") $(to_ms "$p99") $rps ${errors:-0}"
}
wrk_run() { wrk_url "http://127.0.0.1:$1$PATH_UNDER_TEST" "${@:2}"; }
to_ms() { awk -v v="$1" 'BEGIN{ if (v ~ /us$/) {sub(/us/,"",v); print v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v); print v+0} else if (v ~ /s$/) {sub(/s/,"",v); print v*1000} else print v }'; }
field() { echo "$1" | cut -d' ' -f"$2"; }
: >"$WORK/wrk.log"
section="$WORK/section.md"
: >"$section"

if [[ ",$phases," == *,overhead,* ]]; then
say "starting health-service on $HEALTH_PORT (database health_bench)"
env "${common_env[@]}" QUARKUS_HTTP_PORT=$HEALTH_PORT RHYTHM_DB_NAME=health_bench \
  "$JAVA" -Xmx512m -Dquarkus.datasource.jdbc.acquisition-timeout=30S -Dmp.messaging.connector.smallrye-kafka.group.id="rhythm-gateway-bench-$(date -u +%Y%m%d%H%M%S)" \
  -Dmp.messaging.connector.smallrye-kafka.auto.offset.reset=latest -jar "$WORK/health-service/quarkus-run.jar" \
  >"$WORK/health-service.log" 2>&1 & pids+=($!)
health_pid=$!
say "starting the gateway on $GATEWAY_PORT (database gateway_bench; rate limit on, raised above the load)"
env "${common_env[@]}" QUARKUS_HTTP_PORT=$GATEWAY_PORT RHYTHM_SERVICES_HEALTH_URL="http://127.0.0.1:$HEALTH_PORT" \
  "${gateway_db[@]}" "$JAVA" "${gateway_jvm[@]}" -jar "$WORK/gateway/quarkus-run.jar" >"$WORK/gateway.log" 2>&1 & pids+=($!)
gateway_pid=$!
cat >"$WORK/nginx.conf" <<NGINX
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx-body;
  proxy_temp_path $WORK/nginx-proxy;
  upstream health { server 127.0.0.1:$HEALTH_PORT; keepalive 32; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://health;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
    }
  }
}
NGINX
say "starting nginx on $NGINX_PORT ($(nginx -v 2>&1))"
nginx -p "$WORK" -c "$WORK/nginx.conf" -g 'daemon off;' & pids+=($!)

wait_ready "http://127.0.0.1:$HEALTH_PORT/q/health/ready"
wait_ready "http://127.0.0.1:$GATEWAY_PORT/q/health/live"

token=$(avp_token "http://127.0.0.1:$KC_PORT")
for port in $HEALTH_PORT $NGINX_PORT $GATEWAY_PORT; do
  status=$(curl -sS -m 10 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://127.0.0.1:$port$PATH_UNDER_TEST")
  [[ "$status" == 200 ]] || { echo "GET on port $port answered $status" >&2; exit 1; }
done

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# Warm-up of every target before any measurement, twice round (the JITs of the gateway and of health-service need
# thousands of requests; a cold gateway measured after a warm health-service would be charged for its compilation).
for round in 1 2; do
  for target in direct:$HEALTH_PORT nginx:$NGINX_PORT gateway:$GATEWAY_PORT; do
    say "${target%%:*}: warm-up $warmup s (16 connections, round $round)"
    wrk_run "${target##*:}" 16 "$warmup" >/dev/null
  done
done
# Measured in interleaved rounds: on a shared machine the CPU left to the bench changes from one minute to the next,
# so targets measured one after the other were compared under different loads (one run had nginx at 3.3× the
# direct call it fronts). Each round measures all three back to back, in an order rotated every round; the verdicts
# are the medians of the per-round differences and ratios (each within one round), the table the per-target medians.
targets=(direct:$HEALTH_PORT nginx:$NGINX_PORT gateway:$GATEWAY_PORT)
declare -A lat tput
for ((round = 0; round < rounds; round++)); do
  for ((k = 0; k < 3; k++)); do
    target=${targets[$(((round + k) % 3))]}
    name=${target%%:*} port=${target##*:}
    if [[ $name == gateway && $round == 0 ]] && ((jfr)); then "${JAVA%java}jcmd" "$gateway_pid" JFR.start name=bench settings=profile >/dev/null; fi
    say "round $((round + 1))/$rounds $name: latency, 1 connection, ${seconds} s"
    lat[$name,$round]=$(wrk_run "$port" 1 "$seconds")
    say "round $((round + 1))/$rounds $name: throughput, 16 connections, ${tput_seconds} s"
    if [[ $name == gateway && $round == $((rounds - 1)) ]]; then resources_start gateway "$gateway_pid"; resources_start health-service "$health_pid"; fi
    tput[$name,$round]=$(wrk_run "$port" 16 "$tput_seconds")
    if [[ $name == gateway && $round == $((rounds - 1)) ]]; then res_rows="$(resources_stop gateway; resources_stop health-service)"; fi
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
if ((jfr)); then
  "${JAVA%java}jcmd" "$gateway_pid" JFR.stop name=bench filename="$WORK/gateway.jfr" >/dev/null
  # the hottest top frames and the hottest frames anywhere on the stack (of the gateway's own and Vert.x/Quarkus code)
  "${JAVA%java}jfr" print --events jdk.ExecutionSample "$WORK/gateway.jfr" >"$WORK/gateway-samples.txt"
  awk '/stackTrace = \[/{getline; sub(/^ +/,""); sub(/line:.*/,""); top[$0]++; n++} END{for (f in top) printf "%6d %5.1f%%  %s\n", top[f], 100*top[f]/n, f}' \
    "$WORK/gateway-samples.txt" | sort -rn | awk "NR <= 25" >"$WORK/gateway-top-frames.txt"
  awk '/stackTrace = \[/{inside=1; delete seen; n++; next} inside && /^ *\]/{inside=0; next}
       inside {f=$0; sub(/^ +/,"",f); sub(/line:.*/,"",f); sub(/\(.*$/,"",f); if (!(f in seen)) {seen[f]=1; any[f]++}}
       END{for (f in any) printf "%6d %5.1f%%  %s\n", any[f], 100*any[f]/n, f}' \
    "$WORK/gateway-samples.txt" | sort -rn | { grep -E 'io\.rhythm|oidc|jose4j|bucket4j|Signature|HttpClient|Logger|RoutingContext' || true; } | awk "NR <= 40" >"$WORK/gateway-inclusive.txt"
  say "JFR: $WORK/gateway.jfr; hottest top frames:"; cat "$WORK/gateway-top-frames.txt"
  say "inclusive (selected):"; cat "$WORK/gateway-inclusive.txt"
fi

# median of the numbers on stdin (one a line)
median() { sort -g | awk '{v[NR]=$1} END{if (NR==0) print "nan"; else if (NR%2) printf "%.3f\n", v[(NR+1)/2]; else printf "%.3f\n", (v[NR/2]+v[NR/2+1])/2}'; }
# per_round <expression over a b> <array> <field> <target a> <target b>: one value a line, one line a round
per_round() {
  local r; local -n arr=$2
  for ((r = 0; r < rounds; r++)); do
    awk -v a="$(field "${arr[$4,$r]}" "$3")" -v b="$(field "${arr[$5,$r]}" "$3")" "BEGIN{printf \"%.3f\n\", $1}"
  done
}
col() { local r; local -n arr=$1; for ((r = 0; r < rounds; r++)); do field "${arr[$2,$r]}" "$3"; done; }
added_gw=$(per_round 'a-b' lat 1 gateway direct | median)
added_ng=$(per_round 'a-b' lat 1 nginx direct | median)
ratio=$(per_round 'a/b' tput 3 gateway nginx | median)
ratios_gw=$(per_round 'a/b' tput 3 gateway nginx | paste -sd' ')
ratios_ng=$(per_round 'a/b' tput 3 nginx direct | paste -sd' ')
ratio_ng=$(per_round 'a/b' tput 3 nginx direct | median)
added_rounds=$(per_round 'a-b' lat 1 gateway direct | paste -sd' ')
verdict_p50=$(awk -v a="$added_gw" 'BEGIN{print (a<=1.0) ? "met" : "NOT met"}')
verdict_tput=$(awk -v r="$ratio" 'BEGIN{print (r>=0.8) ? "met" : "NOT met"}')

{
  printf '\n## %s — gateway overhead (`bench/run-gateway.sh%s`)\n\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$args_text"
  printf '**Machine:** `nproc` = %s; load average %s before, %s after. **Shared machine**: other engineers build and run tests on it meanwhile, and wrk, nginx, the gateway, health-service, PostgreSQL and Keycloak share its 2 cores, so the figures are noisy; the comparisons are within each round.\n\n' "$(nproc)" "$load_before" "$load_after"
  printf '**Versions:** %s; %s; %s; repo at %s.\n\n' "$("$JAVA" -version 2>&1 | head -1)" "$(nginx -v 2>&1 | sed 's/nginx version: //')" "$(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)" "$(git rev-parse --short HEAD)"
  printf 'GET `%s` as `avp` (token checked by the proxy where it does, always by health-service). Every target warmed up twice round first (%s s each, 16 connections). Then %s interleaved rounds, each measuring all three targets back to back in an order rotated every round: latency with 1 connection (1 wrk thread) for %s s, throughput with 16 keep-alive connections (2 wrk threads, one per core) for %s s — the same wrk settings for every target. nginx: `worker_processes auto` (2 workers), keep-alive upstream (32 idle connections), access log off. Gateway: its own jar, rate limit on (raised above the load), audit hook, security headers and the verified-token cache on. The table gives per-target medians over the rounds; the verdicts are medians of the per-round differences and ratios.%s\n\n' "$PATH_UNDER_TEST" "$warmup" "$rounds" "$seconds" "$tput_seconds" "$( ((jfr)) && echo ' JFR (profile settings) recorded the gateway throughout the measured rounds (a few % of its CPU).')"
  printf '| target | p50 ms (1 conn) | p99 ms (1 conn) | req/s (16 conn) | p50 ms (16 conn) | non-2xx |\n|---|---|---|---|---|---|\n'
  for name in direct nginx gateway; do
    errors=0; for ((r = 0; r < rounds; r++)); do errors=$((errors + $(field "${lat[$name,$r]}" 4) + $(field "${tput[$name,$r]}" 4))); done
    printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$(col lat "$name" 1 | median)" "$(col lat "$name" 2 | median)" \
      "$(col tput "$name" 3 | median)" "$(col tput "$name" 1 | median)" "$errors"
  done
  printf '\nPer round (in the order run): added p50 gateway − direct (ms) %s; throughput gateway ÷ nginx %s; nginx ÷ direct %s.\n' "$added_rounds" "$ratios_gw" "$ratios_ng"
  printf '\n- **Added p50 over direct (median of rounds): gateway %s ms, nginx %s ms** (target ≤ 1 ms: %s)\n' "$added_gw" "$added_ng" "$verdict_p50"
  printf -- '- **Throughput gateway ÷ nginx (median of rounds): %s×** (target ≥ 0.8×: %s); nginx ÷ direct %s× (a proxy cannot beat what it fronts by much: far above 1 means the rounds were not comparable)\n' "$ratio" "$verdict_tput" "$ratio_ng"
  printf '\nResources during the gateway throughput run of the last round (16 connections, %s s; `bench/resources.sh`):\n\n' "$tput_seconds"
  resources_header
  echo "$res_rows"
} >>"$section"
cleanup; pids=()
fi

if [[ ",$phases," == *,views,* ]]; then
  VIEWS_PORT=28393
  VIEWS_KC="${RHYTHM_BENCH_VIEWS_KEYCLOAK:-http://127.0.0.1:38080}"
  read -r -a vports <<<"${RHYTHM_BENCH_VIEWS_SERVICE_PORTS:-28232 28233 28234 28235 28236}"
  services=(health nps segmentation planning calendar)
  svc_env=()
  for i in "${!services[@]}"; do
    curl -fsS -m 5 -o /dev/null "http://127.0.0.1:${vports[$i]}/q/health/ready" \
      || { echo "${services[$i]}-service not ready on :${vports[$i]}: start the environment first (README \"Gateway overhead\")" >&2; exit 1; }
    svc_env+=("RHYTHM_SERVICES_$(tr a-z A-Z <<<"${services[$i]}")_URL=http://127.0.0.1:${vports[$i]}")
  done
  say "views: starting a gateway of this checkout on $VIEWS_PORT in front of the services on ${vports[*]} (Keycloak $VIEWS_KC)"
  env "${common_env[@]}" RHYTHM_KEYCLOAK_URL="$VIEWS_KC" QUARKUS_HTTP_PORT=$VIEWS_PORT "${svc_env[@]}" "${gateway_db[@]}" \
    "$JAVA" "${gateway_jvm[@]}" -jar "$WORK/gateway/quarkus-run.jar" >"$WORK/gateway-views.log" 2>&1 & pids+=($!)
  views_gateway_pid=$!
  wait_ready "http://127.0.0.1:$VIEWS_PORT/q/health/live"
  token=$(avp_token "$VIEWS_KC")
  ids=$(curl -fsS -m 30 -H "Authorization: Bearer $token" "http://127.0.0.1:$VIEWS_PORT/api/v1/clients?limit=20" \
    | grep -oE '"id":"[0-9a-f-]{36}"' | cut -d'"' -f4 | awk '!seen[$0]++' | head -20)
  [[ -n "$ids" ]] || { echo "no clients in the environment: load the demo first" >&2; exit 1; }
  {
    printf 'paths = {'; for id in $ids; do printf '"/api/v1/clients/%s/360",' "$id"; done; printf '}\n'
    printf 'n = 0\nrequest = function()\n  n = n + 1\n  return wrk.format("GET", paths[(n %% #paths) + 1])\nend\n'
  } >"$WORK/client360.lua"
  view_seconds=$((seconds > 10 ? seconds : 10))
  declare -A vlat vconc vdeg
  views_load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  res_views=""
  for view in client360 command-centre; do
    if [[ $view == client360 ]]; then url="http://127.0.0.1:$VIEWS_PORT/api/v1/clients/$(head -1 <<<"$ids")/360" lua="$WORK/client360.lua"
    else url="http://127.0.0.1:$VIEWS_PORT/api/v1/command-centre" lua=""; fi
    token=$(avp_token "$VIEWS_KC")
    first=$(curl -sS -m 30 -w '\n%{http_code}' -H "Authorization: Bearer $token" "$url")
    echo "$first" >"$WORK/$view-first.json"
    status=$(tail -1 <<<"$first")
    vdeg[$view]=$(head -n -1 <<<"$first" | grep -oE '"degraded":\[[^]]*\]' | head -1)
    [[ $status == 200 ]] || { echo "$view answered $status; see $WORK/$view-first.json" >&2; exit 1; }
    say "views: $view warm-up 5 s"
    wrk_url "$url" 2 5 "$lua" >/dev/null
    say "views: $view, 1 connection, ${view_seconds} s"
    vlat[$view]=$(wrk_url "$url" 1 "$view_seconds" "$lua")
    say "views: $view, 4 connections, ${view_seconds} s"
    resources_start "gateway ($view)" "$views_gateway_pid"
    for i in "${!services[@]}"; do
      spid=$(ss -Hltnp "sport = :${vports[$i]}" 2>/dev/null | grep -oE 'pid=[0-9]+' | head -1 | cut -d= -f2)
      [[ -n "$spid" ]] && resources_start "${services[$i]}-service ($view)" "$spid"
    done
    vconc[$view]=$(wrk_url "$url" 4 "$view_seconds" "$lua")
    res_views+="$(resources_stop "gateway ($view)")"$'\n'
    for i in "${!services[@]}"; do
      [[ -n "${_RES_OUT[${services[$i]}-service ($view)]:-}" ]] && res_views+="$(resources_stop "${services[$i]}-service ($view)")"$'\n'
    done
  done
  views_load_after=$(cut -d' ' -f1-3 /proc/loadavg)
  v360=$(field "${vlat[client360]}" 2) vcc=$(field "${vlat[command-centre]}" 2)
  {
    printf '\n## %s — composed views on the demo portfolio (`bench/run-gateway.sh --phases %s`)\n\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$phases"
    printf '**Machine:** `nproc` = %s; load average %s before, %s after (shared machine: noisy). Repo at %s. A gateway of this checkout on :%s in front of the five services of an environment started from this checkout with moved ports (services %s, Keycloak %s) holding the demo portfolio (`deploy/demo/load-demo.sh`). As `avp` (the whole portfolio). Client 360 rotates over %s clients. Per view: 5 s warm-up (2 connections), then %s s with 1 connection and %s s with 4 connections (2 wrk threads).\n\n' \
      "$(nproc)" "$views_load_before" "$views_load_after" "$(git rev-parse --short HEAD)" "$VIEWS_PORT" "${vports[*]}" "$VIEWS_KC" "$(wc -l <<<"$ids")" "$view_seconds" "$view_seconds"
    printf '| view | p50 ms (1 conn) | p99 ms (1 conn) | req/s (1 conn) | p50 ms (4 conn) | p99 ms (4 conn) | req/s (4 conn) | non-2xx | first answer |\n|---|---|---|---|---|---|---|---|---|\n'
    for view in client360 command-centre; do
      printf '| %s | %s | %s | %s | %s | %s | %s | %s | 200, `%s` |\n' "$view" "$(field "${vlat[$view]}" 1)" "$(field "${vlat[$view]}" 2)" "$(field "${vlat[$view]}" 3)" \
        "$(field "${vconc[$view]}" 1)" "$(field "${vconc[$view]}" 2)" "$(field "${vconc[$view]}" 3)" \
        "$(( $(field "${vlat[$view]}" 4) + $(field "${vconc[$view]}" 4) ))" "${vdeg[$view]:-no degraded list}"
    done
    printf '\n- **Client 360 p99 (1 conn): %s ms** (target < 150 ms: %s)\n' "$v360" "$(awk -v a="$v360" 'BEGIN{print (a<150) ? "met" : "NOT met"}')"
    printf -- '- **Command Centre p99 (1 conn): %s ms** (target < 300 ms: %s)\n' "$vcc" "$(awk -v a="$vcc" 'BEGIN{print (a<300) ? "met" : "NOT met"}')"
    printf '\nResources during the 4-connection runs (`bench/resources.sh`):\n\n'
    resources_header
    printf '%s' "$res_views"
  } >>"$section"
fi

cat "$section"
if ((append)); then
  cat "$section" >>"$ROOT/bench/RESULTS.md"
  say "appended to bench/RESULTS.md"
fi
