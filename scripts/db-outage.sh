#!/usr/bin/env bash
# Proves the database-outage behaviour end to end against a throwaway PostgreSQL of its own (port 5499,
# data under /tmp; the machine's cluster is not touched): the emulator answers a query, PostgreSQL stops,
# the same query answers 500 WKS.00000003 within 2 s and readiness turns 503, PostgreSQL starts again, and
# the query gives the first answer again with readiness 200, without restarting the emulator. Then the
# emulator is started while PostgreSQL is down: it must wait for it and become ready once it is up. Last,
# through a relay that can hold all traffic, a database that hangs must give the same 500 within the
# request timeout (5 s) and readiness 503, and recover. Needs python3 for the relay.
# Needs PostgreSQL's server binaries (PG_BIN, default the newest /usr/lib/postgresql/*/bin) and root or a
# postgres user to run them as. Exits non-zero on the first mismatch.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)}
PG_PORT=${OUTAGE_PG_PORT:-5499}
APP_PORT=${OUTAGE_APP_PORT:-18483}
WORK=$(mktemp -d /tmp/wksemu-outage.XXXXXX)
PGDATA_DIR=$WORK/pgdata
APP_LOG=$WORK/app.log
BASE=http://127.0.0.1:$APP_PORT
PROJECT=outage$(date +%s)
APP_PID=
RELAY_PID=

log() { echo "[db-outage] $*" >&2; }
fail() { log "FAIL: $*"; log "app log: $APP_LOG"; tail -n 30 "$APP_LOG" >&2 || true; exit 1; }
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -n -u postgres "$@"; fi
}
pg_ctl() { as_postgres "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" "$@"; }

cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [ -n "$RELAY_PID" ] && kill "$RELAY_PID" 2>/dev/null || true
  pg_ctl -m immediate stop >/dev/null 2>&1 || true
  [ "${KEEP_OUTAGE_DIR:-}" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT

# A throwaway cluster: trust authentication on loopback, sockets in its own folder.
chmod 755 "$WORK"
mkdir -m 700 "$PGDATA_DIR"
[ "$(id -u)" = 0 ] && chown postgres: "$PGDATA_DIR"
as_postgres "$PG_BIN/initdb" -D "$PGDATA_DIR" -U postgres --auth=trust >/dev/null
start_pg() {
  pg_ctl -w -l "$PGDATA_DIR/server.log" -o "-p $PG_PORT -k $PGDATA_DIR -c listen_addresses=127.0.0.1" start >/dev/null
}
start_pg
as_postgres psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "create role wksemu login password 'wksemu'"
as_postgres psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "create database wksemu owner wksemu"
log "PostgreSQL up on port $PG_PORT"

if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  mvn -B -q -ntp -DskipTests package
fi
DB_HOST=127.0.0.1 DB_PORT=$PG_PORT DB_NAME=wksemu DB_USERNAME=wksemu DB_PASSWORD=wksemu QUARKUS_HTTP_PORT=$APP_PORT \
  java -jar target/quarkus-app/quarkus-run.jar >"$APP_LOG" 2>&1 &
APP_PID=$!

status() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE$1" || true; }
wait_ready() {
  for _ in $(seq 1 "$1"); do
    [ "$(status /q/health/ready)" = 200 ] && return 0
    sleep 0.5
  done
  return 1
}
wait_ready 120 || fail "emulator not ready within 60 s"
log "emulator ready on port $APP_PORT"

curl -sf -X PUT -H 'Content-Type: application/json' -d '{"now":"2026-06-15T12:00:00Z","frozen":true}' \
  "$BASE/_emulator/clock" >/dev/null || fail "cannot set the clock"
curl -sf -X POST -H 'Content-Type: application/json' "$BASE/_emulator/fixtures" -d @- >/dev/null <<JSON || fail "cannot load the fixture"
{"projects": [{"project_id": "$PROJECT",
  "desktops": [{"resource_id": "d1", "resource_name": "dev-01", "created_at": "today-9d"},
               {"resource_id": "d2", "resource_name": "pool-01", "resource_pool_id": "pool", "created_at": "today-9d"}],
  "daily_usage": [{"resource_id": "d1", "day": "today-4d", "usage_seconds": 4321},
                  {"resource_id": "d2", "day": "today-2d", "usage_seconds": 1234}]}]}
JSON

QUERY="/v2/$PROJECT/statistics/metrics/desktops?start_time=2026-01-01T00:00:00Z&end_time=2026-12-31T00:00:00Z&sort_field=desktop_usage"
query() { curl -s -H 'X-Auth-Token: outage-check' --max-time 10 -o "$WORK/body" -w '%{http_code} %{time_total}' "$BASE$QUERY"; }

read -r code _ <<<"$(query)"
before=$(cat "$WORK/body")
[ "$code" = 200 ] || fail "before the outage: status $code, body $before"
case "$before" in *'"count":2'*) ;; *) fail "before the outage: unexpected body $before" ;; esac
log "before: 200 $before"

pg_ctl -m fast stop >/dev/null
log "PostgreSQL stopped"
expected='{"error_code":"WKS.00000003","error_msg":"Failed to obtain database information. Click Cancel Service and Apply Now again."}'
for attempt in 1 2; do
  read -r code seconds <<<"$(query)"
  body=$(cat "$WORK/body")
  log "outage query $attempt: $code in ${seconds}s: $body"
  [ "$code" = 500 ] || fail "during the outage: status $code"
  [ "$body" = "$expected" ] || fail "during the outage: body $body"
  awk -v s="$seconds" 'BEGIN { exit !(s < 2.0) }' || fail "during the outage: took ${seconds}s"
done
ready=$(status /q/health/ready)
log "readiness during the outage: $ready"
[ "$ready" = 503 ] || fail "readiness during the outage: $ready"
[ "$(status /q/health/live)" = 200 ] || fail "liveness during the outage"
if grep -qE '^\s+at [a-z]' "$WORK/body"; then fail "stack trace in the body"; fi

start_pg
log "PostgreSQL started again"
wait_ready 40 || fail "readiness not back within 20 s"
read -r code _ <<<"$(query)"
after=$(cat "$WORK/body")
log "after: $code $after"
[ "$code" = 200 ] || fail "after the outage: status $code"
[ "$after" = "$before" ] || fail "after the outage: body differs: $after"
kill -0 "$APP_PID" 2>/dev/null || fail "the emulator exited"
log "outage answered 500 WKS.00000003 quickly, readiness 503, recovered without restart"

# A start while the database is still down (started alongside, as with Kubernetes or CI services): the
# emulator waits for it instead of exiting, and becomes ready once it is up.
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
pg_ctl -m fast stop >/dev/null
DB_HOST=127.0.0.1 DB_PORT=$PG_PORT DB_NAME=wksemu DB_USERNAME=wksemu DB_PASSWORD=wksemu QUARKUS_HTTP_PORT=$APP_PORT \
  java -jar target/quarkus-app/quarkus-run.jar >>"$APP_LOG" 2>&1 &
APP_PID=$!
sleep 5
kill -0 "$APP_PID" 2>/dev/null || fail "the emulator exited while the database was down at start"
[ "$(status /q/health/ready)" != 200 ] || fail "ready before the database is up"
start_pg
wait_ready 60 || fail "not ready within 30 s after the database came up"
read -r code _ <<<"$(query)"
[ "$code" = 200 ] && [ "$(cat "$WORK/body")" = "$before" ] || fail "after a start with the database down: $code $(cat "$WORK/body")"
log "a start with the database down waited for it"

# A database that stops answering without closing anything (a hung server, or a network that drops
# packets): a relay on loopback holds all traffic while $HOLD exists, as TCP would during a partition.
HOLD=$WORK/hold
RELAY_PORT=$((PG_PORT - 1))
python3 - "$RELAY_PORT" "$PG_PORT" "$HOLD" >"$WORK/relay.log" 2>&1 <<'PY' &
import os, socket, sys, threading, time
listen_port, target_port, hold = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
def pipe(src, dst):
    try:
        while True:
            data = src.recv(65536)
            if not data:
                break
            while os.path.exists(hold):
                time.sleep(0.05)
            dst.sendall(data)
    except OSError:
        pass
    for s in (src, dst):
        try:
            s.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", listen_port))
server.listen(64)
while True:
    client, _ = server.accept()
    upstream = socket.create_connection(("127.0.0.1", target_port))
    threading.Thread(target=pipe, args=(client, upstream), daemon=True).start()
    threading.Thread(target=pipe, args=(upstream, client), daemon=True).start()
PY
RELAY_PID=$!
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
DB_HOST=127.0.0.1 DB_PORT=$RELAY_PORT DB_NAME=wksemu DB_USERNAME=wksemu DB_PASSWORD=wksemu QUARKUS_HTTP_PORT=$APP_PORT \
  java -jar target/quarkus-app/quarkus-run.jar >>"$APP_LOG" 2>&1 &
APP_PID=$!
wait_ready 120 || fail "not ready through the relay"
read -r code _ <<<"$(query)"
[ "$code" = 200 ] && [ "$(cat "$WORK/body")" = "$before" ] || fail "through the relay: $code $(cat "$WORK/body")"
touch "$HOLD"
log "database holding all traffic"
read -r code seconds <<<"$(query)"
body=$(cat "$WORK/body")
log "hung-database query: $code in ${seconds}s: $body"
[ "$code" = 500 ] && [ "$body" = "$expected" ] || fail "with a hung database: $code $body"
awk -v s="$seconds" 'BEGIN { exit !(s < 6.0) }' || fail "with a hung database: took ${seconds}s"
ready=$(status /q/health/ready)
log "readiness with a hung database: $ready"
[ "$ready" = 503 ] || fail "readiness with a hung database: $ready"
rm -f "$HOLD"
wait_ready 40 || fail "readiness not back after the database answers again"
read -r code _ <<<"$(query)"
[ "$code" = 200 ] && [ "$(cat "$WORK/body")" = "$before" ] || fail "after the hang: $code $(cat "$WORK/body")"
log "a hung database answered 500 WKS.00000003 within the request timeout, and recovered"
log "PASS"
