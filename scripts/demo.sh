#!/usr/bin/env bash
# The main job: try kops Spec in a real VS Code in your browser.
#   bash scripts/demo.sh            → http://127.0.0.1:8080/ with samples/ open (PORT=… HOST=… override)
# Installs npm deps if missing, builds, installs code-server once (scripts/e2e-setup.sh, under .e2e/;
# apt-get needs root if chromium/libkrb5-dev are missing), then serves until Ctrl+C.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
cd "$REPO"
PORT=${PORT:-8080}
HOST=${HOST:-127.0.0.1}

if [ ! -d node_modules ]; then
  echo "[demo] npm install"
  npm ci || npm install
fi
echo "[demo] npm run build"
npm run build
bash scripts/e2e-setup.sh
exec node test/e2e/harness/serve.mjs "$PORT" "$REPO/samples" "$HOST"
