# shellcheck shell=bash disable=SC2034
# Orchestration of the infrastructure of one environment (PostgreSQL, Kafka, Keycloak, and in
# env up only the mail sink).

INFRA_COMPONENTS=(postgres mail kafka keycloak)

infra_up() {
  env_prepare_dirs
  load_secrets
  pg_start
  if mail_enabled; then mail_start; fi
  kafka_start
  keycloak_start
}

# infra_down: Keycloak first (it uses PostgreSQL), then Kafka, the mail sink, PostgreSQL.
infra_down() {
  keycloak_stop || true
  kafka_stop || true
  if mail_enabled; then mail_stop || true; fi
  pg_stop || true
}

# infra_component <start|stop> <component>
infra_component() {
  local action="$1" comp="$2"
  case "$action:$comp" in
    start:postgres) env_prepare_dirs; load_secrets; pg_start ;;
    start:mail) env_prepare_dirs; mail_start ;;
    start:kafka) env_prepare_dirs; kafka_start ;;
    start:keycloak)
      env_prepare_dirs; load_secrets
      pg_running || die "keycloak needs PostgreSQL: ./rhythm infra start postgres --env $RHYTHM_ENV"
      keycloak_start ;;
    stop:postgres) pg_stop || step_skip postgres "not running" ;;
    stop:mail)
      mail_enabled || die "mail: env $RHYTHM_ENV has no mail sink (env up only)"
      mail_stop || step_skip mail "not running" ;;
    stop:kafka) kafka_stop || step_skip kafka "not running" ;;
    stop:keycloak) keycloak_stop || step_skip keycloak "not running" ;;
    *) die "unknown component '$comp' (expected: ${INFRA_COMPONENTS[*]})" ;;
  esac
}

# status_row <component> <pid> <port> <running?> <health>
status_row() {
  local state=stopped color="$C_WARN"
  if [[ "$4" == 1 ]]; then state=running; color="$C_OK"; fi
  printf '%-13s %-14s %-6s %s%-8s%s %s\n' "$1" "${2:--}" "$3" "$color" "$state" "$C_OFF" "$5"
}

status_header() {
  printf 'env %s (state: %s)\n' "$RHYTHM_ENV" "$ENV_DIR"
  printf '%-13s %-14s %-6s %-8s %s\n' COMPONENT PID PORT STATE HEALTH
}

infra_status_rows() {
  local run
  pg_paths
  run=0; pg_running && run=1
  status_row postgres "$( ((run)) && pg_pid)" "$PG_PORT" "$run" "$( ((run)) && pg_health || echo -)"
  if mail_enabled; then
    mail_paths
    run=0; mail_running && run=1
    status_row mail "$( ((run)) && mail_pid)" "$SMTP_PORT" "$run" "$( ((run)) && mail_health || echo -)"
  fi
  kafka_paths
  run=0; kafka_running && run=1
  status_row kafka "$( ((run)) && kafka_pid)" "$KAFKA_PORT" "$run" "$( ((run)) && kafka_health || echo -)"
  keycloak_paths
  run=0; keycloak_running && run=1
  local kpid=''
  if ((run)); then
    kpid=$(keycloak_pid)
    local jp
    jp=$(read_pid "$KC_JAVA_PIDFILE")
    [[ -n "$jp" ]] && kpid="$kpid/$jp"
  fi
  status_row keycloak "$kpid" "$KC_PORT" "$run" "$( ((run)) && keycloak_health || echo -)"
}

services_status_rows() {
  local name run
  for name in "${RHYTHM_SERVICES[@]}"; do
    run=0; service_running "$name" && run=1
    status_row "$name" "$( ((run)) && read_pid "$(service_pidfile "$name")")" "${SERVICE_PORT[$name]}" "$run" \
      "$( ((run)) && service_health "$name" || echo -)"
  done
}
