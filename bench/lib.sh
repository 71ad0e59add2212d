# Shell functions shared by the benchmark scripts (sourced, not run). They read the caller's DURATION
# (wrk's -d), APP_PID (the emulator's process id) and log function.

# A port in $1 (default 18300) to 18399 nothing listens on (the started process fails loudly if one is
# taken meanwhile).
free_port() {
  local p
  for p in $(seq "${1:-18300}" 18399); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  log "no free port in ${1:-18300}-18399"; exit 1
}

# Polls a URL until it answers 200, for at most $2 seconds, giving up when process $3 dies.
wait_for() {
  local deadline=$((SECONDS + $2))
  while [ $SECONDS -lt $deadline ]; do
    kill -0 "$3" 2>/dev/null || { log "process $3 exited"; return 1; }
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1" || true)" = 200 ] && return 0
    sleep 0.3
  done
  log "$1 did not answer within $2 s"; return 1
}

# Installs wrk from Debian's packages when it is missing.
ensure_wrk() {
  command -v wrk >/dev/null 2>&1 && return 0
  log "installing wrk"
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo -n"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk >/dev/null
}

# A wrk latency ("812.00us", "1.20ms", "2.01s") in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000; printf "%.2f", n }'
}

# Runs wrk on a URL at a number of connections and prints "p50 p99 req/s"; fails when any response was not
# a 2xx.
drive() {
  local url=$1 c=$2 out t
  t=$(( c < 2 ? 1 : 2 ))
  out=$(wrk -H 'X-Auth-Token: bench-token' -t"$t" -c"$c" -d"$DURATION" --timeout 5s --latency "$url")
  if grep -q -e 'Non-2xx' -e 'Socket errors' <<<"$out"; then
    log "errors driving $url:"; echo "$out" >&2; return 1
  fi
  echo "$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")" \
       "$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")" \
       "$(awk '$1 == "Requests/sec:" { printf "%.0f", $2 }' <<<"$out")"
}

# Live heap of the emulator in bytes, from a class histogram (which runs a full collection first).
heap_live_bytes() {
  jcmd "$APP_PID" GC.class_histogram 2>/dev/null | awk '$1 == "Total" { print $3 }'
}

# Stops the emulator: SIGTERM, up to 10 s for a graceful exit, then SIGKILL.
stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
}
