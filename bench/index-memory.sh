#!/usr/bin/env bash
# Index memory with far-future points (SEMANTICS.md section 7): generates two identical 10,000-desktop
# projects (bench/generate.sql, same seed), gives the second one points on far-future days for every desktop
# (9999-12-31 and today+99999d, as a fixture's daily_usage may set), queries each once and reports what each
# index weighs: the emulator's own estimate (gauge wksemu_index_bytes, what emulator.index.max-bytes bounds)
# and the live heap it took (jcmd GC.class_histogram, which collects first, before and after its query).
# Not a timed benchmark. Listens on 127.0.0.1 only; stops what it started on exit.
#
# Settings (environment): DB_NAME (default wksemu_bench; the generator wipes only its own projects).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

export DB_HOST=${DB_HOST:-localhost} DB_PORT=${DB_PORT:-5432} DB_NAME=${DB_NAME:-wksemu_bench}
export DB_USERNAME=${DB_USERNAME:-wksemu} DB_PASSWORD=${DB_PASSWORD:-wksemu}
NOW=2026-06-15T10:00:00Z
WINDOW="start_time=2025-12-17T00:00:00Z&end_time=2026-06-15T00:00:00Z&limit=100"

log() { echo "[index-memory] $*" >&2; }
WORK=$(mktemp -d)
APP_PID=""
cleanup() {
  stop_app
  mkdir -p bench/results && cp "$WORK/app.log" bench/results/index-memory-app.log 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

bash scripts/ensure-postgres.sh
if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  log "building"
  mvn -B -q -DskipTests package >&2
fi
PORT=$(free_port)
mkdir -p "$WORK/seed"
QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$PORT EMULATOR_SEED_DIR="$WORK/seed" EMULATOR_AUTH_MODE=off \
  java -jar target/quarkus-app/quarkus-run.jar >"$WORK/app.log" 2>&1 &
APP_PID=$!
APP=http://127.0.0.1:$PORT
for _ in $(seq 1 300); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$APP/_emulator/clock" || true)" = 200 ] && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -20 "$WORK/app.log" >&2; exit 1; }
  sleep 0.3
done
curl -sf -X PUT -H 'Content-Type: application/json' -d "{\"now\":\"$NOW\",\"frozen\":true}" "$APP/_emulator/clock" >/dev/null

psql_bench() {
  PGPASSWORD=$DB_PASSWORD psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USERNAME" -d "$DB_NAME" -q -v ON_ERROR_STOP=1 "$@"
}
for project in bench-idx-plain bench-idx-far; do
  psql_bench -v project=$project -v desktops=10000 -v seed=42 -v today="${NOW%%T*}" -f bench/generate.sql >/dev/null
done
far_points=$(psql_bench -At -c "
  BEGIN;
  INSERT INTO daily_usage (project_id, resource_id, day, usage_seconds, explicit)
    SELECT project_id, resource_id, d, 3600, true FROM desktop,
           (VALUES (DATE '9999-12-31'), (DATE '${NOW%%T*}' + 99999)) AS far(d)
    WHERE project_id = 'bench-idx-far';
  UPDATE project_state SET version = nextval('project_version_seq') WHERE project_id = 'bench-idx-far';
  SELECT count(*) FROM daily_usage WHERE project_id = 'bench-idx-far' AND day > DATE '${NOW%%T*}';
  COMMIT;" | tail -1)
log "bench-idx-far holds $far_points points on days after today"

index_bytes() { curl -sf "$APP/q/metrics" | awk '$1 == "wksemu_index_bytes" { printf "%.0f", $2 }'; }
heap() { jcmd "$APP_PID" GC.class_histogram 2>/dev/null | awk '$1 == "Total" { print $3 }'; }
measure() {
  local before_est before_heap after_est after_heap attempt
  before_est=$(index_bytes); before_heap=$(heap)
  # the first query builds the index; on a machine too busy to read the points within the query's 5 s
  # database bound it answers WKS.00000003 and builds nothing, so it is asked again
  for attempt in 1 2 3; do
    curl -s -o "$WORK/$1.json" -w '%{http_code}' "$APP/v2/$1/statistics/metrics/desktops?$WINDOW" >"$WORK/$1.status"
    [ "$(cat "$WORK/$1.status")" = 200 ] && break
    log "$1 answered $(cat "$WORK/$1.status"): $(cat "$WORK/$1.json")"
  done
  after_est=$(index_bytes); after_heap=$(heap)
  echo "$(cat "$WORK/$1.status") $((after_est - before_est)) $((after_heap - before_heap))"
}
read -r plain_status plain_est plain_heap <<<"$(measure bench-idx-plain)"
read -r far_status far_est far_heap <<<"$(measure bench-idx-far)"
# resource ids are drawn from the project id; names and figures are the same for both projects
same=$(python3 - "$WORK/bench-idx-plain.json" "$WORK/bench-idx-far.json" <<'PY'
import json, sys
def figures(path):
    body = json.load(open(path))
    return body["count"], sorted((i["resource_name"], tuple(m["metric_value"] for m in i["metric"])) for i in body["items"])
print("yes" if figures(sys.argv[1]) == figures(sys.argv[2]) else "no")
PY
)
mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }
cat <<OUT
| project (10,000 desktops) | status | index estimate | live heap of its index |
|---|---|---:|---:|
| without far-future points | $plain_status | $(mib "$plain_est") | $(mib "$plain_heap") |
| with $far_points far-future points | $far_status | $(mib "$far_est") | $(mib "$far_heap") |

Same answer for both projects: $same
OUT
