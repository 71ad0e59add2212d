#!/usr/bin/env bash
# Makes Debian's headless-capable Chromium and its matching chromedriver available for the browser test of
# the dashboard (src/test/java/io/wksemu/ui). Does nothing when both are installed; safe to run any number
# of times. The browser comes from the distribution's packages, never from a download of its own.
set -euo pipefail

log() { echo "[ensure-chromium] $*" >&2; }

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  log "chromium and chromedriver already installed"
  exit 0
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
