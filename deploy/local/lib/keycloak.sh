# shellcheck shell=bash disable=SC2034
# Keycloak (Quarkus distribution from Maven Central), PostgreSQL-backed, realm imported at start.
#
# Install strategy (measured): unzip once into tools and run `kc.sh build` there (the one-time
# ~40 s Quarkus augmentation), then give each environment its own copy of the built tree
# (cp -a, ~1 s) so `up` and `test` never share a data/ directory and both start with
# `start --optimized` (no re-augmentation).

KC_BUILD_OPTS=(--db=postgres --health-enabled=true)

keycloak_paths() {
  KC_TOOL_DIR="$RHYTHM_TOOLS/keycloak-$RHYTHM_KEYCLOAK_VERSION"
  KC_TOOL_HOME="$KC_TOOL_DIR/keycloak-$RHYTHM_KEYCLOAK_VERSION"
  KC_HOME="$ENV_DIR/keycloak/keycloak-$RHYTHM_KEYCLOAK_VERSION"
  KC_PIDFILE="$RUN_DIR/keycloak.pid"
  KC_JAVA_PIDFILE="$RUN_DIR/keycloak-java.pid"
  KC_LOG="$LOG_DIR/keycloak.log"
  KC_REALM_FILE="$RHYTHM_ROOT/deploy/keycloak/rhythm-realm.json"
  KC_STAMP="$RHYTHM_KEYCLOAK_VERSION ${KC_BUILD_OPTS[*]}"
}

_keycloak_download_and_build() {
  if [[ -f "$KC_TOOL_DIR/.built" && "$(cat "$KC_TOOL_DIR/.built")" == "$KC_STAMP" ]]; then
    return 0
  fi
  rm -rf "$KC_TOOL_DIR"
  mkdir -p "$KC_TOOL_DIR"
  local zip="$KC_TOOL_DIR/keycloak-quarkus-dist-$RHYTHM_KEYCLOAK_VERSION.zip"
  run_maven "$KC_TOOL_DIR/download.log" -q \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    "-Dartifact=org.keycloak:keycloak-quarkus-dist:$RHYTHM_KEYCLOAK_VERSION:zip" \
    "-DoutputDirectory=$KC_TOOL_DIR" ||
    die "keycloak: downloading org.keycloak:keycloak-quarkus-dist:$RHYTHM_KEYCLOAK_VERSION:zip failed"
  command -v unzip >/dev/null || {
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq unzip >/dev/null 2>&1 || die "unzip is required"
  }
  unzip -q "$zip" -d "$KC_TOOL_DIR" || die "keycloak: unzip failed"
  rm -f "$zip"
  [[ -x "$KC_TOOL_HOME/bin/kc.sh" ]] || die "keycloak: $KC_TOOL_HOME/bin/kc.sh missing after unzip"
  JAVA_HOME="$JAVA_HOME" "$KC_TOOL_HOME/bin/kc.sh" build "${KC_BUILD_OPTS[@]}" </dev/null >"$KC_TOOL_DIR/build.log" 2>&1 || {
    show_log_tail "$KC_TOOL_DIR/build.log"
    die "keycloak: kc.sh build failed"
  }
  printf '%s' "$KC_STAMP" >"$KC_TOOL_DIR/.built"
}

keycloak_install() {
  keycloak_paths
  if [[ ! -f "$KC_TOOL_DIR/.built" || "$(cat "$KC_TOOL_DIR/.built")" != "$KC_STAMP" ]]; then
    local t0=$EPOCHREALTIME
    with_lock "$RHYTHM_TOOLS/.keycloak.lock" _keycloak_download_and_build
    printf '%s[ok]%s %-13s %s (%s)\n' "$C_OK" "$C_OFF" keycloak "downloaded and built $RHYTHM_KEYCLOAK_VERSION in $KC_TOOL_DIR" "$(elapsed_since "$t0")"
  fi
  # Per-environment copy of the built server.
  if [[ ! -f "$ENV_DIR/keycloak/.built" || "$(cat "$ENV_DIR/keycloak/.built")" != "$KC_STAMP" ]]; then
    local t0=$EPOCHREALTIME
    rm -rf "$ENV_DIR/keycloak"
    mkdir -p "$ENV_DIR/keycloak"
    cp -a "$KC_TOOL_HOME" "$KC_HOME"
    printf '%s' "$KC_STAMP" >"$ENV_DIR/keycloak/.built"
    printf '%s[ok]%s %-13s %s (%s)\n' "$C_OK" "$C_OFF" keycloak "copied built server to $KC_HOME" "$(elapsed_since "$t0")"
  fi
}

keycloak_pid() { read_pid "$KC_PIDFILE"; }

keycloak_running() {
  keycloak_paths
  local pid
  pid=$(keycloak_pid)
  [[ -n "$pid" ]] && pid_alive "$pid" "$KC_HOME"
}

keycloak_discovery_url() { printf '%s/realms/rhythm/.well-known/openid-configuration' "$KC_URL"; }

keycloak_ready() { [[ "$(http_status "$(keycloak_discovery_url)")" == 200 ]]; }

keycloak_start() {
  ensure_jdk
  keycloak_install
  step_begin
  if keycloak_running; then
    step_ok keycloak "already running on $KC_URL (pid $(keycloak_pid))"
    return 0
  fi
  require_port_free keycloak "$KC_PORT"
  require_port_free keycloak-management "$KC_MGMT_PORT"
  mkdir -p "$KC_HOME/data/import"
  cp "$KC_REALM_FILE" "$KC_HOME/data/import/rhythm-realm.json"
  # Secrets go through the environment, never the command line (visible in ps).
  (
    export JAVA_HOME
    export KC_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/keycloak"
    export KC_DB_USERNAME=keycloak
    export KC_DB_PASSWORD="$RHYTHM_DB_PASSWORD"
    export KC_BOOTSTRAP_ADMIN_USERNAME=admin
    export KC_BOOTSTRAP_ADMIN_PASSWORD="$KC_ADMIN_PASSWORD"
    export RHYTHM_INTEGRATION_SECRET="${RHYTHM_INTEGRATION_SECRET:-integration-secret}"
    [[ -n "${RHYTHM_KEYCLOAK_HEAP:-}" ]] && export JAVA_OPTS_KC_HEAP="$RHYTHM_KEYCLOAK_HEAP"
    start_detached "$KC_PIDFILE" "$KC_LOG" "$KC_HOME/bin/kc.sh" start --optimized \
      --http-enabled=true --http-host=127.0.0.1 --http-port="$KC_PORT" \
      --http-management-host=127.0.0.1 --http-management-port="$KC_MGMT_PORT" \
      --hostname="$KC_URL" --hostname-strict=true \
      --cache=local --import-realm --log-level=info
  )
  local pid deadline java_pid=''
  pid=$(keycloak_pid)
  deadline=$((SECONDS + ${RHYTHM_KEYCLOAK_TIMEOUT:-180}))
  while ((SECONDS < deadline)); do
    [[ -z "$java_pid" ]] && java_pid=$(pgrep -P "$pid" java 2>/dev/null | head -n1 || true)
    keycloak_ready && break
    if ! pid_alive "$pid" "$KC_HOME"; then
      step_fail keycloak "exited during start-up"
      show_log_tail "$KC_LOG"
      exit 1
    fi
    sleep 0.5
  done
  [[ -n "$java_pid" ]] || java_pid=$(pgrep -P "$pid" java 2>/dev/null | head -n1 || true)
  [[ -n "$java_pid" ]] && echo "$java_pid" >"$KC_JAVA_PIDFILE"
  if ! keycloak_ready; then
    step_fail keycloak "realm rhythm not answering at $(keycloak_discovery_url)"
    show_log_tail "$KC_LOG"
    exit 1
  fi
  step_ok keycloak "started on $KC_URL (pid $pid, java $java_pid)"
}

keycloak_stop() {
  keycloak_paths
  step_begin
  local pid java_pid stopped=''
  pid=$(keycloak_pid)
  java_pid=$(read_pid "$KC_JAVA_PIDFILE")
  stop_group keycloak "$KC_PIDFILE" "$KC_HOME" && stopped=1
  # The java child normally shares the group; make sure it is gone in any case.
  if [[ -n "$java_pid" ]] && pid_alive "$java_pid" "$KC_HOME"; then
    printf '%s\n' "$java_pid" >"$KC_JAVA_PIDFILE"
    stop_group keycloak-java "$KC_JAVA_PIDFILE" "$KC_HOME" || kill -KILL "$java_pid" 2>/dev/null || true
    stopped=1
  fi
  rm -f "$KC_JAVA_PIDFILE"
  [[ -n "$stopped" ]] || return 1
  step_ok keycloak "stopped (pid $pid, java ${java_pid:-?})"
}

keycloak_health() {
  if keycloak_ready; then echo "realm ok"; elif port_open "$KC_PORT"; then echo "starting"; else echo down; fi
}
