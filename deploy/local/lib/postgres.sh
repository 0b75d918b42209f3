# shellcheck shell=bash disable=SC2034
# PostgreSQL: a private server per environment, run as an unprivileged user.

# pg_locate_binaries: sets PG_BIN to the newest server bin dir >= 15 (installing if needed).
pg_locate_binaries() {
  [[ -n "${PG_BIN:-}" ]] && return 0
  local d v best='' best_v=0
  for d in /usr/lib/postgresql/*/bin; do
    [[ -x "$d/pg_ctl" && -x "$d/initdb" ]] || continue
    v=$(basename "$(dirname "$d")")
    [[ "$v" =~ ^[0-9]+$ ]] && ((v >= 15 && v > best_v)) && { best="$d"; best_v=$v; }
  done
  if [[ -z "$best" ]] && command -v pg_ctl >/dev/null && command -v initdb >/dev/null; then
    v=$(pg_ctl --version | sed -n 's/.* \([0-9][0-9]*\)[.0-9]*.*/\1/p')
    [[ "$v" =~ ^[0-9]+$ ]] && ((v >= 15)) && best=$(dirname "$(command -v pg_ctl)")
  fi
  if [[ -z "$best" && $EUID -eq 0 ]] && command -v apt-get >/dev/null; then
    info "PostgreSQL server not found: apt-get install postgresql"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null 2>&1 ||
      die "apt-get install postgresql failed"
    PG_BIN='' pg_locate_binaries
    return
  fi
  [[ -n "$best" ]] || die "PostgreSQL >= 15 server binaries not found (install the 'postgresql' package)"
  PG_BIN="$best"
}

# pg_os_user: the unprivileged account that owns and runs the server.
pg_os_user() {
  [[ -n "${PG_OS_USER:-}" ]] && return 0
  if [[ $EUID -ne 0 ]]; then
    PG_OS_USER=$(id -un)
  elif id -u postgres >/dev/null 2>&1; then
    PG_OS_USER=postgres
  else
    id -u rhythm-pg >/dev/null 2>&1 ||
      useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin rhythm-pg ||
      die "could not create system user rhythm-pg"
    PG_OS_USER=rhythm-pg
  fi
}

as_pg() {
  if [[ $EUID -eq 0 ]]; then
    (cd / && runuser -u "$PG_OS_USER" -- "$@")
  else
    (cd / && "$@")
  fi
}

# pg_paths: PG_ROOT (<env>/postgres, or a symlink from it to a short, world-traversable
# directory when the state dir is not reachable by the server user or the socket path would
# be too long), PG_DATA, PG_SOCK.
pg_paths() {
  pg_os_user
  local link="$ENV_DIR/postgres"
  PG_ROOT="$link"
  if [[ -L "$link" ]]; then
    PG_ROOT=$(readlink -f "$link")
  fi
  PG_DATA="$PG_ROOT/data"
  PG_SOCK="$PG_ROOT/sock"
  PG_LOG="$PG_ROOT/postgres.log"
}

pg_prepare_dirs() {
  pg_paths
  mkdir -p "$PG_ROOT"
  local need_fallback=''
  if ((${#PG_SOCK} + 20 > 100)); then need_fallback=1; fi
  if [[ -z "$need_fallback" && ! -L "$ENV_DIR/postgres" ]]; then
    chown "$PG_OS_USER" "$PG_ROOT" 2>/dev/null || true
    as_pg test -w "$PG_ROOT" || need_fallback=1
  fi
  if [[ -n "$need_fallback" ]]; then
    local alt
    alt="/var/tmp/rhythm-pg-$(printf '%s' "$ENV_DIR" | md5sum | cut -c1-10)"
    [[ -d "$ENV_DIR/postgres" && ! -L "$ENV_DIR/postgres" ]] && rmdir "$ENV_DIR/postgres" 2>/dev/null
    mkdir -p "$alt"
    ln -sfn "$alt" "$ENV_DIR/postgres"
    PG_ROOT="$alt" PG_DATA="$alt/data" PG_SOCK="$alt/sock" PG_LOG="$alt/postgres.log"
  fi
  mkdir -p "$PG_DATA" "$PG_SOCK"
  chown "$PG_OS_USER" "$PG_ROOT" "$PG_DATA" "$PG_SOCK"
  chmod 700 "$PG_DATA"
  # The server writes its log next to its data (reachable by the server user);
  # <env>/logs/postgres.log links to it.
  touch "$PG_LOG"
  chown "$PG_OS_USER" "$PG_LOG"
  if [[ "$(readlink "$LOG_DIR/postgres.log" 2>/dev/null)" != "$PG_LOG" ]]; then
    rm -f "$LOG_DIR/postgres.log"
    ln -s "$PG_LOG" "$LOG_DIR/postgres.log"
  fi
}

pg_pid() {
  if [[ -r "$PG_DATA/postmaster.pid" ]]; then head -n1 "$PG_DATA/postmaster.pid" | tr -dc '0-9'; fi
}

pg_running() {
  pg_paths
  local pid
  pid=$(pg_pid)
  [[ -n "$pid" ]] && pid_alive "$pid" "$PG_DATA"
}

pg_write_config() {
  local tuning=''
  if [[ "$RHYTHM_ENV" == test ]]; then
    tuning=$'# test only: durability traded for speed\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\n'
  else
    # the signal-ingest hot path writes a few hundred MB of scores and outbox rows per million signals:
    # fewer forced checkpoints, and a cache that holds the hot indexes
    tuning=$'shared_buffers = 512MB\nmax_wal_size = 4GB\ncheckpoint_timeout = 15min\n'
    # which statements cost what (SELECT * FROM pg_stat_statements), when the contrib module is installed
    if [[ -f "$("$PG_BIN/pg_config" --pkglibdir 2>/dev/null)/pg_stat_statements.so" ]]; then
      tuning+=$'shared_preload_libraries = \'pg_stat_statements\'\n'
    fi
  fi
  as_pg tee "$PG_DATA/rhythm.conf" >/dev/null <<EOF
# Written by ./rhythm at every start (env $RHYTHM_ENV). Edit deploy/local/lib/postgres.sh instead.
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_SOCK'
max_connections = 300
password_encryption = 'scram-sha-256'
logging_collector = off
log_min_messages = warning
log_connections = off
${tuning}
EOF
  if ! grep -q "^include_if_exists = 'rhythm.conf'" "$PG_DATA/postgresql.conf"; then
    printf "\ninclude_if_exists = 'rhythm.conf'\n" | as_pg tee -a "$PG_DATA/postgresql.conf" >/dev/null
  fi
}

pg_psql() {
  as_pg "$PG_BIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h "$PG_SOCK" -p "$PG_PORT" -U "$PG_OS_USER" -d postgres "$@"
}

# pg_provision: one role + one database (owned by it) per name; idempotent. The password is
# (re)applied at every start so it always matches secrets.env / the test password.
pg_provision() {
  local names sql n
  names=$(printf "'%s'," "${RHYTHM_DATABASES[@]}"); names="${names%,}"
  sql="SELECT format('CREATE ROLE %I LOGIN', r) FROM unnest(ARRAY[$names]) AS r
         WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) \\gexec
SELECT format('CREATE DATABASE %I OWNER %I', d, d) FROM unnest(ARRAY[$names]) AS d
         WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = d) \\gexec
"
  for n in "${RHYTHM_DATABASES[@]}"; do
    sql+="ALTER ROLE \"$n\" WITH LOGIN PASSWORD '$RHYTHM_DB_PASSWORD';
REVOKE CONNECT, TEMPORARY ON DATABASE \"$n\" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE \"$n\" TO \"$n\";
"
  done
  printf '%s' "$sql" | pg_psql -f - >>"$LOG_DIR/postgres-provision.log" 2>&1 || {
    show_log_tail "$LOG_DIR/postgres-provision.log" 20
    die "postgres: creating roles/databases failed"
  }
}

pg_start() {
  step_begin
  pg_locate_binaries
  pg_prepare_dirs
  if pg_running; then
    pg_pid >"$RUN_DIR/postgres.pid"
    pg_provision
    step_ok postgres "already running on 127.0.0.1:$PG_PORT"
    return 0
  fi
  require_port_free postgres "$PG_PORT"
  local what=started
  if [[ ! -s "$PG_DATA/PG_VERSION" ]]; then
    as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U "$PG_OS_USER" -E UTF8 --locale=C.UTF-8 \
      --auth-local=peer --auth-host=scram-sha-256 >>"$PG_LOG" 2>&1 || {
      show_log_tail "$PG_LOG"
      die "postgres: initdb failed"
    }
    what="initialised and started"
  fi
  rm -f "$PG_SOCK/.s.PGSQL.$PG_PORT" "$PG_SOCK/.s.PGSQL.$PG_PORT.lock" 2>/dev/null || true
  pg_write_config
  if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 -s start; then
    step_fail postgres "did not start"
    show_log_tail "$PG_LOG"
    exit 1
  fi
  pg_pid >"$RUN_DIR/postgres.pid"
  pg_provision
  step_ok postgres "$what on 127.0.0.1:$PG_PORT (pid $(pg_pid), user $PG_OS_USER)"
}

pg_stop() {
  pg_paths
  step_begin
  if ! pg_running; then
    rm -f "$RUN_DIR/postgres.pid"
    return 1
  fi
  pg_locate_binaries
  local pid
  pid=$(pg_pid)
  if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t "$RHYTHM_STOP_TIMEOUT" -s stop >/dev/null 2>&1; then
    warn "postgres did not stop within ${RHYTHM_STOP_TIMEOUT}s: immediate shutdown"
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 10 -s stop >/dev/null 2>&1 ||
      kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$RUN_DIR/postgres.pid"
  step_ok postgres "stopped (pid $pid)"
}

pg_health() {
  pg_locate_binaries
  if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 2 >/dev/null 2>&1; then echo ready; else echo "not ready"; fi
}

# pg_purge: removes the data directory even when it lives outside the env dir.
pg_purge() {
  local link="$ENV_DIR/postgres"
  if [[ -L "$link" ]]; then
    local target
    target=$(readlink -f "$link")
    [[ "$target" == /var/tmp/rhythm-pg-* ]] && rm -rf "$target"
  fi
}
