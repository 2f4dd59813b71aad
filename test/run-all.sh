#!/usr/bin/env bash
# `npm test`: build, type check, unit tests (test/unit: in-process, write nothing), integration tests
# (test/integration: the shipped CLI and server built into a temporary folder, packaging, hostile files, the
# fuzz profile), then the real-VS-Code E2E suites (extension host, UI, and the extension host again with the
# workspace untrusted and without network, and the packed .vsix installed).
# Every suite ends with `== <suite>: N passed, N failed (Ns)`; build and type check count as one check each.
# The last line is the total, `N passed, N failed`; the exit status is non-zero when anything failed.
# Env: SKIP_E2E=1 skips the E2E suites (reported as skipped, not as passed); see scripts/e2e-run.sh for more.
set -uo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
cd "$REPO"
# shellcheck source=e2e/harness/counts.sh
source test/e2e/harness/counts.sh
LOGS="$REPO/out/test-logs"
mkdir -p "$LOGS"
total_passed=0
total_failed=0
suite_started=$(date +%s)

record() { # suite passed failed
  echo "== $1: $2 passed, $3 failed ($(( $(date +%s) - suite_started ))s)"
  total_passed=$(( total_passed + $2 ))
  total_failed=$(( total_failed + $3 ))
  suite_started=$(date +%s)
}
check() { # suite command... : one check that passes when the command succeeds
  local name=$1; shift
  if "$@"; then record "$name" 1 0; else record "$name" 0 1; fi
}

if [ ! -d node_modules ]; then npm ci || npm install; fi
suite_started=$(date +%s)

check build npm run build
build_ok=$(( total_failed == 0 ))
check typecheck npx tsc -b
check lint npm run lint

npx mocha --reporter spec 2>&1 | tee "$LOGS/unit.log"
read -r passed failed < <(mocha_counts "$LOGS/unit.log")
record unit "$passed" "$failed"

npm run --silent test:integration -- --reporter spec 2>&1 | tee "$LOGS/integration.log"
read -r passed failed < <(mocha_counts "$LOGS/integration.log")
record integration "$passed" "$failed"

if [ "${SKIP_E2E:-}" = 1 ]; then
  echo "== e2e: skipped (SKIP_E2E=1)"
elif [ "$build_ok" != 1 ]; then
  echo "== e2e: not run, the build failed"
  record e2e 0 1
elif ! bash scripts/e2e-setup.sh 2>&1 | tee "$LOGS/e2e-setup.log"; then
  record e2e-setup 0 1
else
  for suite in exthost ui untrusted offline install; do
    ONLY=$suite bash scripts/e2e-run.sh 2>&1 | tee "$LOGS/e2e-$suite.log"
    line=$(grep -E "^$suite: [0-9]+ passed, [0-9]+ failed$" "$LOGS/e2e-$suite.log" | tail -1)
    if [ -n "$line" ]; then
      read -r passed failed < <(sed -E 's/^[a-z]+: ([0-9]+) passed, ([0-9]+) failed$/\1 \2/' <<<"$line")
      record "e2e-$suite" "$passed" "$failed"
    else
      record "e2e-$suite" 0 1
    fi
  done
fi

echo "$total_passed passed, $total_failed failed"
[ "$total_failed" = 0 ]
