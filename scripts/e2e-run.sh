#!/usr/bin/env bash
# One E2E pass in real VS Code (code-server + headless chromium), each with its own code-server:
#   1. the mocha suite inside the extension host (test/e2e/suite → out/e2e, harness/exthost.mjs)
#   2. the Playwright UI tests (test/e2e/ui/*.test.mjs, run by mocha)
# Prints `exthost: N passed, N failed` and `ui: N passed, N failed`; exit 0 only when both passed.
# Needs a built extension (npm run build) and scripts/e2e-setup.sh (run here when env.sh is missing).
# Env: E2E_HOME (default .e2e), SHOTS (screenshots, default docs/images), E2E_GREP (exthost test filter),
#      TIMEOUT_S (exthost suite limit), ONLY=exthost|ui.
set -uo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
cd "$REPO"
export E2E_HOME=${E2E_HOME:-$REPO/.e2e}
# shellcheck source=../test/e2e/harness/counts.sh
source test/e2e/harness/counts.sh
[ -f "$E2E_HOME/env.sh" ] || bash scripts/e2e-setup.sh || exit 1
# shellcheck disable=SC1091
source "$E2E_HOME/env.sh"
for f in dist/client.js dist/server.js; do
  [ -f "$f" ] || { echo "[e2e-run] $f missing: run npm run build first" >&2; exit 1; }
done
want() { [ -z "${ONLY:-}" ] || [ "$ONLY" = "$1" ]; }
started=$(date +%s%N)
rc=0

if want exthost; then
  node scripts/e2e-build.mjs || { echo "exthost: 0 passed, 1 failed"; rc=1; }
  [ $rc = 0 ] && { node test/e2e/harness/exthost.mjs || rc=1; }
fi

if want ui; then
  mkdir -p "$E2E_HOME"
  ui_log="$E2E_HOME/ui-mocha.log"
  npx mocha --no-config --no-package --reporter spec --timeout 60000 --slow 5000 'test/e2e/ui/*.test.mjs' 2>&1 | tee "$ui_log"
  read -r passed failed < <(mocha_counts "$ui_log")
  echo "ui: $passed passed, $failed failed"
  [ "$failed" = 0 ] && [ "$passed" -gt 0 ] || rc=1
fi

ms=$(( ($(date +%s%N) - started) / 1000000 ))
echo "[e2e-run] wall time $((ms / 1000)).$(( ms % 1000 / 100 ))s (rc=$rc)"
exit $rc
