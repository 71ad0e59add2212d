#!/usr/bin/env bash
# Memory of the one-container emulator under the 10,000-desktop load: a fresh container of the image
# (src/main/docker/Dockerfile.jvm, its JVM settings and embedded database), bench/generate.sql's 10,000-desktop
# project written into the embedded database, then wrk on the desktops endpoint (180-day window, limit 100,
# desktop_usage DESC) at 1, 8 and 32 connections. Sampled every 0.5 s: the JVM's resident memory, the
# embedded PostgreSQL's (proportional set size summed over its processes, so its shared buffers count once)
# and the whole container's (podman stats). Prints the peaks. Needs podman and the base images.
# Usage: bench/container-memory.sh; BENCH_PORT (default 18581), BENCH_DURATION (per level, default 8s),
# BENCH_IMAGE (default: built here from target/quarkus-app).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
PORT=${BENCH_PORT:-18581}
DURATION=${BENCH_DURATION:-8s}
NAME=wksemu-bench-memory
NOW=2026-06-15T10:00:00Z
log() { echo "[container-memory] $*" >&2; }
ensure_wrk
IMAGE=${BENCH_IMAGE:-}
if [ -z "$IMAGE" ]; then
  [ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -ntp -DskipTests package
  IMAGE=localhost/wksemu-bench:emulator
  podman build -q --pull=never -f src/main/docker/Dockerfile.jvm -t "$IMAGE" . >/dev/null
fi
trap 'podman rm -f -t 0 "$NAME" >/dev/null 2>&1 || true' EXIT
podman rm -f -t 0 "$NAME" >/dev/null 2>&1 || true
podman run -d --name "$NAME" -p "127.0.0.1:$PORT:8080" "$IMAGE" >/dev/null
APP=http://127.0.0.1:$PORT
until curl -sf -o /dev/null "$APP/q/health/ready"; do sleep 0.2; done
curl -sf -X PUT -H 'Content-Type: application/json' -d "{\"now\":\"$NOW\",\"frozen\":true}" "$APP/_emulator/clock" >/dev/null
podman cp bench/generate.sql "$NAME:/tmp/generate.sql"
podman exec "$NAME" psql -q -h 127.0.0.1 -U wksemu -d wksemu -v project=bench-10k -v desktops=10000 -v seed=42 \
  -v today="${NOW%%T*}" -f /tmp/generate.sql >/dev/null
log "10,000 desktops written into the embedded database"
url="$APP/v2/bench-10k/statistics/metrics/desktops?start_time=2025-12-17T00:00:00Z&end_time=2026-06-15T00:00:00Z&limit=100&sort_field=desktop_usage&sort_type=DESC"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Auth-Token: bench' "$url")" = 200 ] || { curl -s -H 'X-Auth-Token: bench' "$url" >&2; exit 1; }

# kB: the JVM's VmRSS, and the sum of Pss over the postgres processes
sample() {
  podman exec "$NAME" sh -c 'j=0; p=0; for d in /proc/[0-9]*; do c=$(cat $d/comm 2>/dev/null) || continue;
    case $c in java) j=$(awk "/^VmRSS:/ {print \$2}" $d/status);;
      postgres) p=$((p + $(awk "/^Pss:/ {print \$2}" $d/smaps_rollup 2>/dev/null || echo 0)));; esac; done; echo "$j $p"'
}
container_mib() { podman stats --no-stream --format '{{.MemUsage}}' "$NAME" | awk '{v = $1 + 0; if ($1 ~ /GB/) v *= 1000; if ($1 ~ /kB/) v /= 1000; print v}'; }
# What the container's figure holds, from its cgroup's memory.stat (v2: anon and file; v1: rss and cache), in
# MiB: anonymous memory (heaps, stacks, PostgreSQL's private pages) and the page cache charged to the container
# (the files it read or wrote, the AOT cache and the jars among them), which the kernel reclaims under pressure.
cgroup=$(podman inspect --format '{{.State.CgroupPath}}' "$NAME")
memory_stat=/sys/fs/cgroup$cgroup/memory.stat
[ -f "$memory_stat" ] || memory_stat=/sys/fs/cgroup/memory$cgroup/memory.stat
composition() {
  awk '$1 == "anon" || $1 == "total_rss" {a = $2} $1 == "file" || $1 == "total_cache" {f = $2}
       END {printf "%d MiB anonymous, %d MiB page cache", a / 1048576, f / 1048576}' "$memory_stat" 2>/dev/null || echo "composition unknown"
}
peak_j=0 peak_p=0 peak_c=0 peak_composition="composition unknown"
for c in 1 8 32; do
  wrk -H 'X-Auth-Token: bench' -t"$(( c < 2 ? 1 : 2 ))" -c"$c" -d"$DURATION" "$url" >"/tmp/$NAME-wrk-$c.txt" &
  wrk_pid=$!
  while kill -0 "$wrk_pid" 2>/dev/null; do
    read -r j p < <(sample)
    m=$(container_mib)
    [ "$j" -gt "$peak_j" ] && peak_j=$j
    [ "$p" -gt "$peak_p" ] && peak_p=$p
    awk -v m="$m" -v k="$peak_c" 'BEGIN { exit !(m > k) }' && { peak_c=$m; peak_composition=$(composition); }
    sleep 0.5
  done
  log "c=$c: $(grep -m1 'Requests/sec' "/tmp/$NAME-wrk-$c.txt" | tr -s ' ')"
done
echo "peak under the 10,000-desktop load (c=1, 8, 32, $DURATION each): JVM resident $((peak_j / 1024)) MiB," \
  "embedded PostgreSQL $((peak_p / 1024)) MiB (Pss), whole container ${peak_c} MB (podman stats, decimal megabytes;" \
  "then $peak_composition)"
