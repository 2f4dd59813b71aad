#!/usr/bin/env bash
# One E2E pass in real VS Code (code-server + headless chromium), each with its own code-server:
#   1. the mocha suite inside the extension host (test/e2e/suite → out/e2e, harness/exthost.mjs)
#   2. the Playwright UI tests (test/e2e/ui/*.test.mjs, run by mocha)
#   3. untrusted: the extension-host suite's `untrusted workspace` tests, workspace trust on, folder untrusted
#   4. offline: the whole extension-host suite inside a network namespace with only loopback (unshare --net)
#   5. install: the .vsix packed by scripts/package.mjs, installed with code-server --install-extension, and
#      the install suite (test/e2e/install → out/e2e-install) run against that installed copy
# Prints `<suite>: N passed, N failed` for each; exit 0 only when all passed.
# Needs a built extension (npm run build) and scripts/e2e-setup.sh (run here when env.sh is missing).
# Env: E2E_HOME (default .e2e), SHOTS (screenshots, default out/screenshots), E2E_GREP (exthost test filter),
#      TIMEOUT_S (exthost suite limit), ONLY=exthost|ui|untrusted|offline|install.
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

built=0
e2e_build() { [ "$built" = 1 ] || { node scripts/e2e-build.mjs && built=1; }; }
# Runs a command in a new network namespace, where only loopback exists (as root, else in a user namespace).
netns() {
  if unshare --net true 2>/dev/null; then unshare --net "$@"
  elif unshare --user --map-root-user --net true 2>/dev/null; then unshare --user --map-root-user --net "$@"
  else echo "[e2e-run] offline: cannot create a network namespace (unshare --net needs root or user namespaces)" >&2; return 1
  fi
}

if want exthost; then
  if e2e_build; then node test/e2e/harness/exthost.mjs || rc=1; else echo "exthost: 0 passed, 1 failed"; rc=1; fi
fi

if want ui; then
  mkdir -p "$E2E_HOME"
  ui_log="$E2E_HOME/ui-mocha.log"
  npx mocha --no-config --no-package --reporter spec --timeout 60000 --slow 5000 'test/e2e/ui/*.test.mjs' 2>&1 | tee "$ui_log"
  read -r passed failed < <(mocha_counts "$ui_log")
  echo "ui: $passed passed, $failed failed"
  [ "$failed" = 0 ] && [ "$passed" -gt 0 ] || rc=1
fi

if want untrusted; then
  if e2e_build; then
    E2E_LABEL=untrusted E2E_WORKSPACE_TRUST=untrusted E2E_GREP='untrusted workspace' node test/e2e/harness/exthost.mjs || rc=1
  else echo "untrusted: 0 passed, 1 failed"; rc=1; fi
fi

if want offline; then
  if ! e2e_build || ! netns true; then echo "offline: 0 passed, 1 failed"; rc=1
  else
    E2E_LABEL=offline E2E_NETWORK=none netns sh -c \
      'ip link set lo up || { echo "offline: 0 passed, 1 failed"; exit 1; }; exec node test/e2e/harness/exthost.mjs' || rc=1
  fi
fi

if want install; then
  vsix="$E2E_HOME/vsix/kops-spec.vsix"
  mkdir -p "$(dirname "$vsix")"
  if e2e_build && node scripts/package.mjs --out "$vsix" > "$E2E_HOME/vsix/package.log" 2>&1; then
    E2E_LABEL=install VSIX="$vsix" TESTS="$REPO/out/e2e-install/index.js" node test/e2e/harness/exthost.mjs || rc=1
  else
    tail -20 "$E2E_HOME/vsix/package.log"; echo "install: 0 passed, 1 failed"; rc=1
  fi
fi

ms=$(( ($(date +%s%N) - started) / 1000000 ))
echo "[e2e-run] wall time $((ms / 1000)).$(( ms % 1000 / 100 ))s (rc=$rc)"
exit $rc
