#!/usr/bin/env bash
# Measures cold start to first answer, several times, and prints medians (milliseconds):
#   - the packaged emulator: from process start to the first 200 of the emulated endpoint, on a freshly
#     created database (every migration runs and seed/default.json loads, as on a first deployment);
#     once per JVM variant below;
#   - WireMock standalone 3.13.2: from process start to the first 200 of a stub.
# Usage: scripts/startup-bench.sh [repetitions, default 5]
# Environment: BENCH_PORT (default 18480), BENCH_DB (default ${DB_NAME:-wksemu}_bench, dropped and
# created before every start, so never point it at a database you keep), JAVA (default java),
# JAVA25 (a JDK 25 for the AOT-cache variant, default /usr/lib/jvm/temurin-25-jdk-amd64 when present).
# Variants of the emulator: "default" (java -jar), "c1-only" (-XX:TieredStopAtLevel=1), and, when the
# build produced them, "appcds" (target/quarkus-app/app-cds.jsa) and "aot" (app.aot, run with JAVA25).
set -euo pipefail
cd "$(dirname "$0")/.."

REPS=${1:-5}
PORT=${BENCH_PORT:-18480}
JAVA=${JAVA:-java}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
DB_HOST=${DB_HOST:-localhost}
DB_PORT=${DB_PORT:-5432}
DB_USERNAME=${DB_USERNAME:-wksemu}
DB_PASSWORD=${DB_PASSWORD:-wksemu}
BENCH_DB=${BENCH_DB:-${DB_NAME:-wksemu}_bench}
APP=target/quarkus-app/quarkus-run.jar
WIREMOCK=target/bench/wiremock-standalone-3.13.2.jar
OUT=target/bench
mkdir -p "$OUT"

log() { echo "[startup-bench] $*" >&2; }

[ -f "$APP" ] || mvn -B -q -ntp -DskipTests package
[ -f "$WIREMOCK" ] || mvn -B -q -ntp dependency:copy -Dartifact=org.wiremock:wiremock-standalone:3.13.2 -DoutputDirectory="$OUT"
DB_NAME=$BENCH_DB bash scripts/ensure-postgres.sh >/dev/null 2>&1

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -n -u postgres "$@"; fi
}
fresh_db() {
  as_postgres psql -p "$DB_PORT" -qtA -v ON_ERROR_STOP=1 -c "drop database if exists \"$BENCH_DB\" with (force)" >/dev/null
  as_postgres psql -p "$DB_PORT" -qtA -v ON_ERROR_STOP=1 -c "create database \"$BENCH_DB\" owner \"$DB_USERNAME\"" >/dev/null
}

now_ms() { date +%s%3N; }

# Starts "$@" in the background, polls $URL until it answers 200, prints the elapsed milliseconds.
measure() {
  local url=$1 logfile=$2; shift 2
  local start pid elapsed=""
  start=$(now_ms)
  "$@" >"$logfile" 2>&1 &
  pid=$!
  for _ in $(seq 1 3000); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true)" = 200 ]; then
      elapsed=$(( $(now_ms) - start ))
      break
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.01
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [ -n "$elapsed" ] || { log "no 200 from $url; see $logfile"; tail -n 20 "$logfile" >&2; exit 1; }
  echo "$elapsed"
}

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

APP_URL="http://127.0.0.1:$PORT/v2/0b5c3a1d9e8f4b7a8c6d5e4f3a2b1c0d/statistics/metrics/desktops?start_time=2026-01-01T00:00:00Z&end_time=2030-01-01T00:00:00Z"
WM_URL="http://127.0.0.1:$PORT/v2/p/statistics/metrics/desktops"
WM_ROOT=$OUT/wiremock-root
mkdir -p "$WM_ROOT/mappings" "$WM_ROOT/__files"
cat >"$WM_ROOT/mappings/desktops.json" <<'JSON'
{"request": {"method": "GET", "urlPath": "/v2/p/statistics/metrics/desktops"},
 "response": {"status": 200, "headers": {"Content-Type": "application/json"}, "body": "{\"count\":0,\"items\":[]}"}}
JSON

declare -A VARIANTS=(
  [default]=""
  [c1-only]="-XX:TieredStopAtLevel=1"
)
ORDER=(default c1-only)
if [ -f target/quarkus-app/app-cds.jsa ]; then
  VARIANTS[appcds]="-XX:SharedArchiveFile=target/quarkus-app/app-cds.jsa -Xshare:auto"
  ORDER+=(appcds)
fi
if [ -f target/quarkus-app/app.aot ] && [ -x "$JAVA25" ]; then
  VARIANTS[aot]="-XX:AOTCache=target/quarkus-app/app.aot"
  ORDER+=(aot)
fi

declare -A RESULTS
for rep in $(seq 1 "$REPS"); do
  for v in "${ORDER[@]}"; do
    java_bin=$JAVA
    [ "$v" = aot ] && java_bin=$JAVA25
    fresh_db
    # shellcheck disable=SC2086
    ms=$(measure "$APP_URL" "$OUT/app-$v-$rep.log" env DB_HOST="$DB_HOST" DB_PORT="$DB_PORT" DB_NAME="$BENCH_DB" \
      DB_USERNAME="$DB_USERNAME" DB_PASSWORD="$DB_PASSWORD" QUARKUS_HTTP_PORT="$PORT" \
      "$java_bin" ${VARIANTS[$v]} -jar "$APP")
    RESULTS[$v]="${RESULTS[$v]:-} $ms"
    log "run $rep emulator/$v: $ms ms ($(grep -o 'started in [0-9.]*s' "$OUT/app-$v-$rep.log" || true))"
  done
  ms=$(measure "$WM_URL" "$OUT/wiremock-$rep.log" "$JAVA" -jar "$WIREMOCK" --port "$PORT" --root-dir "$WM_ROOT" \
    --disable-banner)
  RESULTS[wiremock]="${RESULTS[wiremock]:-} $ms"
  log "run $rep wiremock: $ms ms"
done

echo "median of $REPS runs, process start to first 200 (ms)"
for v in "${ORDER[@]}"; do
  printf '  emulator %-8s %6s   (%s)\n' "$v" "$(echo "${RESULTS[$v]}" | median)" "${RESULTS[$v]# }"
done
printf '  %-17s %6s   (%s)\n' "wiremock 3.13.2" "$(echo "${RESULTS[wiremock]}" | median)" "${RESULTS[wiremock]# }"
