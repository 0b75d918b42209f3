#!/usr/bin/env bash
# Accept what the last AccessMatrixTest run observed as the expected access matrix, for a human to review.
#
#   1. run the gateway's AccessMatrixTest (it writes gateway/target/access-matrix.observed.csv and, when the answers
#      differ, prints each difference: "~ operation: caller expected -> observed", then the - expected / + observed rows);
#   2. check every difference against DESIGN.md's security model: an allowed role answered 403, a denied role served,
#      or a status that makes no sense for the matrix's request is a bug to fix in the service, not a row to accept;
#   3. run this script: it keeps the comment block at the top of src/test/resources/access-matrix.csv, replaces the
#      rows by the observed ones and shows the git diff to review; give a why to every non-2xx allowed cell it added
#      (the test refuses one without), then commit.
set -euo pipefail
cd "$(dirname "$0")"
observed=target/access-matrix.observed.csv
expected=src/test/resources/access-matrix.csv
[[ -f $observed ]] || { echo "no $observed: run AccessMatrixTest first" >&2; exit 1; }
[[ $observed -nt $expected ]] || { echo "$observed is older than $expected: run AccessMatrixTest again" >&2; exit 1; }
header=$(head -1 "$observed")
grep -qxF "$header" "$expected" || { echo "the observed header differs from $expected's: $header" >&2; exit 1; }
if grep -nE ',5[0-9][0-9](,|$)' "$observed" >&2; then
  echo "5xx answers above: a server error is a bug to fix, never an expected answer" >&2
  exit 1
fi
tmp=$(mktemp)
grep '^#' "$expected" >"$tmp"
cat "$observed" >>"$tmp"
mv "$tmp" "$expected"
git --no-pager diff --word-diff=color --word-diff-regex='[^,]+' -- "$expected" || true
echo "review the difference above, add a why to every new non-2xx allowed cell, then commit $expected" >&2
