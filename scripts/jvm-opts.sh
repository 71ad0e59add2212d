#!/usr/bin/env bash
# Prints the JVM flags of the container image (the JAVA_OPTS line of src/main/docker/Dockerfile.jvm), so that
# scripts/run.sh and the benchmarks run the emulator as the image does. The image's AOT cache is trained by the
# image's own JDK 25 and never leaves it; on the host its place is taken by the class-data archive built at
# package time (target/quarkus-app/app-cds.jsa, which JDK 17 and later read), dropped when it does not exist.
set -euo pipefail
cd "$(dirname "$0")/.."
opts=$(sed -n 's/^ENV JAVA_OPTS="\([^"]*\)".*$/\1/p' src/main/docker/Dockerfile.jvm)
[ -n "$opts" ] || { echo "no JAVA_OPTS line in src/main/docker/Dockerfile.jvm" >&2; exit 1; }
archive=""
[ -f target/quarkus-app/app-cds.jsa ] && archive="-XX:SharedArchiveFile=app-cds.jsa"
sed "s/-XX:AOTCache=[^ ]*/$archive/; s/  */ /g" <<<"$opts"
