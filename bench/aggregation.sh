#!/usr/bin/env bash
# Times the aggregation of one day holding 10,000 desktops and 50,000 sessions, through the emulator's own
# POST /_emulator/aggregations (the same code the 02:00 job and clock moves run). Uses its own database.
#   bash bench/aggregation.sh [desktops] [sessions] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
DESKTOPS=${1:-10000}
SESSIONS=${2:-50000}
RUNS=${3:-5}
PORT=${BENCH_PORT:-18290}
export DB_NAME=${BENCH_DB_NAME:-wksemu_aggbench} DB_USERNAME=${DB_USERNAME:-wksemu} DB_PASSWORD=${DB_PASSWORD:-wksemu}
export DB_HOST=${DB_HOST:-localhost} DB_PORT=${DB_PORT:-5432}

bash scripts/ensure-postgres.sh
[ -f target/quarkus-app/quarkus-run.jar ] || mvn -B -q -DskipTests package
seed=$(mktemp -d)
QUARKUS_HTTP_PORT=$PORT EMULATOR_SEED_DIR=$seed java -jar target/quarkus-app/quarkus-run.jar >target/aggregation-bench.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; rm -rf "$seed"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/_emulator/clock" >/dev/null && break
  sleep 0.5
done
curl -sf -X PUT -H 'Content-Type: application/json' -d '{"now":"2026-06-15T12:00:00Z","frozen":true}' \
  "http://127.0.0.1:$PORT/_emulator/clock" >/dev/null

# Sessions of 5 min to 6 h, starting all over 2026-06-10 (some running past midnight), several per desktop
# and overlapping; deterministic (no random()).
PGPASSWORD=$DB_PASSWORD psql -q -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USERNAME" -d "$DB_NAME" -v ON_ERROR_STOP=1 <<SQL
DELETE FROM desktop WHERE project_id = 'aggbench';
INSERT INTO desktop (project_id, resource_id, resource_name, resource_pool_id, created_at, created_explicit)
SELECT 'aggbench', 'd' || i, 'desk-' || i, CASE WHEN i % 10 = 0 THEN 'pool-' || (i % 7) END,
       timestamptz '2026-01-01 00:00:00+00', true
FROM generate_series(1, $DESKTOPS) AS i;
INSERT INTO desktop_session (project_id, resource_id, user_name, login_at, logout_at)
SELECT 'aggbench', 'd' || (1 + i % $DESKTOPS), 'user' || i,
       timestamptz '2026-06-10 00:00:00+00' + make_interval(secs => (hashint4(i) & 2147483647) % 86000 + i % 60),
       timestamptz '2026-06-10 00:00:00+00' + make_interval(secs => (hashint4(i) & 2147483647) % 86000 + i % 60
                                                              + 300 + (hashint4(i * 7) & 2147483647) % 21300)
FROM generate_series(1, $SESSIONS) AS i
ON CONFLICT DO NOTHING;
ANALYZE desktop; ANALYZE desktop_session;
SQL

echo "aggregating 2026-06-10: $DESKTOPS desktops, $SESSIONS sessions, $RUNS runs"
times=()
for run in $(seq 1 "$RUNS"); do
  t=$(curl -sf -o /dev/null -w '%{time_total}' -X POST -H 'Content-Type: application/json' \
      -d '{"day":"2026-06-10"}' "http://127.0.0.1:$PORT/_emulator/aggregations")
  times+=("$t")
  echo "run $run: ${t}s"
done
points=$(PGPASSWORD=$DB_PASSWORD psql -tA -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USERNAME" -d "$DB_NAME" \
  -c "SELECT count(*) || ' points, ' || sum(usage_seconds) || ' s' FROM daily_usage WHERE project_id = 'aggbench' AND day = '2026-06-10'")
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "stored: $points"
echo "median: ${median}s (first run ${times[0]}s; target < 2 s)"
PGPASSWORD=$DB_PASSWORD psql -q -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USERNAME" -d "$DB_NAME" \
  -c "DELETE FROM desktop WHERE project_id = 'aggbench'"
