#!/usr/bin/env bash
# Loads the demo portfolio through the public API (the gateway), idempotently.
# everything through the demo/ module (java -jar demo/target/rhythm-demo.jar), in order:
#  1. the deterministic APAC portfolio of seed 000 (clients, contacts, three months of signals) — fails unless
#     every health band is represented — and the NPS cycles Q2 and Q4 2026 with answers, cases, letters, initiatives
#  2. calendar: a year of engagement activities planned then held (back-filled), six meetings planned in the
#     fortnight after the load day, the seed calendar's deliverables as on 4 December 2026
#  3. segments: every client assigned by the default model (all six segments), the Segmentation Model Review's model
#     activated dated 12 June 2026 (segments, and so the register's cadences, count from then), the AVP's override of SA Health
#  4. FY2026 account plans with stakeholders, opportunities and risks (seed 000's pipeline and attrition figures),
#     quotas, renewal windows opened
#  5. workflows: a QBR, an Annual Renewal and a Client Health Check running (each waiting on a step), a Client
#     Health Check and a Billing Dispute completed; a readiness assessment of the APAC region with its report
# and prints the figures (plan metrics, segments, concentration, register compliance), a feed URL and a meeting-brief URL.
# Usage: deploy/demo/load-demo.sh [gateway-url] [keycloak-url]
set -euo pipefail

GATEWAY=${1:-${RHYTHM_GATEWAY_URL:-http://127.0.0.1:8080}}
KEYCLOAK=${2:-${RHYTHM_KEYCLOAK_URL:-http://127.0.0.1:18080}}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAR="$ROOT/demo/target/rhythm-demo.jar"

[ -f "$JAR" ] || { echo "missing $JAR: build first (./mvnw -q package -DskipTests -pl demo)" >&2; exit 1; }
echo "Portfolio (clients, contacts, signals) and NPS"
"$JAVA" -jar "$JAR" "$GATEWAY" "$KEYCLOAK"
