#!/usr/bin/env bash
# Prints the JVM flags of the container image (the JAVA_OPTS line of src/main/docker/Dockerfile.jvm), so that
# scripts/run.sh and the benchmarks run the emulator as the image does. The class-data archive flag is
# dropped when target/quarkus-app/app-cds.jsa does not exist (a build with the archive disabled).
set -euo pipefail
cd "$(dirname "$0")/.."
opts=$(sed -n 's/^ENV JAVA_OPTS="\([^"]*\)".*$/\1/p' src/main/docker/Dockerfile.jvm)
[ -n "$opts" ] || { echo "no JAVA_OPTS line in src/main/docker/Dockerfile.jvm" >&2; exit 1; }
if [ ! -f target/quarkus-app/app-cds.jsa ]; then
  opts=$(sed 's/ *-XX:SharedArchiveFile=[^ ]*//' <<<"$opts")
fi
echo "$opts"
