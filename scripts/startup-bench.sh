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
# Variants of the emulator: image (the container image's JVM flags, scripts/jvm-opts.sh, with the class-data
# archive built at package time), default (java -jar), c1-only (-XX:TieredStopAtLevel=1), appcds (a dynamic
# class-data archive from a training run with a database), appcds+c1, package-appcds (the package-time archive
# alone, without the image's other flags), and
# with JDK 25: jdk25, jdk25-aot (an AOT cache from a training run) and jdk25-aot-image (the same with the
# image's other flags). BENCH_ONLY="image default" picks some.
# Archives and logs go to target/bench.
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
OUT=$PWD/target/bench
# Every start runs inside target/quarkus-app (as in the container image, and as Quarkus' AppCDS archive
# requires); the seed folder is given by absolute path.
SEED=$PWD/seed
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

TICK_MS=$(( 1000 / $(getconf CLK_TCK) ))

# Starts "$@" in the background, polls $URL until it answers 200, prints the elapsed milliseconds and the
# CPU milliseconds the process used until then (user + system, all threads). On a shared machine the CPU
# time is the steadier of the two: it does not grow while the process waits for a core.
measure() {
  local url=$1 logfile=$2; shift 2
  local start pid elapsed="" cpu=""
  start=$(now_ms)
  "$@" >"$logfile" 2>&1 &
  pid=$!
  for _ in $(seq 1 3000); do
    if [ "$(curl -s -H 'X-Auth-Token: startup-check' -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true)" = 200 ]; then
      elapsed=$(( $(now_ms) - start ))
      cpu=$(awk -v t="$TICK_MS" '{ print ($14 + $15) * t }' "/proc/$pid/stat")
      break
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.01
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [ -n "$elapsed" ] || { log "no 200 from $url; see $logfile"; tail -n 20 "$logfile" >&2; exit 1; }
  echo "$elapsed $cpu"
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

# Training runs for the class-archive variants: start, answer a few queries, stop; the JVM writes the
# archive at exit. They are redone only when the jar is newer than the archive.
train() {
  local archive=$1 java_bin=$2; shift 2
  [ -f "$archive" ] && [ "$archive" -nt "$APP" ] && return 0
  log "training run for $archive"
  fresh_db
  env -C target/quarkus-app DB_HOST="$DB_HOST" DB_PORT="$DB_PORT" DB_NAME="$BENCH_DB" DB_USERNAME="$DB_USERNAME" \
    DB_PASSWORD="$DB_PASSWORD" EMULATOR_SEED_DIR="$SEED" QUARKUS_HTTP_PORT="$PORT" "$java_bin" "$@" -jar quarkus-run.jar >"$OUT/train-$(basename "$archive").log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 600); do
    [ "$(curl -s -H 'X-Auth-Token: startup-check' -o /dev/null -w '%{http_code}' --max-time 2 "$APP_URL" || true)" = 200 ] && break
    sleep 0.1
  done
  for _ in 1 2 3 4 5; do curl -s -H 'X-Auth-Token: startup-check' -o /dev/null "$APP_URL&sort_field=desktop_usage" || true; done
  kill "$pid"
  wait "$pid" || true
  [ -f "$archive" ] || { log "no $archive written"; exit 1; }
}

# name -> "java binary|JVM flags"
declare -A VARIANTS=(
  [image]="$JAVA|$(bash scripts/jvm-opts.sh)"
  [default]="$JAVA|"
  [c1-only]="$JAVA|-XX:TieredStopAtLevel=1"
  [appcds]="$JAVA|-XX:SharedArchiveFile=$OUT/app-cds.jsa"
  [appcds+c1]="$JAVA|-XX:SharedArchiveFile=$OUT/app-cds.jsa -XX:TieredStopAtLevel=1"
)
ORDER=(image default c1-only appcds appcds+c1)
# The archive built at package time (pom.xml: a training start up to the first database connection).
if [ -f target/quarkus-app/app-cds.jsa ]; then
  VARIANTS[package-appcds]="$JAVA|-XX:SharedArchiveFile=app-cds.jsa"
  ORDER+=(package-appcds)
fi
if [ -x "$JAVA25" ]; then
  VARIANTS[jdk25]="$JAVA25|"
  VARIANTS[jdk25-aot]="$JAVA25|-XX:AOTCache=$OUT/app.aot"
  # the image's flags on JDK 25, the class-data archive replaced by an AOT cache trained with the same flags
  IMAGE25=$(bash scripts/jvm-opts.sh | sed 's/ *-XX:SharedArchiveFile=[^ ]*//')
  VARIANTS[jdk25-aot-image]="$JAVA25|$IMAGE25 -XX:AOTCache=$OUT/app-image.aot"
  ORDER+=(jdk25 jdk25-aot jdk25-aot-image)
fi
[ -z "${BENCH_ONLY:-}" ] || read -r -a ORDER <<<"$BENCH_ONLY"
# Training runs only for the variants measured.
case " ${ORDER[*]} " in *" appcds "*|*" appcds+c1 "*) train "$OUT/app-cds.jsa" "$JAVA" -XX:ArchiveClassesAtExit="$OUT/app-cds.jsa" ;; esac
case " ${ORDER[*]} " in *" jdk25-aot "*) train "$OUT/app.aot" "$JAVA25" -XX:AOTCacheOutput="$OUT/app.aot" ;; esac
# shellcheck disable=SC2086
case " ${ORDER[*]} " in *" jdk25-aot-image "*) train "$OUT/app-image.aot" "$JAVA25" $IMAGE25 -XX:AOTCacheOutput="$OUT/app-image.aot" ;; esac

declare -A RESULTS CPU
for rep in $(seq 1 "$REPS"); do
  for v in "${ORDER[@]}"; do
    java_bin=${VARIANTS[$v]%%|*}
    flags=${VARIANTS[$v]#*|}
    fresh_db
    # shellcheck disable=SC2086
    read -r ms cpu < <(measure "$APP_URL" "$OUT/app-$v-$rep.log" env -C target/quarkus-app DB_HOST="$DB_HOST" \
      DB_PORT="$DB_PORT" DB_NAME="$BENCH_DB" DB_USERNAME="$DB_USERNAME" DB_PASSWORD="$DB_PASSWORD" \
      EMULATOR_SEED_DIR="$SEED" QUARKUS_HTTP_PORT="$PORT" "$java_bin" $flags -jar quarkus-run.jar)
    [ -n "${ms:-}" ] || exit 1
    RESULTS[$v]="${RESULTS[$v]:-} $ms"
    CPU[$v]="${CPU[$v]:-} $cpu"
    log "run $rep emulator/$v: $ms ms, CPU $cpu ms ($(grep -o 'started in [0-9.]*s' "$OUT/app-$v-$rep.log" || true))"
  done
  read -r ms cpu < <(measure "$WM_URL" "$OUT/wiremock-$rep.log" "$JAVA" -jar "$WIREMOCK" --port "$PORT" --root-dir "$WM_ROOT" \
    --disable-banner)
  [ -n "${ms:-}" ] || exit 1
  RESULTS[wiremock]="${RESULTS[wiremock]:-} $ms"
  CPU[wiremock]="${CPU[wiremock]:-} $cpu"
  log "run $rep wiremock: $ms ms, CPU $cpu ms"
done

echo "median of $REPS runs: process start to first 200 (wall ms), CPU used until then (ms); all runs (wall)"
for v in "${ORDER[@]}"; do
  printf '  emulator %-10s %6s %7s   (%s)\n' "$v" "$(echo "${RESULTS[$v]}" | median)" "$(echo "${CPU[$v]}" | median)" "${RESULTS[$v]# }"
done
printf '  %-19s %6s %7s   (%s)\n' "wiremock 3.13.2" "$(echo "${RESULTS[wiremock]}" | median)" "$(echo "${CPU[wiremock]}" | median)" "${RESULTS[wiremock]# }"
