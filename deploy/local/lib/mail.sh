# shellcheck shell=bash disable=SC2034
# Local mail sink for env up: GreenMail standalone (Maven Central jar) on loopback. It accepts
# every message over SMTP (no auth, no relaying) and shows it through its REST API / web UI, so
# nps-service's survey invitations and reminders can be sent and read in the demo.
# Env test has none: the nps-service tests run their own GreenMail in-process on 28125.

# mail_enabled: only env up has a mail sink (env_select sets SMTP_PORT for it alone).
mail_enabled() { [[ -n "${SMTP_PORT:-}" ]]; }

mail_paths() {
  MAIL_TOOL_DIR="$RHYTHM_TOOLS/greenmail-$RHYTHM_GREENMAIL_VERSION"
  MAIL_JAR="$MAIL_TOOL_DIR/greenmail-standalone-$RHYTHM_GREENMAIL_VERSION.jar"
  MAIL_PIDFILE="$RUN_DIR/mail.pid"
  MAIL_LOG="$LOG_DIR/mail.log"
  # On the command line of the sink's JVM: tells this env's sink from anything else (pid_alive).
  MAIL_MARKER="-Drhythm.mail.env=$ENV_DIR"
}

_mail_download() {
  [[ -f "$MAIL_JAR" ]] && return 0
  mkdir -p "$MAIL_TOOL_DIR"
  run_maven "$MAIL_TOOL_DIR/download.log" -q \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    "-Dartifact=com.icegreen:greenmail-standalone:$RHYTHM_GREENMAIL_VERSION" \
    "-DoutputDirectory=$MAIL_TOOL_DIR" ||
    die "mail: downloading com.icegreen:greenmail-standalone:$RHYTHM_GREENMAIL_VERSION failed"
  [[ -f "$MAIL_JAR" ]] || die "mail: $MAIL_JAR missing after download"
}

mail_install() {
  mail_paths
  [[ -f "$MAIL_JAR" ]] && return 0
  local t0=$EPOCHREALTIME
  with_lock "$RHYTHM_TOOLS/.greenmail.lock" _mail_download
  printf '%s[ok]%s %-13s %s (%s)\n' "$C_OK" "$C_OFF" mail "downloaded GreenMail $RHYTHM_GREENMAIL_VERSION into $MAIL_TOOL_DIR" "$(elapsed_since "$t0")"
}

mail_pid() { read_pid "$MAIL_PIDFILE"; }

mail_running() {
  mail_paths
  local pid
  pid=$(mail_pid)
  [[ -n "$pid" ]] && pid_alive "$pid" "$MAIL_MARKER"
}

mail_ready() { [[ "$(http_status "$MAIL_URL/api/service/readiness")" == 200 ]]; }

mail_start() {
  mail_enabled || die "mail: env $RHYTHM_ENV has no mail sink (env up only; the tests run GreenMail in-process)"
  ensure_jdk
  mail_install
  step_begin
  if mail_running; then
    step_ok mail "already running: SMTP 127.0.0.1:$SMTP_PORT, inbox $MAIL_URL (pid $(mail_pid))"
    return 0
  fi
  require_port_free mail-smtp "$SMTP_PORT"
  require_port_free mail-ui "$MAIL_UI_PORT"
  printf '\n===== %s starting mail (GreenMail %s) =====\n' "$(date -u +%FT%TZ)" "$RHYTHM_GREENMAIL_VERSION" >>"$MAIL_LOG"
  start_detached "$MAIL_PIDFILE" "$MAIL_LOG" \
    "$JAVA_HOME/bin/java" -Xms32m -Xmx256m -XX:+UseSerialGC -Djava.awt.headless=true "$MAIL_MARKER" \
    -Dgreenmail.smtp.hostname=127.0.0.1 "-Dgreenmail.smtp.port=$SMTP_PORT" \
    -Dgreenmail.api.hostname=127.0.0.1 "-Dgreenmail.api.port=$MAIL_UI_PORT" \
    -Dgreenmail.auth.disabled -jar "$MAIL_JAR"
  local pid deadline
  pid=$(mail_pid)
  deadline=$((SECONDS + 60))
  while ((SECONDS < deadline)); do
    port_open "$SMTP_PORT" && mail_ready && break
    if ! pid_alive "$pid" "$MAIL_MARKER"; then
      step_fail mail "exited during start-up"
      show_log_tail "$MAIL_LOG"
      exit 1
    fi
    sleep 0.2
  done
  if ! port_open "$SMTP_PORT" || ! mail_ready; then
    step_fail mail "SMTP 127.0.0.1:$SMTP_PORT / API $MAIL_URL not answering"
    show_log_tail "$MAIL_LOG"
    exit 1
  fi
  step_ok mail "started: SMTP 127.0.0.1:$SMTP_PORT, inbox $MAIL_URL (pid $pid)"
}

mail_stop() {
  mail_enabled || return 1
  mail_paths
  step_begin
  local pid
  pid=$(mail_pid)
  if stop_group mail "$MAIL_PIDFILE" "$MAIL_MARKER"; then
    step_ok mail "stopped (pid $pid)"
  else
    return 1
  fi
}

mail_health() {
  if mail_ready && port_open "$SMTP_PORT"; then echo "smtp open, inbox $MAIL_URL ok"
  elif port_open "$SMTP_PORT"; then echo "smtp open, inbox $MAIL_URL not answering"
  else echo "smtp closed"; fi
}
