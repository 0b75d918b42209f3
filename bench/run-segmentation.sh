#!/usr/bin/env bash
# segmentation-service benchmark of issue 11; appends a dated section to bench/RESULTS.md.
#
#   bench/run-segmentation.sh                              at the issue's size: 100,000 clients, re-segmentation on model
#                                                          activation (< 10 s) and the compliance roll-up (p99 < 500 ms)
#   bench/run-segmentation.sh --clients 10000 --calls 10   smaller
#   bench/run-segmentation.sh --help                       every option of the harness
#
# Own options (anywhere on the line): --no-build (use the jars in target as they are), --no-append (print the section).
# Like run-planning.sh it does not use env "up": it starts segmentation-service of this checkout itself, on its own
# port (28201), with a database of its own (segmentation_bench, emptied by the harness) on a PostgreSQL it is given,
# and stops that process when it ends (the shared part is bench/service-bench.sh). Kafka and Keycloak are those it is given (users admin/cse, password rhythm);
# its consumer groups are its own and start at the topics' end; its outbox is relayed (after each commit) to a scratch
# topic of its own, bench.segments.migrations.v1 (rhythm.outbox.topic-prefix=bench.; created empty, deleted after), never
# to the topics the tests and services read.
# Defaults: the shared test infrastructure (PostgreSQL 25432 with its superuser socket, Kafka 29092, Keycloak 28080).
# The whole run is bounded by RHYTHM_BENCH_TIMEOUT seconds (default 3600).
# RHYTHM_BENCH_SEGMENTATION_DB: another database (and role) than segmentation_bench, e.g. for a branch whose Flyway
# migrations differ from the ones applied there (Flyway refuses a database with a migration it does not know).
# RHYTHM_BENCH_SEGMENTATION_JVM: the service's JVM options (default -Xmx1g). To run it as in its pod (issue 16: 1536Mi
# limit, deploy/k8s/base/segmentation-service.yaml's JAVA_OPTS_APPEND, the base image's GC options) without a cgroup:
#   RHYTHM_BENCH_SEGMENTATION_JVM="-XX:MaxRAM=1536m -XX:MaxRAMPercentage=60 -XX:InitialRAMPercentage=40 -XX:+ExitOnOutOfMemoryError
#     -XX:+UseParallelGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:GCTimeRatio=4 -XX:AdaptiveSizePolicyWeight=90"
set -euo pipefail
SERVICE=segmentation-service HARNESS=SegmentationBench DB="${RHYTHM_BENCH_SEGMENTATION_DB:-segmentation_bench}" PORT="${RHYTHM_BENCH_SEGMENTATION_PORT:-28201}"
# shellcheck source=bench/service-bench.sh
source "$(dirname "${BASH_SOURCE[0]}")/service-bench.sh"

bench_options "$@"
bench_infra
bench_build
# the outbox goes to bench.* topics only (the relay runs after each commit as in production; no timed poll)
EVENTS_TOPIC=bench.segments.migrations.v1
"$JAVA" -cp "$BENCH/target/rhythm-bench.jar" io.rhythm.bench.BenchTopic create "$KAFKA" "$EVENTS_TOPIC" 3
read -r -a jvm <<<"${RHYTHM_BENCH_SEGMENTATION_JVM:--Xmx1g}"
bench_start "$ROOT/segmentation-service/target/quarkus-app/quarkus-run.jar" /q/health/ready \
  "${jvm[@]}" "-Dmp.messaging.incoming.client-revenue.group.id=$SERVICE_GROUP-client-revenue" -Drhythm.outbox.poll-interval=24h \
  -Drhythm.outbox.topic-prefix=bench.

say "running the harness: ${ARGS[*]:-(defaults)}"
resources_start segmentation-service "$SERVICE_PID"
rc=0
bench_harness "$BENCH_TMP/section" "${ARGS[@]}" || rc=$?
{
  printf '\n#### Resources of the service under the bench (bench/resources.sh; service started with `%s`)\n\n' "${jvm[*]}"
  # the heap the JVM chose with those options, so that the row says what it was measured at
  printf 'Maximum heap the JVM chose with these options: %s MiB.\n\n' "$(bench_jvm_heap "${jvm[@]}")"
  resources_header
  resources_stop segmentation-service
} > "$BENCH_TMP/resources"
[[ -s "$BENCH_TMP/section" ]] && cat "$BENCH_TMP/resources" >> "$BENCH_TMP/section"
"$JAVA" -cp "$BENCH/target/rhythm-bench.jar" io.rhythm.bench.BenchTopic delete "$KAFKA" "$EVENTS_TOPIC" || true
bench_section "segmentation-service benchmark" "$rc" "$BENCH_TMP/section"
exit "$rc"
