#!/usr/bin/env bash
# Container start to first answer, as a CI job sees it: from `podman run` of a fresh container to the first
# 200 of the desktops endpoint, median of N (default 5) runs, the emulator's image (src/main/docker/Dockerfile.jvm,
# its embedded database, the seed) side by side with WireMock 3.13.2 standalone in a container on the same JRE
# base (bench/wiremock.Containerfile) answering one stub with a 100-desktop body. Runs alternate between the
# two, so both see the same machine. Needs podman and the base images (scripts/verify-containers.sh says how).
# Usage: bench/container-startup.sh [runs]; BENCH_PORT (default 18580).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
PORT=${BENCH_PORT:-18580}
OUT=$PWD/target/bench/container
WIREMOCK_JAR=target/bench/wiremock-standalone-3.13.2.jar
PROJECT=0b5c3a1d9e8f4b7a8c6d5e4f3a2b1c0d
log() { echo "[container-startup] $*" >&2; }

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -ntp -DskipTests package
[ -f "$WIREMOCK_JAR" ] || ./mvnw -B -q -ntp dependency:copy -Dartifact=org.wiremock:wiremock-standalone:3.13.2 -DoutputDirectory=target/bench
rm -rf "$OUT" && mkdir -p "$OUT/wiremock/mappings"
cp "$WIREMOCK_JAR" "$OUT/wiremock/"
/usr/bin/python3 - "$OUT/wiremock/mappings/desktops.json" "$PROJECT" <<'PY'
import json, sys
items = [{"resource_id": "5e7c1a52-3f1e-4b8e-9d2a-%012d" % i, "resource_name": "desktop-%03d" % i,
          "metric": [{"metric_name": "desktop_usage", "metric_value": 3600.0 * i},
                     {"metric_name": "desktop_idle_duration", "metric_value": 0.0}]} for i in range(100)]
stub = {"request": {"method": "GET", "urlPath": "/v2/%s/statistics/metrics/desktops" % sys.argv[2]},
        "response": {"status": 200, "headers": {"Content-Type": "application/json"},
                     "body": json.dumps({"count": 100, "items": items})}}
json.dump(stub, open(sys.argv[1], "w"))
PY
podman build -q --pull=never -f src/main/docker/Dockerfile.jvm -t localhost/wksemu-bench:emulator . >/dev/null
podman build -q --pull=never -f bench/wiremock.Containerfile -t localhost/wksemu-bench:wiremock "$OUT/wiremock" >/dev/null
log "images: emulator $(podman image inspect --format '{{.Size}}' localhost/wksemu-bench:emulator | numfmt --to=si) B," \
    "wiremock $(podman image inspect --format '{{.Size}}' localhost/wksemu-bench:wiremock | numfmt --to=si) B"

url="http://localhost:$PORT/v2/$PROJECT/statistics/metrics/desktops?start_time=$(date -u -d '-30 days' +%Y-%m-%dT00:00:00Z)&end_time=$(date -u +%Y-%m-%dT00:00:00Z)"
now_ms() { date +%s%3N; }
measure() {  # measure IMAGE: milliseconds from `podman run` to the first 200
  local start status
  start=$(now_ms)
  podman run -d --name wksemu-bench-run -p "$PORT:8080" "$1" >/dev/null
  until status=$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Auth-Token: bench' "$url") && [ "$status" = 200 ]; do
    [ $(( $(now_ms) - start )) -lt 60000 ] || { podman logs wksemu-bench-run | tail -20 >&2; return 1; }
    sleep 0.02
  done
  echo $(( $(now_ms) - start ))
  podman rm -f -t 0 wksemu-bench-run >/dev/null
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
trap 'podman rm -f -t 0 wksemu-bench-run >/dev/null 2>&1 || true' EXIT
podman rm -f -t 0 wksemu-bench-run >/dev/null 2>&1 || true
emulator=() wiremock=()
for i in $(seq 1 "$RUNS"); do
  emulator+=("$(measure localhost/wksemu-bench:emulator)")
  wiremock+=("$(measure localhost/wksemu-bench:wiremock)")
  log "run $i: emulator ${emulator[-1]} ms, wiremock ${wiremock[-1]} ms"
done
e=$(printf '%s\n' "${emulator[@]}" | median)
w=$(printf '%s\n' "${wiremock[@]}" | median)
echo "container start to first 200, median of $RUNS: emulator $e ms (runs: ${emulator[*]}), WireMock 3.13.2 $w ms (runs: ${wiremock[*]})"
