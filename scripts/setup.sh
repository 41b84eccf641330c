#!/usr/bin/env bash
# Sets a fresh machine up: Debian's Chromium and firefox-esr (the browsers the demo and the browser tests
# drive; nothing downloads a browser of its own), then the project's npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/firefox-esr ] || need+=(firefox-esr)
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]} from Debian"
  sudo_=""
  [ "$(id -u)" -eq 0 ] || sudo_="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_ apt-get update -qq
  $sudo_ apt-get install -y -qq "${need[@]}" fonts-dejavu-core >/dev/null
fi

npm ci --no-audit --no-fund
