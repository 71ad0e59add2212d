#!/usr/bin/env bash
# Runs the whole test suite against a real PostgreSQL (started here when none is reachable): unit and
# @QuarkusTest tests, then the integration tests that start the packaged emulator as separate processes.
# The tests use a database of their own, WKSEMU_TEST_DB (default wksemu_test), never the one
# scripts/run.sh serves, so a running emulator keeps its data and its clock.
set -euo pipefail
cd "$(dirname "$0")/.."
export WKSEMU_TEST_DB=${WKSEMU_TEST_DB:-wksemu_test}
DB_NAME=$WKSEMU_TEST_DB bash scripts/ensure-postgres.sh
exec ./mvnw -B -ntp verify "$@"
