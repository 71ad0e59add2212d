#!/usr/bin/env bash
# Benchmarks GET /v2/{project_id}/statistics/metrics/users (ListUserUsageMetric) end to end, the way
# bench/run.sh does the desktop endpoint: makes PostgreSQL reachable, builds and starts the packaged
# emulator on loopback with a frozen clock, generates 10,000 users over 10,000 desktops with 30 days of
# sessions and failed logins (bench/generate-users.sql), has the app aggregate those 30 days, then drives
# the endpoint with wrk. Prints a markdown summary and writes it to bench/results/users.md. Everything
# listens on 127.0.0.1 only; the processes started here are stopped on exit.
#
# Settings (environment): DB_NAME (default wksemu_bench; the generator wipes only its own project),
# BENCH_USERS (default 10000), BENCH_DURATION (wrk duration per run, default 10s), BENCH_CONNECTIONS
# (default "1 8 32").
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

export DB_HOST=${DB_HOST:-localhost} DB_PORT=${DB_PORT:-5432} DB_NAME=${DB_NAME:-wksemu_bench}
export DB_USERNAME=${DB_USERNAME:-wksemu} DB_PASSWORD=${DB_PASSWORD:-wksemu}
USERS=${BENCH_USERS:-10000}
DURATION=${BENCH_DURATION:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-"1 8 32"}
NOW=2026-06-15T10:00:00Z
TODAY=${NOW%%T*}
PROJECT=bench-users
# The whole 30-day window: 2026-05-16 .. 2026-06-14.
WINDOW="start_time=2026-05-16T00:00:00Z&end_time=2026-06-15T00:00:00Z"
RESULTS=bench/results

log() { echo "[bench-users] $*" >&2; }

WORK=$(mktemp -d)
APP_PID=""
cleanup() {
  stop_app
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- prerequisites --------------------------------------------------------------------------------------
bash scripts/ensure-postgres.sh
ensure_wrk
if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  log "building"
  mvn -B -q -DskipTests package >&2
fi

# --- emulator ---------------------------------------------------------------------------------------------
APP_PORT=$(free_port 18300)
mkdir -p "$WORK/seed"
log "starting the emulator on 127.0.0.1:$APP_PORT"
QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$APP_PORT EMULATOR_SEED_DIR="$WORK/seed" \
  java -jar target/quarkus-app/quarkus-run.jar >"$WORK/app.log" 2>&1 &
APP_PID=$!
wait_for "http://127.0.0.1:$APP_PORT/_emulator/clock" 90 "$APP_PID" || { tail -20 "$WORK/app.log" >&2; exit 1; }
APP=http://127.0.0.1:$APP_PORT
curl -sf -X PUT -H 'Content-Type: application/json' -d "{\"now\":\"$NOW\",\"frozen\":true}" "$APP/_emulator/clock" >/dev/null

start=$SECONDS
PGPASSWORD=$DB_PASSWORD psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USERNAME" -d "$DB_NAME" -q -v ON_ERROR_STOP=1 \
  -v project=$PROJECT -v users="$USERS" -v seed=42 -v today="$TODAY" -f bench/generate-users.sql >"$WORK/generate.out"
GENERATED=$(sed -n 3p "$WORK/generate.out" | tr -s ' ')
log "generated in $((SECONDS - start)) s: $GENERATED"

# The 30 days through the app's own aggregation (every project of the database; the bench database holds
# only benchmark projects).
FROM=$(date -u -d "$TODAY - 30 days" +%F)
TO=$(date -u -d "$TODAY - 1 day" +%F)
t0=$(date +%s.%N)
curl -sf -X POST -H 'Content-Type: application/json' -d "{\"from\":\"$FROM\",\"to\":\"$TO\"}" \
  "$APP/_emulator/aggregations" >/dev/null
AGGREGATION_S=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
log "aggregated $FROM .. $TO in $AGGREGATION_S s"

# --- load ------------------------------------------------------------------------------------------------
declare -A QUERY=(
  [top]="$WINDOW&limit=100&sort_field=user_usage&sort_type=DESC"
  [names]="$WINDOW&limit=100"
  [filtered]="$WINDOW&limit=100&username=user-01&usage_min_hours=50&sort_field=user_usage&sort_type=ASC"
  [week]="start_time=2026-06-08T00:00:00Z&end_time=2026-06-15T00:00:00Z&limit=100&sort_field=user_usage"
)
LABEL_top="top 100 by user_usage DESC, 30 days"
LABEL_names="first 100 by username, 30 days"
LABEL_filtered="username + usage_min_hours, user_usage ASC"
LABEL_week="top 100 by user_usage, last 7 days"
url_of() { echo "$APP/v2/$PROJECT/statistics/metrics/users?${QUERY[$1]}"; }

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
# The first query builds the users index: its latency (cold, in a JVM that has not compiled anything yet)
# and the live heap it takes. On a starved machine it may exceed the 5 s database bound and answer 500
# WKS.00000003; every attempt is reported, at most three.
heap_before=$(heap_live_bytes)
COLD=""
for attempt in 1 2 3; do
  answer=$(curl -s -H "X-Auth-Token: bench-token" -o "$WORK/top.json" -w '%{http_code} %{time_total}' "$(url_of top)")
  COLD="$COLD${COLD:+, }$(awk '{ printf "%s in %.0f ms", $1, $2 * 1000 }' <<<"$answer")"
  [ "${answer%% *}" = 200 ] && break
done
heap_after=$(heap_live_bytes)
INDEX_MB=$(awk -v a="$heap_after" -v b="$heap_before" 'BEGIN { printf "%.1f", (a - b) / 1048576 }')
log "first queries (index build): $COLD; index $INDEX_MB MiB; $(head -c 300 "$WORK/top.json")"
log "warming up"
for scenario in top names filtered week; do
  wrk -H 'X-Auth-Token: bench-token' -t2 -c8 -d5s "$(url_of $scenario)" >/dev/null
done

ROWS=()
for scenario in top names filtered week; do
  count=$(curl -sf -H "X-Auth-Token: bench-token" "$(url_of $scenario)" | sed -n 's/^{"count":\([0-9]*\).*/\1/p')
  for c in $CONNECTIONS; do
    result=$(drive "$(url_of $scenario)" "$c")
    read -r p50 p99 rps <<<"$result"
    log "$scenario c=$c: p50 $p50 ms, p99 $p99 ms, $rps req/s"
    label=LABEL_$scenario
    ROWS+=("| ${!label} ($count match) | $c | $p50 | $p99 | $rps |")
  done
done
RSS_MB=$(awk '$1 == "VmHWM:" { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status")

# --- summary ---------------------------------------------------------------------------------------------
mkdir -p "$RESULTS"
{
  echo "Clock frozen at $NOW; 30-day window; limit 100; wrk $DURATION per row on 127.0.0.1;"
  echo "$(nproc) cores shared by the server, wrk and PostgreSQL; $(java -version 2>&1 | head -n 1)."
  echo "Load average before the runs: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg) (anything above"
  echo "about 3 means other work shared the cores and the figures are pessimistic)."
  echo "Data: $GENERATED (project, today, desktops, users with sessions, sessions, failed logins)."
  echo
  echo "| query | connections | p50 ms | p99 ms | req/s |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "- aggregation of the 30 days by the app (POST /_emulator/aggregations): ${AGGREGATION_S} s"
  echo "- first queries, building the users index (status and time): ${COLD}; live heap of the index: ${INDEX_MB} MiB"
  echo "- emulator peak RSS (VmHWM): ${RSS_MB} MiB"
} | tee "$RESULTS/users.md"
