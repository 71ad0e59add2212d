#!/usr/bin/env bash
# Builds the emulator, makes PostgreSQL reachable, and starts the emulator seeded from seed/ on port 8080
# (QUARKUS_HTTP_PORT to change it), with the container image's JVM flags (scripts/jvm-opts.sh: 144 MiB heap,
# serial GC, C1 only, the class-data archive built at package time); JAVA_OPTS replaces them. Extra
# arguments are passed to the JVM. It runs inside target/quarkus-app, as the archive requires.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-postgres.sh
if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ -n "$(find src seed pom.xml -newer target/quarkus-app/quarkus-run.jar -print -quit)" ]; then
  ./mvnw -B -q -DskipTests package
fi
JAVA_OPTS=${JAVA_OPTS:-$(bash scripts/jvm-opts.sh)}
export EMULATOR_SEED_DIR=${EMULATOR_SEED_DIR:-$PWD/seed}
cd target/quarkus-app
# shellcheck disable=SC2086
exec java $JAVA_OPTS "$@" -jar quarkus-run.jar
