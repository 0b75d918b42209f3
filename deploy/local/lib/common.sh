# shellcheck shell=bash disable=SC2034
# Shared helpers for ./rhythm: configuration, output, timing, processes, ports.
# Sourced by the launcher; expects RHYTHM_ROOT (the repository root) to be set.

# ---------------------------------------------------------------------------
# Configuration (environment variables with defaults)
# ---------------------------------------------------------------------------
: "${RHYTHM_HOME:=$RHYTHM_ROOT/.rhythm}"
: "${RHYTHM_TOOLS:=$RHYTHM_HOME/tools}"
: "${RHYTHM_KAFKA_VERSION:=4.4.0}"
: "${RHYTHM_KEYCLOAK_VERSION:=26.7.3}"
: "${RHYTHM_GREENMAIL_VERSION:=2.1.8}"   # mail sink of env up (same as nps-service's test GreenMail)
: "${RHYTHM_READY_TIMEOUT:=180}"   # seconds per service readiness wait
: "${RHYTHM_STOP_TIMEOUT:=20}"     # seconds between SIGTERM and SIGKILL

# The services, in start order (gateway last) and their module directories.
RHYTHM_SERVICES=(health nps segmentation planning calendar gateway)
declare -A RHYTHM_MODULE=(
  [health]=health-service [nps]=nps-service [segmentation]=segmentation-service
  [planning]=planning-service [calendar]=calendar-service [gateway]=gateway
)
# The databases (and owner roles of the same name) created in PostgreSQL.
RHYTHM_DATABASES=(health nps segmentation planning calendar keycloak platform gateway)

# env_select <up|test>: sets the per-environment variables used everywhere else.
env_select() {
  RHYTHM_ENV="$1"
  case "$RHYTHM_ENV" in
    up)
      PG_PORT="${RHYTHM_PG_PORT:-15432}"
      KAFKA_PORT="${RHYTHM_KAFKA_PORT:-19092}"
      KAFKA_CONTROLLER_PORT="${RHYTHM_KAFKA_CONTROLLER_PORT:-19093}"
      KC_PORT="${RHYTHM_KEYCLOAK_PORT:-18080}"
      KC_MGMT_PORT="${RHYTHM_KEYCLOAK_MANAGEMENT_PORT:-18090}"
      SMTP_PORT="${RHYTHM_SMTP_PORT:-2525}"
      MAIL_UI_PORT="${RHYTHM_MAIL_UI_PORT:-18025}"
      ;;
    test)
      PG_PORT="${RHYTHM_TEST_PG_PORT:-25432}"
      KAFKA_PORT="${RHYTHM_TEST_KAFKA_PORT:-29092}"
      KAFKA_CONTROLLER_PORT="${RHYTHM_TEST_KAFKA_CONTROLLER_PORT:-29093}"
      KC_PORT="${RHYTHM_TEST_KEYCLOAK_PORT:-28080}"
      KC_MGMT_PORT="${RHYTHM_TEST_KEYCLOAK_MANAGEMENT_PORT:-28090}"
      # No mail sink: the nps-service tests run their own GreenMail in-process on 28125.
      SMTP_PORT=''
      MAIL_UI_PORT=''
      ;;
    *) die "unknown environment '$RHYTHM_ENV' (expected: up or test)" ;;
  esac
  declare -gA SERVICE_PORT=(
    [gateway]="${RHYTHM_GATEWAY_PORT:-8080}"
    [health]="${RHYTHM_HEALTH_PORT:-8081}"
    [nps]="${RHYTHM_NPS_PORT:-8082}"
    [segmentation]="${RHYTHM_SEGMENTATION_PORT:-8083}"
    [planning]="${RHYTHM_PLANNING_PORT:-8084}"
    [calendar]="${RHYTHM_CALENDAR_PORT:-8085}"
  )
  ENV_DIR="$RHYTHM_HOME/$RHYTHM_ENV"
  RUN_DIR="$ENV_DIR/run"
  LOG_DIR="$ENV_DIR/logs"
  SECRETS_FILE="$ENV_DIR/secrets.env"
  KC_URL="http://127.0.0.1:$KC_PORT"
  MAIL_URL="${MAIL_UI_PORT:+http://127.0.0.1:$MAIL_UI_PORT}"
}

env_prepare_dirs() {
  mkdir -p "$ENV_DIR" "$RUN_DIR" "$LOG_DIR" "$RHYTHM_TOOLS"
  chmod 755 "$ENV_DIR"
}

# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------
if [[ -t 1 && -z "${NO_COLOR:-}" ]]; then
  C_OK=$'\e[32m' C_WARN=$'\e[33m' C_ERR=$'\e[31m' C_DIM=$'\e[2m' C_OFF=$'\e[0m'
else
  C_OK='' C_WARN='' C_ERR='' C_DIM='' C_OFF=''
fi

die() { printf '%s[error]%s %s\n' "$C_ERR" "$C_OFF" "$*" >&2; exit 1; }
warn() { printf '%s[warn]%s %s\n' "$C_WARN" "$C_OFF" "$*" >&2; }
info() { printf '%s[..]%s %s\n' "$C_DIM" "$C_OFF" "$*"; }

# Step timing: step_begin; ...; step_ok <component> <message>
step_begin() { STEP_T0=$EPOCHREALTIME; }
step_elapsed() { awk -v a="$STEP_T0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1fs", b - a }'; }
step_ok() { printf '%s[ok]%s %-13s %s (%s)\n' "$C_OK" "$C_OFF" "$1" "$2" "$(step_elapsed)"; }
step_skip() { printf '%s[--]%s %-13s %s\n' "$C_WARN" "$C_OFF" "$1" "$2"; }
step_fail() { printf '%s[FAIL]%s %-11s %s (%s)\n' "$C_ERR" "$C_OFF" "$1" "$2" "$(step_elapsed)" >&2; }

elapsed_since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1fs", b - a }'; }

# show_log_tail <file> [lines]: prints the end of a log file to stderr.
show_log_tail() {
  local file="$1" n="${2:-40}"
  if [[ -s "$file" ]]; then
    printf '%s--- last %s lines of %s ---%s\n' "$C_DIM" "$n" "$file" "$C_OFF" >&2
    tail -n "$n" "$file" >&2
    printf '%s---%s\n' "$C_DIM" "$C_OFF" >&2
  else
    printf '(log %s is empty or missing)\n' "$file" >&2
  fi
}

# ---------------------------------------------------------------------------
# Processes
# ---------------------------------------------------------------------------
# pid_alive <pid> [marker]: the process exists, is not a zombie and (if given) its
# command line contains <marker> (guards against a recycled PID).
pid_alive() {
  local pid="$1" marker="${2:-}" state
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [[ -r "/proc/$pid/stat" ]] || return 1
  state=$(awk '{ sub(/^.*\) /, ""); print $1 }' "/proc/$pid/stat" 2>/dev/null) || return 1
  [[ "$state" != Z && -n "$state" ]] || return 1
  if [[ -n "$marker" ]]; then
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$marker" || return 1
  fi
  return 0
}

read_pid() {
  if [[ -s "$1" ]]; then head -n1 "$1" | tr -dc '0-9'; fi
}

# start_detached <pidfile> <logfile> <cmd...>: runs cmd in a new session (its PID is also its
# process-group id), detached from this shell, stdin from /dev/null, output appended to
# logfile. The PID is written by the process itself before it execs cmd.
start_detached() {
  local pidfile="$1" logfile="$2"; shift 2
  rm -f "$pidfile"
  # shellcheck disable=SC2016 # $$ and $@ expand in the child bash
  setsid -f bash -c 'echo $$ >"$0"; exec "$@"' "$pidfile" "$@" </dev/null >>"$logfile" 2>&1
  local i
  for ((i = 0; i < 100; i++)); do
    [[ -s "$pidfile" ]] && return 0
    sleep 0.05
  done
  die "could not start: $* (no PID file $pidfile)"
}

# stop_group <name> <pidfile> <marker>: SIGTERM the process group led by the PID in pidfile
# (only if that PID is alive and matches marker), wait up to RHYTHM_STOP_TIMEOUT s, then
# SIGKILL. Returns 0 if it was running, 1 if there was nothing to stop.
stop_group() {
  local name="$1" pidfile="$2" marker="$3" pid i
  pid=$(read_pid "$pidfile")
  if [[ -z "$pid" ]] || ! pid_alive "$pid" "$marker"; then
    rm -f "$pidfile"
    return 1
  fi
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < RHYTHM_STOP_TIMEOUT * 10; i++)); do
    group_alive "$pid" || break
    sleep 0.1
  done
  if group_alive "$pid"; then
    warn "$name (pgid $pid) did not stop within ${RHYTHM_STOP_TIMEOUT}s: sending SIGKILL"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do group_alive "$pid" || break; sleep 0.1; done
  fi
  rm -f "$pidfile"
  return 0
}

# group_alive <pgid>: some non-zombie process still belongs to that process group.
group_alive() {
  local pgid="$1" p
  pid_alive "$pgid" && return 0
  for p in $(pgrep -g "$pgid" 2>/dev/null); do
    pid_alive "$p" && return 0
  done
  return 1
}

# ---------------------------------------------------------------------------
# Network
# ---------------------------------------------------------------------------
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_port <port> <seconds> [pid marker]: until the port accepts connections; fails early if
# the given process died.
wait_port() {
  local port="$1" timeout="$2" pid="${3:-}" marker="${4:-}" deadline
  deadline=$((SECONDS + timeout))
  while ((SECONDS < deadline)); do
    port_open "$port" && return 0
    if [[ -n "$pid" ]] && ! pid_alive "$pid" "$marker"; then return 1; fi
    sleep 0.2
  done
  return 1
}

# require_port_free <component> <port>: dies with a clear message if something else listens.
require_port_free() {
  if port_open "$2"; then
    local who
    who=$(ss -ltnpH "sport = :$2" 2>/dev/null | sed -n 's/.*users:((\("[^"]*",pid=[0-9]*\).*/\1/p' | head -n1)
    die "$1: port 127.0.0.1:$2 is already in use${who:+ by $who} (not by a process this launcher started)"
  fi
}

# http_status <url>: prints the HTTP status code (000 if no answer).
http_status() {
  curl -s -o /dev/null -w '%{http_code}' --max-time "${2:-3}" "$1" 2>/dev/null || true
}

# ---------------------------------------------------------------------------
# Secrets
# ---------------------------------------------------------------------------
random_secret() { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; }

# load_secrets: env test uses fixed, documented passwords; env up generates them once and
# keeps them in <env>/secrets.env (mode 600).
load_secrets() {
  if [[ "$RHYTHM_ENV" == test ]]; then
    RHYTHM_DB_PASSWORD=rhythm-test
    KC_ADMIN_PASSWORD='admin'
    NPS_WEBHOOK_SECRET=test-webhook-secret
    return
  fi
  mkdir -p "$ENV_DIR"
  if [[ ! -s "$SECRETS_FILE" ]]; then
    (
      umask 077
      printf '# Generated by ./rhythm on %s. Keep private.\nRHYTHM_DB_PASSWORD=%s\nRHYTHM_KEYCLOAK_ADMIN_PASSWORD=%s\n' \
        "$(date -u +%FT%TZ)" "$(random_secret)" "$(random_secret)" >"$SECRETS_FILE"
    )
  fi
  chmod 600 "$SECRETS_FILE"
  # the survey webhook's HMAC secret (nps-service): added once to a secrets file that predates it
  if ! grep -q '^RHYTHM_NPS_WEBHOOK_SECRET=' "$SECRETS_FILE"; then
    printf 'RHYTHM_NPS_WEBHOOK_SECRET=%s\n' "$(random_secret)" >>"$SECRETS_FILE"
  fi
  NPS_WEBHOOK_SECRET=$(sed -n 's/^RHYTHM_NPS_WEBHOOK_SECRET=//p' "$SECRETS_FILE")
  RHYTHM_DB_PASSWORD=$(sed -n 's/^RHYTHM_DB_PASSWORD=//p' "$SECRETS_FILE")
  KC_ADMIN_PASSWORD=$(sed -n 's/^RHYTHM_KEYCLOAK_ADMIN_PASSWORD=//p' "$SECRETS_FILE")
  [[ -n "$RHYTHM_DB_PASSWORD" && -n "$KC_ADMIN_PASSWORD" && -n "$NPS_WEBHOOK_SECRET" ]] || die "$SECRETS_FILE is incomplete: delete it (and the env with ./rhythm down --purge)"
}

# ---------------------------------------------------------------------------
# Locking (tools download, concurrent envs)
# ---------------------------------------------------------------------------
# with_lock <lockfile> <cmd...>
with_lock() {
  local lockfile="$1"; shift
  mkdir -p "$(dirname "$lockfile")"
  (
    flock -w 900 9 || die "timed out waiting for lock $lockfile"
    "$@"
  ) 9>"$lockfile"
}
