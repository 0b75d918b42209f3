# shellcheck shell=bash disable=SC2034
# The Rhythm Quarkus services (fast-jar packaging). Each runs from a copy of its build output taken
# when it starts ($ENV_DIR/apps/<name>), so a later build (./rhythm up again, ./mvnw package) never
# changes the jars under a running service.

service_build() { printf '%s/%s/target/quarkus-app' "$RHYTHM_ROOT" "${RHYTHM_MODULE[$1]}"; }
service_jar() { printf '%s/apps/%s/quarkus-run.jar' "$ENV_DIR" "$1"; }
service_pidfile() { printf '%s/%s.pid' "$RUN_DIR" "$1"; }
service_log() { printf '%s/%s.log' "$LOG_DIR" "$1"; }
service_url() { printf 'http://127.0.0.1:%s' "${SERVICE_PORT[$1]}"; }

service_running() {
  local pid
  pid=$(read_pid "$(service_pidfile "$1")")
  [[ -n "$pid" ]] && pid_alive "$pid" "$(service_jar "$1")"
}

service_ready() { [[ "$(http_status "$(service_url "$1")/q/health/ready")" == 200 ]]; }

services_build() {
  step_begin
  [[ -x "$RHYTHM_ROOT/mvnw" ]] || die "build: ./mvnw not found at $RHYTHM_ROOT (use --no-build to skip the build)"
  local log="$LOG_DIR/build.log"
  if ! (cd "$RHYTHM_ROOT" && JAVA_HOME="$JAVA_HOME" ./mvnw -B -q package -DskipTests </dev/null >"$log" 2>&1); then
    step_fail build "./mvnw -B -q package -DskipTests failed (full log: $log)"
    show_log_tail "$log" 60
    exit 1
  fi
  step_ok build "./mvnw -B -q package -DskipTests"
}

# service_start <name>: starts it if not running; does not wait.
service_start() {
  local name="$1" jar pidfile log port
  jar=$(service_jar "$name")
  pidfile=$(service_pidfile "$name")
  log=$(service_log "$name")
  port="${SERVICE_PORT[$name]}"
  SERVICE_STARTED=''
  if service_running "$name"; then
    return 0
  fi
  require_port_free "$name" "$port"
  rm -rf "$ENV_DIR/apps/$name" && mkdir -p "$ENV_DIR/apps" && cp -R "$(service_build "$name")" "$ENV_DIR/apps/$name" ||
    die "$name: cannot copy its build output $(service_build "$name") to $ENV_DIR/apps/$name"
  printf '\n===== %s starting %s =====\n' "$(date -u +%FT%TZ)" "$name" >>"$log"
  (
    export QUARKUS_HTTP_PORT="$port"
    export QUARKUS_HTTP_HOST=127.0.0.1
    export RHYTHM_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT"
    export RHYTHM_DB_PASSWORD
    export RHYTHM_KAFKA_BOOTSTRAP="127.0.0.1:$KAFKA_PORT"
    export RHYTHM_KEYCLOAK_URL="$KC_URL"
    # nps-service's prod profile sends over SMTP to quarkus.mailer.host/port: env up's mail sink.
    if mail_enabled; then
      export QUARKUS_MAILER_HOST=127.0.0.1 QUARKUS_MAILER_PORT="$SMTP_PORT"
    fi
    # the signed survey webhook (POST /api/v1/nps/responses/webhook) works out of the box
    if [[ "$name" == nps ]]; then
      export RHYTHM_NPS_WEBHOOK_SECRET="$NPS_WEBHOOK_SECRET"
    fi
    if [[ "$name" == gateway ]]; then
      local s
      for s in health nps segmentation planning calendar; do
        export "RHYTHM_SERVICES_${s^^}_URL=$(service_url "$s")"
      done
    fi
    # shellcheck disable=SC2086 # RHYTHM_SERVICE_JAVA_OPTS is a list of JVM options
    start_detached "$pidfile" "$log" "$JAVA_HOME/bin/java" ${RHYTHM_SERVICE_JAVA_OPTS:-} -jar "$jar"
  )
  SERVICE_STARTED=1
}

# service_wait <name>: waits for /q/health/ready = 200 (RHYTHM_READY_TIMEOUT s).
service_wait() {
  local name="$1" pid deadline
  pid=$(read_pid "$(service_pidfile "$name")")
  deadline=$((SECONDS + RHYTHM_READY_TIMEOUT))
  while ((SECONDS < deadline)); do
    service_ready "$name" && return 0
    pid_alive "$pid" "$(service_jar "$name")" || return 2
    sleep 0.5
  done
  return 1
}

services_start() {
  local name missing=() t0=$EPOCHREALTIME
  for name in "${RHYTHM_SERVICES[@]}"; do
    [[ -f "$(service_build "$name")/quarkus-run.jar" ]] || missing+=("$name")
  done
  if ((${#missing[@]})); then
    step_skip services "not started: no build output for ${missing[*]} ($(service_build "${missing[0]}")/quarkus-run.jar missing; run ./rhythm up without --no-build)"
    SERVICES_SKIPPED=1
    return 0
  fi
  # Start the five services together (they boot in parallel), then the gateway.
  local group
  for group in "health nps segmentation planning calendar" gateway; do
    local started=()
    for name in $group; do
      step_begin
      if service_running "$name"; then
        step_ok "$name" "already running on $(service_url "$name") (pid $(read_pid "$(service_pidfile "$name")"))"
        continue
      fi
      service_start "$name"
      started+=("$name")
    done
    for name in "${started[@]}"; do
      local rc=0
      service_wait "$name" || rc=$?
      if ((rc != 0)); then
        local why
        why="not ready at $(service_url "$name")/q/health/ready within ${RHYTHM_READY_TIMEOUT}s"
        ((rc == 2)) && why="exited during start-up (never ready at $(service_url "$name")/q/health/ready)"
        printf '%s[FAIL]%s %-11s %s (%s)\n' "$C_ERR" "$C_OFF" "$name" "$why" "$(elapsed_since "$t0")" >&2
        show_log_tail "$(service_log "$name")" 40
        die "$name did not become ready; the others keep running (./rhythm status, ./rhythm down)"
      fi
      printf '%s[ok]%s %-13s %s (%s)\n' "$C_OK" "$C_OFF" "$name" \
        "ready on $(service_url "$name") (pid $(read_pid "$(service_pidfile "$name")"))" "$(elapsed_since "$t0")"
    done
  done
}

services_stop() {
  local name pid i
  # Gateway first (reverse start order).
  for ((i = ${#RHYTHM_SERVICES[@]} - 1; i >= 0; i--)); do
    name="${RHYTHM_SERVICES[$i]}"
    step_begin
    pid=$(read_pid "$(service_pidfile "$name")")
    if stop_group "$name" "$(service_pidfile "$name")" "$(service_jar "$name")"; then
      step_ok "$name" "stopped (pid $pid)"
    fi
  done
}

service_health() {
  local code
  code=$(http_status "$(service_url "$1")/q/health/ready")
  case "$code" in
    200) echo UP ;;
    000) echo "no answer" ;;
    *) echo "DOWN ($code)" ;;
  esac
}
