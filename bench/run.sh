#!/usr/bin/env bash
# Benchmarks GET /v2/{project_id}/statistics/metrics/desktops end to end: makes PostgreSQL reachable,
# builds and starts the packaged emulator on loopback with a frozen clock, generates a 100-desktop and a
# 10,000-desktop project (bench/generate.sql), drives the endpoint with wrk at several concurrency levels,
# then serves the 100-desktop answer from a WireMock static stub and drives that the same way. Prints a
# markdown summary and writes it to bench/results/summary.md. Everything listens on 127.0.0.1 only; every
# loop is bounded; the processes started here are stopped on exit.
#
# Settings (environment): DB_NAME (default wksemu_bench; the generator wipes only its own projects),
# BENCH_DURATION (wrk duration per run, default 10s), BENCH_CONNECTIONS (default "1 8 32"), BENCH_JAVA_OPTS
# (the emulator's JVM flags; default the container image's, from scripts/jvm-opts.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

export DB_HOST=${DB_HOST:-localhost} DB_PORT=${DB_PORT:-5432} DB_NAME=${DB_NAME:-wksemu_bench}
export DB_USERNAME=${DB_USERNAME:-wksemu} DB_PASSWORD=${DB_PASSWORD:-wksemu}
DURATION=${BENCH_DURATION:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-"1 8 32"}
NOW=2026-06-15T10:00:00Z
WINDOW="start_time=2025-12-17T00:00:00Z&end_time=2026-06-15T00:00:00Z"
WIREMOCK_VERSION=3.13.2
TOOLS=target/bench-tools
RESULTS=bench/results

log() { echo "[bench] $*" >&2; }

WORK=$(mktemp -d)
APP_PID="" WM_PID=""
cleanup() {
  for pid in $APP_PID $WM_PID; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- prerequisites --------------------------------------------------------------------------------------
bash scripts/ensure-postgres.sh
ensure_wrk
if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ -n "$(find src/main/java src/main/resources pom.xml -newer target/quarkus-app/quarkus-run.jar -print -quit)" ]; then
  log "building"
  mvn -B -q -DskipTests package >&2
fi
WM_JAR=$TOOLS/wiremock-standalone-$WIREMOCK_VERSION.jar
if [ ! -f "$WM_JAR" ]; then
  log "fetching WireMock $WIREMOCK_VERSION"
  mvn -B -q dependency:copy -Dartifact=org.wiremock:wiremock-standalone:$WIREMOCK_VERSION -DoutputDirectory=$TOOLS >&2
fi

# --- emulator ---------------------------------------------------------------------------------------------
APP_PORT=$(free_port 18300)
mkdir -p "$WORK/seed"
JAVA_OPTS=${BENCH_JAVA_OPTS:-$(bash scripts/jvm-opts.sh)}
log "starting the emulator on 127.0.0.1:$APP_PORT with $JAVA_OPTS"
# shellcheck disable=SC2086
QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$APP_PORT EMULATOR_SEED_DIR="$WORK/seed" \
  env -C target/quarkus-app java $JAVA_OPTS -jar quarkus-run.jar >"$WORK/app.log" 2>&1 &
APP_PID=$!
wait_for "http://127.0.0.1:$APP_PORT/_emulator/clock" 60 "$APP_PID" || { tail -20 "$WORK/app.log" >&2; exit 1; }
APP=http://127.0.0.1:$APP_PORT
curl -sf -X PUT -H 'Content-Type: application/json' -d "{\"now\":\"$NOW\",\"frozen\":true}" "$APP/_emulator/clock" >/dev/null

psql_bench() {
  PGPASSWORD=$DB_PASSWORD psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USERNAME" -d "$DB_NAME" -q -v ON_ERROR_STOP=1 "$@"
}
for spec in bench-100:100 bench-10k:10000; do
  start=$SECONDS
  psql_bench -v project="${spec%%:*}" -v desktops="${spec##*:}" -v seed=42 -v today="${NOW%%T*}" \
    -f bench/generate.sql >"$WORK/generate.out"
  log "generated ${spec%%:*} in $((SECONDS - start)) s: $(sed -n 3p "$WORK/generate.out" | tr -s ' ')"
done

# --- load ------------------------------------------------------------------------------------------------
declare -A QUERY=(
  [usage]="$WINDOW&limit=100&sort_field=desktop_usage&sort_type=DESC"
  [idle]="$WINDOW&limit=100&sort_field=desktop_idle_duration"
  [filtered]="$WINDOW&limit=100&resource_name=dev&min_idle_days=1&usage_min_hours=100&sort_field=desktop_usage"
  [usage1]="$WINDOW&limit=1&sort_field=desktop_usage&sort_type=DESC"
)
LABEL_usage="no filter, desktop_usage DESC"
LABEL_idle="no filter, desktop_idle_duration DESC"
LABEL_filtered="resource_name + min_idle_days + usage_min_hours"
url_of() { echo "$APP/v2/$1/statistics/metrics/desktops?${QUERY[$2]}"; }

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "warming up"
for scenario in usage idle filtered; do
  wrk -H 'X-Auth-Token: bench-token' -t2 -c8 -d5s "$(url_of bench-100 $scenario)" >/dev/null
done
# The 10,000-desktop index is built by the first query of that project: the live heap before and after it
# (each histogram runs a full GC first) is what the index holds.
heap_before=$(heap_live_bytes)
curl -sf -H "X-Auth-Token: bench-token" -o /dev/null "$(url_of bench-10k usage)"
heap_after=$(heap_live_bytes)
INDEX_MB=$(awk -v a="$heap_after" -v b="$heap_before" 'BEGIN { printf "%.1f", (a - b) / 1048576 }')
for scenario in usage idle filtered; do
  wrk -H 'X-Auth-Token: bench-token' -t2 -c8 -d5s "$(url_of bench-10k $scenario)" >/dev/null
done

ROWS=()
declare -A RPS
for project in bench-100 bench-10k; do
  for scenario in usage idle filtered; do
    count=$(curl -sf -H "X-Auth-Token: bench-token" "$(url_of $project $scenario)" | sed -n 's/^{"count":\([0-9]*\).*/\1/p')
    for c in $CONNECTIONS; do
      result=$(drive "$(url_of $project $scenario)" "$c")
      read -r p50 p99 rps <<<"$result"
      log "$project $scenario c=$c: p50 $p50 ms, p99 $p99 ms, $rps req/s"
      label=LABEL_$scenario
      ROWS+=("| emulator | ${project#bench-} | ${!label} ($count match) | $c | $p50 | $p99 | $rps |")
      RPS[$project/$scenario/$c]=$rps
    done
  done
done
# Where the time goes, at c=8: a project without data costs the HTTP exchange and the SQL snapshot only (the
# index is never reached); limit=1 on 10,000 desktops adds the index loop and selection but serialises one
# item instead of 100.
for probe in "bench-none usage|project without data (HTTP + SQL snapshot only)" \
             "bench-10k usage1|no filter, desktop_usage DESC, limit=1"; do
  read -r project scenario <<<"${probe%%|*}"
  result=$(drive "$(url_of $project $scenario)" 8)
  read -r p50 p99 rps <<<"$result"
  log "$project $scenario c=8: p50 $p50 ms, p99 $p99 ms, $rps req/s"
  ROWS+=("| emulator | ${project#bench-} | ${probe#*|} | 8 | $p50 | $p99 | $rps |")
done
RSS_MB=$(awk '$1 == "VmHWM:" { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status")

# --- WireMock static stub of the 100-desktop answer ------------------------------------------------------
curl -sf -H "X-Auth-Token: bench-token" -o "$WORK/body.json" "$(url_of bench-100 usage)"
mkdir -p "$WORK/wiremock/mappings" "$WORK/wiremock/__files"
{
  printf '{"request":{"method":"GET","urlPath":"/v2/bench-100/statistics/metrics/desktops"},'
  printf '"response":{"status":200,"headers":{"Content-Type":"application/json"},"body":"'
  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' "$WORK/body.json" | tr -d '\n'
  printf '"}}\n'
} >"$WORK/wiremock/mappings/desktops.json"
WM_PORT=$(free_port $((APP_PORT + 1)))
log "starting WireMock on 127.0.0.1:$WM_PORT"
java -jar "$WM_JAR" --bind-address 127.0.0.1 --port "$WM_PORT" --root-dir "$WORK/wiremock" \
  --no-request-journal --disable-banner >"$WORK/wiremock.log" 2>&1 &
WM_PID=$!
wait_for "http://127.0.0.1:$WM_PORT/__admin/mappings" 60 "$WM_PID" || { tail -20 "$WORK/wiremock.log" >&2; exit 1; }
WM_URL="http://127.0.0.1:$WM_PORT/v2/bench-100/statistics/metrics/desktops?${QUERY[usage]}"
cmp -s "$WORK/body.json" <(curl -sf "$WM_URL") || { log "WireMock does not serve the emulator's body"; exit 1; }
wrk -H 'X-Auth-Token: bench-token' -t2 -c8 -d5s "$WM_URL" >/dev/null
result=$(drive "$WM_URL" 8)
read -r wm_p50 wm_p99 wm_rps <<<"$result"
log "WireMock c=8: p50 $wm_p50 ms, p99 $wm_p99 ms, $wm_rps req/s"
ROWS+=("| WireMock $WIREMOCK_VERSION static stub | 100 | the emulator's body for desktop_usage DESC | 8 | $wm_p50 | $wm_p99 | $wm_rps |")
RATIO=$(awk -v a="${RPS[bench-100/usage/8]:-0}" -v b="$wm_rps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')

# --- summary ---------------------------------------------------------------------------------------------
mkdir -p "$RESULTS"
{
  echo "Clock frozen at $NOW; 180-day window; limit 100; wrk $DURATION per row on 127.0.0.1;"
  echo "$(nproc) cores shared by the server, wrk and PostgreSQL; $(java -version 2>&1 | head -n 1)."
  echo "Emulator JVM flags: $JAVA_OPTS"
  echo "Load average before the runs: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg) (anything above"
  echo "about 3 means other work shared the cores and the figures are pessimistic)."
  echo
  echo "| server | desktops | query | connections | p50 ms | p99 ms | req/s |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "- emulator / WireMock throughput at c=8, same 100-desktop body: **${RATIO}x**"
  echo "- emulator peak RSS (VmHWM): ${RSS_MB} MiB"
  echo "- live heap taken by the 10,000-desktop index (class histogram after minus before building it): ${INDEX_MB} MiB"
} | tee "$RESULTS/summary.md"
