#!/usr/bin/env bash
# Runs the whole test suite against a real PostgreSQL (started here when none is reachable): unit and
# @QuarkusTest tests, then the integration tests that start the packaged emulator as separate processes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-postgres.sh
exec mvn -B -ntp verify "$@"
