#!/usr/bin/env bash
# Loads the demo portfolio through the public API (the gateway), idempotently: stable
# Idempotency-Keys make retries replay, and what already exists answers 409, which is fine.
# Usage: deploy/demo/load-demo.sh [gateway-url] [keycloak-url]
set -euo pipefail

GATEWAY=${1:-${RHYTHM_GATEWAY_URL:-http://127.0.0.1:8080}}
KEYCLOAK=${2:-${RHYTHM_KEYCLOAK_URL:-http://127.0.0.1:18080}}
SECRET=${RHYTHM_INTEGRATION_SECRET:-integration-secret}
HERE=$(cd "$(dirname "$0")" && pwd)

token() { # token <form fields...>
  curl -fsS "$KEYCLOAK/realms/rhythm/protocol/openid-connect/token" "$@" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
INTEGRATION=$(token -d grant_type=client_credentials -d client_id=rhythm-integration -d "client_secret=$SECRET")
ADMIN=$(token -d grant_type=password -d client_id=rhythm-frontend -d username=admin -d password=rhythm)

# post <token> <path> <idempotency-key> <json> → prints "<status> <body>"
post() {
  curl -sS -o /tmp/rhythm-demo.$$ -w '%{http_code}' -X POST "$GATEWAY$2" \
    -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -H "Idempotency-Key: $3" --data "$4"
  printf ' '; cat /tmp/rhythm-demo.$$; rm -f /tmp/rhythm-demo.$$
}
expect() { # expect <what> <status body>: 2xx and 409 are fine, anything else stops the load
  local status=${2%% *}
  case $2 in *'"REJECTED"'*) echo "  FAILED   $1: a row was rejected: ${2#* }" >&2; exit 1 ;; esac
  case $status in
    2??) echo "  loaded   $1" ;;
    409) echo "  present  $1" ;;
    *) echo "  FAILED   $1: HTTP $2" >&2; exit 1 ;;
  esac
}
id_of() { # id_of <client name>: from the admin's portfolio
  curl -fsS "$GATEWAY/api/v1/clients?limit=200" -H "Authorization: Bearer $ADMIN" \
    | grep -o "\"id\":\"[0-9a-f-]*\",\"name\":\"$1\"" | head -1 | sed -E 's/"id":"([^"]+)".*/\1/'
}

echo "Clients (CRM sync as the integration client)"
while IFS= read -r client; do
  [ -n "$client" ] || continue
  key=$(sed -E 's/.*"hubspot":"([^"]+)".*/\1/' <<<"$client")
  name=$(sed -E 's/^\{"name":"([^"]+)".*/\1/' <<<"$client")
  expect "$name" "$(post "$INTEGRATION" /api/v1/clients "$key" "$client")"
done < "$HERE/clients.jsonl"

SA_HEALTH=$(id_of "SA Health")
[ -n "$SA_HEALTH" ] || { echo "SA Health is not visible through the gateway" >&2; exit 1; }

# the other services learn of the clients from clients.v1: wait until segmentation has SA Health
for _ in $(seq 1 60); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$GATEWAY/api/v1/segments/clients/$SA_HEALTH" -H "Authorization: Bearer $ADMIN")
  [ "$code" = 200 ] && break
  sleep 0.5
done

echo "Contacts (as the integration client)"
while IFS=$'\t' read -r client name email title roles subscribed; do
  case $client in ''|'#'*) continue ;; esac
  id=$(id_of "$client")
  roles_json=$(sed -E 's/([A-Z_]+)/"\1"/g' <<<"$roles")
  email_json=$([ -n "$email" ] && printf '"%s"' "$email" || printf 'null')
  expect "$client: $name" "$(post "$INTEGRATION" "/api/v1/clients/$id/contacts" "demo-contact-$id-${name// /-}" \
    "{\"name\":\"$name\",\"email\":$email_json,\"title\":\"$title\",\"stakeholderRoles\":[$roles_json],\"subscribed\":$subscribed}")"
done < "$HERE/contacts.tsv"

echo "Signals (usage, support, billing, NPS; every client scored at once)"
for client in "SA Health" "WA Health" "GHA" "Sunrise" "Northern Care Network" "Coastal Pathology"; do
  id=$(id_of "$client")
  slug=$(tr 'A-Z ' 'a-z-' <<<"$client")
  rows=$(awk -F'\t' -v c="$client" -v id="$id" -v slug="$slug" '$1 == c {
      printf "%s{\"eventId\":\"demo-%s-%s\",\"clientId\":\"%s\",\"metric\":\"%s\",\"value\":%s,\"occurredAt\":\"2026-11-01T00:00:00Z\"}",
        (n++ ? "," : ""), slug, $2, id, $2, $3 }' "$HERE/signals.tsv")
  expect "$client signals" "$(post "$INTEGRATION" /api/v1/signals "demo-signals-$slug" "{\"signals\":[$rows]}")"
done

echo "NPS, segments, plans and engagements (as admin)"
expect "NPS Q4 2026 cycle" "$(post "$ADMIN" /api/v1/nps/cycles demo-nps-q4-2026 \
  '{"name":"NPS Q4 2026","openDate":"2026-10-07","closeDate":"2026-10-21"}')"
expect "SA Health in Maintain" "$(post "$ADMIN" /api/v1/segments/assignments demo-sa-health-segment \
  "{\"clientId\":\"$SA_HEALTH\",\"segment\":\"MAINTAIN\",\"reason\":\"NPS volatility: 6.1 average, range 1-9 (NPS Q2 2026)\"}")"
expect "SA Health account plan FY27" "$(post "$ADMIN" /api/v1/plans demo-sa-health-plan-fy27 \
  "{\"clientId\":\"$SA_HEALTH\",\"fiscalYear\":\"FY27\",\"title\":\"SA Health: stakeholder-specific strategy FY27\"}")"
expect "SA Health QBR" "$(post "$ADMIN" /api/v1/calendar/activities demo-sa-health-qbr-2026-11 \
  "{\"clientId\":\"$SA_HEALTH\",\"activityType\":\"QBR\",\"occurredOn\":\"2026-11-12\",\"summary\":\"Quarterly business review with the CIO\"}")"
