#!/usr/bin/env bash
# Builds the emulator, makes PostgreSQL reachable, and starts the emulator seeded from seed/ on port 8080
# (QUARKUS_HTTP_PORT to change it). Extra arguments are passed to the JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-postgres.sh
if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ -n "$(find src seed pom.xml -newer target/quarkus-app/quarkus-run.jar -print -quit)" ]; then
  ./mvnw -B -q -DskipTests package
fi
exec java "$@" -jar target/quarkus-app/quarkus-run.jar
