# shellcheck shell=bash disable=SC2034
# Apache Kafka (KRaft combined mode) from the Maven Central jars.

kafka_paths() {
  KAFKA_HOME_DIR="$RHYTHM_TOOLS/kafka-$RHYTHM_KAFKA_VERSION"
  KAFKA_LIBS="$KAFKA_HOME_DIR/libs"
  KAFKA_DIR="$ENV_DIR/kafka"
  KAFKA_PROPS="$KAFKA_DIR/server.properties"
  KAFKA_PIDFILE="$RUN_DIR/kafka.pid"
  KAFKA_LOG="$LOG_DIR/kafka.log"
  KAFKA_LOG4J="$RHYTHM_ROOT/deploy/local/kafka/log4j2.properties"
  KAFKA_TOPICS_CONF="$RHYTHM_ROOT/deploy/kafka/topics.conf"
}

_kafka_download() {
  [[ -f "$KAFKA_HOME_DIR/.complete" ]] && return 0
  rm -rf "$KAFKA_LIBS"
  mkdir -p "$KAFKA_LIBS"
  run_maven "$KAFKA_HOME_DIR/download.log" -q -f "$RHYTHM_ROOT/deploy/local/kafka/pom.xml" \
    "-Dkafka.version=$RHYTHM_KAFKA_VERSION" dependency:copy-dependencies \
    "-DoutputDirectory=$KAFKA_LIBS" -DincludeScope=runtime ||
    die "kafka: downloading org.apache.kafka:kafka_2.13:$RHYTHM_KAFKA_VERSION failed"
  [[ -f "$KAFKA_LIBS/kafka_2.13-$RHYTHM_KAFKA_VERSION.jar" ]] || die "kafka: kafka_2.13 jar missing after download"
  touch "$KAFKA_HOME_DIR/.complete"
}

kafka_install() {
  kafka_paths
  [[ -f "$KAFKA_HOME_DIR/.complete" ]] && return 0
  local t0=$EPOCHREALTIME
  with_lock "$RHYTHM_TOOLS/.kafka.lock" _kafka_download
  printf '%s[ok]%s %-13s %s (%s)\n' "$C_OK" "$C_OFF" kafka "downloaded $RHYTHM_KAFKA_VERSION into $KAFKA_HOME_DIR" "$(elapsed_since "$t0")"
}

kafka_java() {
  "$JAVA_HOME/bin/java" -cp "$KAFKA_LIBS/*" -Dlog4j2.configurationFile="$KAFKA_LOG4J" -Drhythm.log.level=WARN "$@"
}

kafka_write_config() {
  mkdir -p "$KAFKA_DIR/data"
  cat >"$KAFKA_PROPS" <<EOF
# Written by ./rhythm at every start (env $RHYTHM_ENV). Edit deploy/local/lib/kafka.sh instead.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_DIR/data
num.partitions=3
auto.create.topics.enable=true
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.retention.hours=168
EOF
}

kafka_pid() { read_pid "$KAFKA_PIDFILE"; }

kafka_running() {
  kafka_paths
  local pid
  pid=$(kafka_pid)
  [[ -n "$pid" ]] && pid_alive "$pid" "$KAFKA_PROPS"
}

# kafka_topics <create|list>: runs deploy/local/kafka/CreateTopics.java (single-file program).
kafka_topics() {
  local mode="$1"
  local args=("127.0.0.1:$KAFKA_PORT")
  if [[ "$mode" == create ]]; then args+=("$KAFKA_TOPICS_CONF"); else args+=(--list); fi
  kafka_java "$RHYTHM_ROOT/deploy/local/kafka/CreateTopics.java" "${args[@]}"
}

kafka_start() {
  ensure_jdk
  kafka_install
  step_begin
  if kafka_running; then
    kafka_topics create >>"$KAFKA_LOG" 2>&1 || warn "kafka: creating topics failed (see ./rhythm logs kafka)"
    step_ok kafka "already running on 127.0.0.1:$KAFKA_PORT (pid $(kafka_pid))"
    return 0
  fi
  require_port_free kafka "$KAFKA_PORT"
  require_port_free kafka-controller "$KAFKA_CONTROLLER_PORT"
  kafka_write_config
  local what=started
  if [[ ! -s "$KAFKA_DIR/data/meta.properties" ]]; then
    local cluster_id
    cluster_id=$(kafka_java kafka.tools.StorageTool random-uuid 2>>"$KAFKA_LOG" | tail -n1)
    [[ -n "$cluster_id" ]] || { show_log_tail "$KAFKA_LOG"; die "kafka: StorageTool random-uuid failed"; }
    kafka_java kafka.tools.StorageTool format --standalone -t "$cluster_id" -c "$KAFKA_PROPS" >>"$KAFKA_LOG" 2>&1 ||
      { show_log_tail "$KAFKA_LOG"; die "kafka: StorageTool format failed"; }
    what="formatted and started"
  fi
  start_detached "$KAFKA_PIDFILE" "$KAFKA_LOG" \
    "$JAVA_HOME/bin/java" -Xms256m -Xmx1g -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$KAFKA_LOG4J" -Drhythm.log.level=INFO \
    -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_PROPS"
  local pid
  pid=$(kafka_pid)
  if ! wait_port "$KAFKA_PORT" 90 "$pid" "$KAFKA_PROPS"; then
    step_fail kafka "broker did not open 127.0.0.1:$KAFKA_PORT"
    show_log_tail "$KAFKA_LOG"
    exit 1
  fi
  # Ready = the admin API answers; topics are created idempotently at the same time.
  if ! kafka_topics create >>"$KAFKA_LOG" 2>&1; then
    step_fail kafka "broker up but creating topics failed"
    show_log_tail "$KAFKA_LOG"
    exit 1
  fi
  step_ok kafka "$what on 127.0.0.1:$KAFKA_PORT (pid $pid, topics ok)"
}

kafka_stop() {
  kafka_paths
  step_begin
  local pid
  pid=$(kafka_pid)
  if stop_group kafka "$KAFKA_PIDFILE" "$KAFKA_PROPS"; then
    step_ok kafka "stopped (pid $pid)"
  else
    return 1
  fi
}

kafka_health() {
  if port_open "$KAFKA_PORT"; then echo "port open"; else echo "port closed"; fi
}
