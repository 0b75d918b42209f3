#!/usr/bin/env bash
# nps-service benchmark of issue 5 (and the nps pod size of issue 16); appends a dated section to bench/RESULTS.md.
#
#   bench/run-nps.sh                                       raw Kafka and GET baselines, 2,000 bench clients × 10 contacts,
#                                                          20,000 responses through the HubSpot import, aggregation over
#                                                          1,000,000 stored responses of those 2,000 clients
#   bench/run-nps.sh --responses 5000 --stored 100000      smaller
#   bench/run-nps.sh --phases aggregate                    only the aggregation
#   bench/run-nps.sh --help                                every option of the harness (later options override the defaults)
#
# Own options (anywhere on the line): --no-build (use the jars in target as they are), --no-append (print the section).
# Like run-planning.sh it does not use env "up": it starts nps-service of this checkout itself, on its own port (28380),
# with a database of its own (nps_bench) on a PostgreSQL it is given, and stops that process when it ends (the shared part
# is bench/service-bench.sh). Every call goes straight to the service (no gateway). Kafka and Keycloak are those it is
# given (users admin/cse, client rhythm-integration).
# Its client directory reads a scratch topic of its own, bench.nps.clients.v1 (created empty for the run, deleted after),
# on which the harness publishes the portfolio, so it waits for no other service's consumers; its consumer groups are its
# own (the segments channel starts at the topic's end). Its outbox IS relayed (the import's latency is measured to each
# SurveyResponseSubmitted on nps.responses.v1): the run's cycles and responses reach the shared broker's nps.* topics,
# which other services' consumers then read past (keep --responses modest on a shared broker).
# Its schedulers (trigger cron, milestone and case scans) are off. The public-link phase needs a mail sink, which the
# shared test infrastructure does not have: it is not in the defaults (run it against env up with the old harness options).
# RHYTHM_BENCH_NPS_JVM: the service's JVM options (default -Xmx1g, as the other services were measured).
# Defaults: the shared test infrastructure (PostgreSQL 25432 with its superuser socket, Kafka 29092, Keycloak 28080).
# The whole run is bounded by RHYTHM_BENCH_TIMEOUT seconds (default 3600).
set -euo pipefail
SERVICE=nps-service HARNESS=NpsBench DB=nps_bench PORT="${RHYTHM_BENCH_NPS_PORT:-28380}"
# shellcheck source=bench/service-bench.sh
source "$(dirname "${BASH_SOURCE[0]}")/service-bench.sh"
CLIENTS_TOPIC=bench.nps.clients.v1

bench_options "$@"
bench_infra
bench_build
"$JAVA" -cp "$BENCH/target/rhythm-bench.jar" io.rhythm.bench.BenchTopic create "$KAFKA" "$CLIENTS_TOPIC" 3
read -r -a jvm <<<"${RHYTHM_BENCH_NPS_JVM:--Xmx1g}"
bench_start "$ROOT/nps-service/target/quarkus-app/quarkus-run.jar" /q/health/ready "${jvm[@]}" \
  "-Dmp.messaging.incoming.clients.topic=$CLIENTS_TOPIC" -Dmp.messaging.incoming.clients.auto.offset.reset=earliest \
  -Drhythm.nps.triggers.cron=off -Drhythm.nps.milestone-scan.every=off -Drhythm.nps.cases.scan-every=off \
  "-Drhythm.nps.public-url=http://127.0.0.1:$PORT"

defaults=(--phases raw,get,setup,import,aggregate --raw-records 200000 --raw-runs 2 --raw-warmup 50000
  --clients 2000 --responses 20000 --stored-clients 2000)
say "running the harness: ${defaults[*]} ${ARGS[*]:-}"
# peak RSS and CPU of the service under the harness (seeding included), for sizing its pod (issue 16)
resources_start nps-service "$SERVICE_PID"
rc=0
bench_harness "$BENCH_TMP/section" --bootstrap "$KAFKA" --clients-topic "$CLIENTS_TOPIC" --nps-group "$SERVICE_GROUP" \
  "${defaults[@]}" "${ARGS[@]}" || rc=$?
{
  printf '\n#### Resources of nps-service under this run (`bench/resources.sh`)\n\n'
  printf 'Sampled every second from the harness start to its end (every phase, the seeding included); started with `%s` (maximum heap %s MiB).\n\n' \
    "${jvm[*]}" "$(bench_jvm_heap "${jvm[@]}")"
  resources_header
  resources_stop nps-service
} > "$BENCH_TMP/resources"
"$JAVA" -cp "$BENCH/target/rhythm-bench.jar" io.rhythm.bench.BenchTopic delete "$KAFKA" "$CLIENTS_TOPIC" || true
[[ -s "$BENCH_TMP/section" ]] && cat "$BENCH_TMP/resources" >> "$BENCH_TMP/section"
bench_section "nps-service benchmark" "$rc" "$BENCH_TMP/section"
exit "$rc"
