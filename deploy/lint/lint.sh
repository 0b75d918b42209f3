#!/usr/bin/env bash
# Lints OpenAPI documents with Redocly CLI (recommended) and Spectral (spectral:oas + OWASP API Top 10),
# the versions pinned in package-lock.json, installed here from the npm registry on first use.
# Usage: deploy/lint/lint.sh <openapi.json>...   (e.g. */target/openapi/openapi.json after ./mvnw package)
# Exit status 1 when either reports an error. NOT yet a gate of ./rhythm test (see README "API contract").
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
command -v npm >/dev/null || { echo "npm missing: apt-get install -y nodejs npm" >&2; exit 2; }
[[ -x "$here/node_modules/.bin/spectral" ]] || (cd "$here" && npm ci --no-audit --no-fund --ignore-scripts >/dev/null)
rc=0
for doc in "$@"; do
  echo "== $doc"
  "$here/node_modules/.bin/redocly" lint "$doc" --format=summary 2>&1 | grep -E '^(error|warning) |validated|errors?\.|valid' || true
  "$here/node_modules/.bin/redocly" lint "$doc" >/dev/null 2>&1 || rc=1
  "$here/node_modules/.bin/spectral" lint "$doc" --ruleset "$here/.spectral.yaml" -f text -q -D 2>/dev/null | tail -3 || rc=1
  "$here/node_modules/.bin/spectral" lint "$doc" --ruleset "$here/.spectral.yaml" -q >/dev/null 2>&1 || rc=1
done
exit $rc
