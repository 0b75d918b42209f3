#!/usr/bin/env bash
# Loads the demo portfolio through the public API (the gateway), idempotently.
#  1. the deterministic APAC portfolio of seed 000 (clients, contacts, three months of signals) and the NPS
#     cycles Q2 and Q4 2026 with their answers, cases, letters and initiatives: demo/ module,
#     java -jar demo/target/rhythm-demo.jar — fails unless every health band is represented
#  2. a segment, an account plan and an engagement for SA Health (stable Idempotency-Keys;
#     what already exists answers 409, which is fine)
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

ADMIN=$(curl -fsS "$KEYCLOAK/realms/rhythm/protocol/openid-connect/token" -d grant_type=password \
  -d client_id=rhythm-frontend -d username=admin -d password=rhythm | sed -E 's/.*"access_token":"([^"]+)".*/\1/')

# post <path> <idempotency-key> <json> → prints "<status> <body>"
post() {
  curl -sS -o /tmp/rhythm-demo.$$ -w '%{http_code}' -X POST "$GATEWAY$1" \
    -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' -H "Idempotency-Key: $2" --data "$3"
  printf ' '; cat /tmp/rhythm-demo.$$; rm -f /tmp/rhythm-demo.$$
}
expect() { # expect <what> <status body>: 2xx and 409 are fine, anything else stops the load
  local status=${2%% *}
  case $status in
    2??) echo "  loaded   $1" ;;
    409) echo "  present  $1" ;;
    *) echo "  FAILED   $1: HTTP $2" >&2; exit 1 ;;
  esac
}

SA_HEALTH=$(curl -fsS "$GATEWAY/api/v1/clients?limit=200" -H "Authorization: Bearer $ADMIN" \
  | grep -o '"id":"[0-9a-f-]*","name":"SA Health"' | head -1 | sed -E 's/"id":"([^"]+)".*/\1/')
[ -n "$SA_HEALTH" ] || { echo "SA Health is not visible through the gateway" >&2; exit 1; }
# the other services learn of the clients from clients.v1: wait until segmentation has SA Health
for _ in $(seq 1 60); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$GATEWAY/api/v1/segments/clients/$SA_HEALTH" -H "Authorization: Bearer $ADMIN")
  [ "$code" = 200 ] && break
  sleep 0.5
done

echo "Segments, plans and engagements (as admin)"
expect "SA Health in Maintain" "$(post /api/v1/segments/assignments demo-sa-health-segment \
  "{\"clientId\":\"$SA_HEALTH\",\"segment\":\"MAINTAIN\",\"reason\":\"NPS volatility: 6.1 average, range 1-9 (NPS Q2 2026)\"}")"
expect "SA Health account plan FY27" "$(post /api/v1/plans demo-sa-health-plan-fy27 \
  "{\"clientId\":\"$SA_HEALTH\",\"fiscalYear\":\"FY27\",\"title\":\"SA Health: stakeholder-specific strategy FY27\"}")"
expect "SA Health QBR" "$(post /api/v1/calendar/activities demo-sa-health-qbr-2026-11 \
  "{\"clientId\":\"$SA_HEALTH\",\"activityType\":\"QBR\",\"occurredOn\":\"2026-11-12\",\"summary\":\"Quarterly business review with the CIO\"}")"
