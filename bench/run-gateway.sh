#!/usr/bin/env bash
# Gateway overhead benchmark (issue 15): the same authenticated GET (health-service's
# /api/v1/clients?limit=1, token checked by the gateway and by the service) three ways, all in one run:
#   direct   → health-service
#   nginx    → health-service  (nginx from the Debian archive as a plain reverse proxy, keep-alive upstream)
#   gateway  → health-service  (this repository's gateway jar: token check, rate limit, audit hook, headers)
# Load: wrk (Debian package) on loopback. Per target: 5 s warm-up, a latency run with one connection
# (p50, p99: what one caller waits) and a throughput run with 16 connections. Appends a dated
# section to bench/RESULTS.md with the added p50 over direct (target ≤ 1 ms) and the gateway's
# throughput over nginx's (target ≥ 0.8×).
#
#   bench/run-gateway.sh                      (default: 10 s latency, 15 s throughput per target)
#   bench/run-gateway.sh --seconds 5 --no-append
#
# It starts health-service and the gateway from their jars (build them first:
#   ./mvnw -B -q package -DskipTests -pl health-service,gateway -am)
# and nginx, each on its own loopback port, against an already running PostgreSQL / Kafka / Keycloak
# (default: the test infrastructure of ./rhythm test, ports 25432 / 29092 / 28080; override with
# RHYTHM_BENCH_PG_PORT, RHYTHM_BENCH_KAFKA_PORT, RHYTHM_BENCH_KEYCLOAK_PORT, RHYTHM_BENCH_DB_PASSWORD),
# and stops all three by PID at the end. health-service uses the database "health" and the gateway
# "gateway" of that PostgreSQL: nothing else may reset them meanwhile. Bounded by RHYTHM_BENCH_TIMEOUT
# seconds (default 600). Needs: wrk, nginx (apt-get install -y wrk nginx-light), curl.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

seconds=10 tput_seconds=15 append=1
while (($#)); do
  case "$1" in
    --seconds) seconds=$2; tput_seconds=$2; shift ;;
    --no-append) append=0 ;;
    -h|--help) sed -n '2,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

PG_PORT="${RHYTHM_BENCH_PG_PORT:-25432}"
KAFKA_PORT="${RHYTHM_BENCH_KAFKA_PORT:-29092}"
KC_PORT="${RHYTHM_BENCH_KEYCLOAK_PORT:-28080}"
DB_PASSWORD="${RHYTHM_BENCH_DB_PASSWORD:-rhythm-test}"
HEALTH_PORT=28391 GATEWAY_PORT=28390 NGINX_PORT=28392
PATH_UNDER_TEST="/api/v1/clients?limit=1"
WORK="$ROOT/bench/target/gateway-bench"
mkdir -p "$WORK"
say() { printf '[bench] %s\n' "$*"; }
for tool in wrk nginx curl; do command -v "$tool" >/dev/null || { echo "$tool missing: apt-get install -y wrk nginx-light curl" >&2; exit 2; }; done
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
trap cleanup EXIT
( sleep "${RHYTHM_BENCH_TIMEOUT:-600}"; echo "[bench] time bound reached" >&2; kill -TERM $$ ) & pids+=($!)

common_env=(RHYTHM_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT" RHYTHM_DB_PASSWORD="$DB_PASSWORD"
  RHYTHM_KAFKA_BOOTSTRAP="127.0.0.1:$KAFKA_PORT" RHYTHM_KEYCLOAK_URL="http://127.0.0.1:$KC_PORT"
  QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_LOG_CONSOLE_JSON_ENABLED=false)
say "starting health-service on $HEALTH_PORT"
env "${common_env[@]}" QUARKUS_HTTP_PORT=$HEALTH_PORT "$JAVA" -jar "$WORK/health-service/quarkus-run.jar" \
  >"$WORK/health-service.log" 2>&1 & pids+=($!)
say "starting the gateway on $GATEWAY_PORT (rate limit on, raised above the load)"
env "${common_env[@]}" QUARKUS_HTTP_PORT=$GATEWAY_PORT RHYTHM_SERVICES_HEALTH_URL="http://127.0.0.1:$HEALTH_PORT" \
  RHYTHM_GATEWAY_RATE_LIMIT_PEOPLE_LIMIT=1000000000 \
  "$JAVA" -jar "$WORK/gateway/quarkus-run.jar" >"$WORK/gateway.log" 2>&1 & pids+=($!)
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

wait_ready() {
  for _ in $(seq 1 240); do curl -fsS -m 2 -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.5; done
  echo "$1 not ready in 120 s; see $WORK" >&2; exit 1
}
wait_ready "http://127.0.0.1:$HEALTH_PORT/q/health/ready"
wait_ready "http://127.0.0.1:$GATEWAY_PORT/q/health/live"

token=$(curl -fsS -m 20 -d grant_type=password -d client_id=rhythm-frontend -d username=avp -d password=rhythm \
  "http://127.0.0.1:$KC_PORT/realms/rhythm/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
for port in $HEALTH_PORT $NGINX_PORT $GATEWAY_PORT; do
  status=$(curl -sS -m 10 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://127.0.0.1:$port$PATH_UNDER_TEST")
  [[ "$status" == 200 ]] || { echo "GET on port $port answered $status" >&2; exit 1; }
done

# wrk_run <port> <connections> <seconds> → "p50_ms p99_ms req_per_s errors"
wrk_run() {
  local out
  out=$(wrk -t "$([[ $2 -gt 1 ]] && echo 2 || echo 1)" -c "$2" -d "${3}s" --latency \
    -H "Authorization: Bearer $token" "http://127.0.0.1:$1$PATH_UNDER_TEST")
  echo "$out" >>"$WORK/wrk.log"
  local p50 p99 rps errors
  p50=$(echo "$out" | awk '$1=="50%"{print $2}')
  p99=$(echo "$out" | awk '$1=="99%"{print $2}')
  rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
  errors=$(echo "$out" | awk '/Non-2xx/{print $5}')
  echo "$(to_ms "$p50") $(to_ms "$p99") $rps ${errors:-0}"
}
to_ms() { awk -v v="$1" 'BEGIN{ if (v ~ /us$/) {sub(/us/,"",v); print v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v); print v+0} else if (v ~ /s$/) {sub(/s/,"",v); print v*1000} else print v }'; }

: >"$WORK/wrk.log"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A lat tput
for target in direct:$HEALTH_PORT nginx:$NGINX_PORT gateway:$GATEWAY_PORT; do
  name=${target%%:*} port=${target##*:}
  say "$name: warm-up 5 s"
  wrk_run "$port" 16 5 >/dev/null
  say "$name: latency, 1 connection, ${seconds} s"
  lat[$name]=$(wrk_run "$port" 1 "$seconds")
  say "$name: throughput, 16 connections, ${tput_seconds} s"
  tput[$name]=$(wrk_run "$port" 16 "$tput_seconds")
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

field() { echo "$1" | cut -d' ' -f"$2"; }
added_gw=$(awk -v a="$(field "${lat[gateway]}" 1)" -v b="$(field "${lat[direct]}" 1)" 'BEGIN{printf "%.3f", a-b}')
added_ng=$(awk -v a="$(field "${lat[nginx]}" 1)" -v b="$(field "${lat[direct]}" 1)" 'BEGIN{printf "%.3f", a-b}')
ratio=$(awk -v a="$(field "${tput[gateway]}" 3)" -v b="$(field "${tput[nginx]}" 3)" 'BEGIN{printf "%.2f", a/b}')
verdict_p50=$(awk -v a="$added_gw" 'BEGIN{print (a<=1.0) ? "met" : "NOT met"}')
verdict_tput=$(awk -v r="$ratio" 'BEGIN{print (r>=0.8) ? "met" : "NOT met"}')

section="$WORK/section.md"
{
  printf '\n## %s — gateway overhead (`bench/run-gateway.sh`)\n\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  printf '**Machine:** `nproc` = %s; load average %s before, %s after. **Shared machine**: other engineers build and run tests on it meanwhile, and wrk, nginx, the gateway, health-service, PostgreSQL and Keycloak share its 2 cores, so the figures are noisy; the comparisons are within this run.\n\n' "$(nproc)" "$load_before" "$load_after"
  printf '**Versions:** %s; %s; %s; repo at %s.\n\n' "$("$JAVA" -version 2>&1 | head -1)" "$(nginx -v 2>&1 | sed 's/nginx version: //')" "$(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)" "$(git rev-parse --short HEAD)"
  printf 'GET `%s` as `avp` (token checked by the proxy where it does, always by health-service). Per target: 5 s warm-up (16 connections), then latency with 1 connection for %s s, throughput with 16 connections (2 wrk threads) for %s s; targets one after the other. nginx: `worker_processes auto`, keep-alive upstream, access log off. Gateway: its own jar, rate limit on (raised above the load), audit hook and security headers on.\n\n' "$PATH_UNDER_TEST" "$seconds" "$tput_seconds"
  printf '| target | p50 ms (1 conn) | p99 ms (1 conn) | req/s (16 conn) | p50 ms (16 conn) | non-2xx |\n|---|---|---|---|---|---|\n'
  for name in direct nginx gateway; do
    printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$(field "${lat[$name]}" 1)" "$(field "${lat[$name]}" 2)" \
      "$(field "${tput[$name]}" 3)" "$(field "${tput[$name]}" 1)" "$(( $(field "${lat[$name]}" 4) + $(field "${tput[$name]}" 4) ))"
  done
  printf '\n- **Added p50 over direct: gateway %s ms, nginx %s ms** (target ≤ 1 ms: %s)\n' "$added_gw" "$added_ng" "$verdict_p50"
  printf -- '- **Throughput gateway ÷ nginx: %s×** (target ≥ 0.8×: %s)\n' "$ratio" "$verdict_tput"
} >"$section"
cat "$section"
if ((append)); then
  cat "$section" >>"$ROOT/bench/RESULTS.md"
  say "appended to bench/RESULTS.md"
fi
