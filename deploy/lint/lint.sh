#!/usr/bin/env bash
# Lints OpenAPI documents with Redocly CLI (recommended) and Spectral (spectral:oas + OWASP API Top 10, with the
# exceptions in .spectral.yaml), the versions pinned in package-lock.json, installed here with `npm ci` from the
# npm registry on first use (no network after that).
# Usage: deploy/lint/lint.sh <openapi.json>...
# The gate of ./rhythm test (module deploy/lint, MergedOpenApiLintTest) runs it over the merged document; alone:
#   ./mvnw -B -pl deploy/lint -am package -DskipTests && deploy/lint/lint.sh deploy/lint/target/openapi/merged-openapi.json
# Policy: 0 errors from either tool (exit status 1 otherwise); warnings are counted and printed by rule.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
command -v node >/dev/null && command -v npm >/dev/null || { echo "node/npm missing: apt-get install -y nodejs npm" >&2; exit 2; }
if [[ ! -x "$here/node_modules/.bin/spectral" || ! -x "$here/node_modules/.bin/redocly" \
      || "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]]; then
  echo "lint: npm ci (versions pinned in deploy/lint/package-lock.json)"
  (cd "$here" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null)
fi
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_UPDATE_NOTIFIER=1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
rc=0
for doc in "$@"; do
  echo "== $doc"
  "$here/node_modules/.bin/redocly" lint "$doc" --format=json >"$tmp/redocly.json" 2>"$tmp/redocly.err" || true
  "$here/node_modules/.bin/spectral" lint "$doc" --ruleset "$here/.spectral.yaml" -f json -o "$tmp/spectral.json" -q \
      >/dev/null 2>"$tmp/spectral.err" || true
  node "$here/summary.js" "$tmp/redocly.json" "$tmp/spectral.json" || {
    rc=1; cat "$tmp/redocly.err" "$tmp/spectral.err" | head -20; }
done
exit $rc
