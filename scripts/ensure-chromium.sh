#!/usr/bin/env bash
# Makes a headless-capable Chromium (or Chrome) and a matching chromedriver available for the browser test of
# the dashboard (src/test/java/io/wksemu/ui/Chromium.java finds them the same way). Does nothing when a pair is
# there already: CHROME_BIN and CHROMEDRIVER when set, Debian's chromium and chromedriver, or the google-chrome
# and $CHROMEWEBDRIVER/chromedriver that GitHub's Ubuntu runners ship. Otherwise installs Debian's packages;
# on other systems it stops and says what to set. The browser never comes from a download of its own.
set -euo pipefail

log() { echo "[ensure-chromium] $*" >&2; }

found() {  # found BROWSER DRIVER: both executable
  [ -n "$1" ] && [ -x "$1" ] && [ -n "$2" ] && [ -x "$2" ]
}
driver=${CHROMEDRIVER:-}
if [ -n "${CHROME_BIN:-}" ] || [ -n "$driver" ]; then
  found "${CHROME_BIN:-}" "$driver" && { log "using CHROME_BIN=$CHROME_BIN and CHROMEDRIVER=$driver"; exit 0; }
  log "CHROME_BIN (${CHROME_BIN:-unset}) and CHROMEDRIVER (${driver:-unset}) must both name executables"; exit 1
fi
for browser in /usr/bin/chromium /usr/bin/google-chrome /usr/bin/google-chrome-stable; do
  for driver in /usr/bin/chromedriver "${CHROMEWEBDRIVER:+$CHROMEWEBDRIVER/chromedriver}"; do
    if found "$browser" "$driver"; then
      log "using $browser with $driver"
      exit 0
    fi
  done
done

if ! command -v apt-get >/dev/null 2>&1 || ! grep -qi '^ID=debian' /etc/os-release 2>/dev/null; then
  log "no Chromium or Chrome with a chromedriver found, and this is not Debian (whose chromium packages this" \
    "script installs): install a browser and its matching chromedriver, then set CHROME_BIN and CHROMEDRIVER"
  exit 1
fi

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi
}

log "installing Debian's chromium and chromium-driver"
as_root apt-get -o DPkg::Lock::Timeout=600 update -qq
DEBIAN_FRONTEND=noninteractive as_root apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
  chromium chromium-driver fonts-dejavu-core >/dev/null
command -v chromium >/dev/null && command -v chromedriver >/dev/null
log "installed $(chromium --version 2>/dev/null || echo chromium)"
