#!/usr/bin/env bash
# Runs the whole test suite against a real PostgreSQL (started here when none is reachable): unit and
# @QuarkusTest tests, then the integration tests that start the packaged emulator as separate processes,
# then the tests of the Java-test module (testcontainers/) against that packaged emulator.
# The tests use a database of their own, WKSEMU_TEST_DB (default wksemu_test), never the one
# scripts/run.sh serves, so a running emulator keeps its data and its clock.
set -euo pipefail
cd "$(dirname "$0")/.."
export WKSEMU_TEST_DB=${WKSEMU_TEST_DB:-wksemu_test}
DB_NAME=$WKSEMU_TEST_DB bash scripts/ensure-postgres.sh
# the dashboard's browser test drives Debian's chromium through chromedriver
bash scripts/ensure-chromium.sh
./mvnw -B -ntp verify "$@"
# the Java-test module (testcontainers/): its client and extension against the emulator just packaged
exec ./mvnw -B -ntp -f testcontainers/pom.xml verify
