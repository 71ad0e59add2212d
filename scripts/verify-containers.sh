#!/usr/bin/env bash
# Proves the container image, docker-compose.yml and the Kubernetes manifests on real containers, with
# podman (Debian's podman and podman-compose, installed here when missing; run as root). Not part of
# .ci/run: it needs a container engine and base images.
#
#   1. builds the root Dockerfile (from source) as the one image name, and src/main/docker/Dockerfile.jvm
#      from target/quarkus-app when that exists;
#   2. starts docker-compose.yml (one service, the embedded database), waits for /q/health/ready, runs the
#      README's curl, checks that tini is PID 1 and the emulator and its PostgreSQL run as uid 185, loads a
#      fixture, stops on SIGTERM (exit 143, Quarkus' and PostgreSQL's shutdowns logged), starts again on the
#      volume and finds the fixture; then docker-compose.external-db.yml, where no embedded database starts;
#      then runs the image and a PostgreSQL as two containers, removes the database and starts it again on
#      its volume at another address, and checks the emulator answers within 5 s without a restart;
#      then replays the CI recipes of examples/ci (scripts/replay-ci-recipes.py);
#   3. plays `kubectl kustomize` of k8s/base and of k8s/overlays/external-db with `podman kube play`,
#      converted only where podman 4.3 cannot follow Kubernetes (printed: see convert below), and waits for
#      each emulator to be ready;
#   4. runs the Java-test module's container tests (testcontainers/, -Pcontainers) against the image, through
#      podman's Docker-compatible socket (started when none answers), all traffic on loopback.
#
# Base images (eclipse-temurin:25-jre, maven:3.9-eclipse-temurin-25, postgres:15) are pulled when not
# present locally; without a registry, build look-alikes first and they are used as they are.
# Environment: VERIFY_PORT (host port, default 18080), KEEP=1 leaves everything running.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${VERIFY_PORT:-18080}
VERSION=$(grep -A1 '<artifactId>workspace-usage-emulator</artifactId>' pom.xml | sed -n 's:.*<version>\(.*\)</version>.*:\1:p')
IMAGE=ghcr.io/wksemu/wksemu:$VERSION
PROJECT=wksemu-verify
NET=wksemu-verify
WORK=$(mktemp -d)
README_PROJECT=0b5c3a1d9e8f4b7a8c6d5e4f3a2b1c0d

log() { echo "[verify] $*"; }
fail() { echo "[verify] FAIL: $*" >&2; exit 1; }

# --- tools -------------------------------------------------------------------------------------------
need=""
for c in podman podman-compose runc curl; do command -v "$c" >/dev/null || need="$need $c"; done
/usr/bin/python3 -c 'import yaml' 2>/dev/null || need="$need python3-yaml"
command -v kubectl >/dev/null || need="$need kubectl"
if [ -n "$need" ]; then
  log "installing:$need"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null \
    || fail "could not install$need (kubectl comes from Kubernetes' own apt repository)"
fi
log "$(podman --version), $(podman-compose version 2>/dev/null | grep -m1 -o 'version  *[0-9.]*$' | sed 's/^/podman-compose /'), kubectl $(kubectl version --client 2>/dev/null | sed -n 's/Client Version: //p') with kustomize $(kubectl version --client 2>/dev/null | sed -n 's/Kustomize Version: //p')"

build_opts=()
for base in eclipse-temurin:25-jre maven:3.9-eclipse-temurin-25 postgres:15; do
  podman image exists "$base" || podman pull -q "docker.io/library/$base" >/dev/null \
    || fail "base image $base is neither local nor pullable"
done
build_opts+=(--pull=never)
# A machine that reaches Maven Central through a TLS-inspecting proxy trusts that proxy's CA in its own
# store only: lend the store to the build steps (read-only, not part of the image).
if [ -n "$(ls /usr/local/share/ca-certificates 2>/dev/null)" ]; then
  log "this machine trusts extra CAs (/usr/local/share/ca-certificates): build steps get its /etc/ssl/certs"
  build_opts+=(-v /etc/ssl/certs:/etc/ssl/certs:ro)
fi

volumes_before=$(podman volume ls -q | sort)
cleanup() {
  [ "${KEEP:-0}" = 1 ] && { log "KEEP=1: leaving containers running"; return; }
  podman-compose -p "$PROJECT" down -v >/dev/null 2>&1 || true
podman-compose -p "$PROJECT" -f docker-compose.external-db.yml down -v >/dev/null 2>&1 || true
  for f in "$WORK"/*.play.yaml; do [ -e "$f" ] && podman kube down "$f" >/dev/null 2>&1 || true; done
  podman rm -f -v -t 0 "$PROJECT-extdb" "$PROJECT-moveemu" "$PROJECT-movedb" >/dev/null 2>&1 || true
  podman network rm -f "$NET" "${PROJECT}_default" "$PROJECT-move" >/dev/null 2>&1 || true
  # volumes this run made: kube play's ConfigMap volumes, PostgreSQL's anonymous ones
  comm -13 <(echo "$volumes_before") <(podman volume ls -q | sort) | xargs -r podman volume rm -f >/dev/null 2>&1 || true
  [ -n "${service_pid:-}" ] && kill "$service_pid" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

wait_ready() {  # wait_ready URL SECONDS
  local deadline=$((SECONDS + $2))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = 200 ]; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 1
  done
}

# --- 1. images ---------------------------------------------------------------------------------------
start=$SECONDS
podman build -q "${build_opts[@]}" -t "$IMAGE" . >"$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log"; fail "podman build . failed"; }
log "built $IMAGE from source (root Dockerfile) in $((SECONDS - start)) s"
[ "$(podman image inspect --format '{{.Config.User}}' "$IMAGE")" = 185 ] || fail "image user is not 185"
if [ -f target/quarkus-app/quarkus-run.jar ]; then
  podman build -q --pull=never -f src/main/docker/Dockerfile.jvm --iidfile "$WORK/jvm.iid" . >"$WORK/build-jvm.log" 2>&1 \
    || { tail -40 "$WORK/build-jvm.log"; fail "podman build -f src/main/docker/Dockerfile.jvm failed"; }
  log "built src/main/docker/Dockerfile.jvm from target/quarkus-app: $(cut -c1-19 "$WORK/jvm.iid")"
fi

# --- 2. compose --------------------------------------------------------------------------------------
podman-compose -p "$PROJECT" down -v >/dev/null 2>&1 || true
podman-compose -p "$PROJECT" -f docker-compose.external-db.yml down -v >/dev/null 2>&1 || true
compose_up() {  # compose_up FILE: starts it, prints the emulator's container once ready
  local start=$SECONDS emu
  WKSEMU_PORT=$PORT podman-compose -p "$PROJECT" -f "$1" up -d >"$WORK/compose-up.log" 2>&1 \
    || { cat "$WORK/compose-up.log" >&2; fail "podman-compose -f $1 up failed"; }
  emu=$(podman ps --filter "label=io.podman.compose.project=$PROJECT" --filter "label=com.docker.compose.service=wksemu" --format '{{.Names}}')
  [ -n "$emu" ] || fail "no wksemu container in the compose project"
  wait_ready "http://localhost:$PORT/q/health/ready" 180 || { podman logs "$emu" | tail -30 >&2; fail "$1: not ready"; }
  log "$1: /q/health/ready 200 after $((SECONDS - start)) s (database started, migrations and seed loaded)" >&2
  echo "$emu"
}
readme_count() {  # the README's first "Try it" block, as written there, on the verification port: "count names..."
  local body
  body=$(bash -c "$readme_block") || fail "README's block failed"
  /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["count"], " ".join(i["resource_name"] for i in d["items"]))' <<<"$body" \
    || fail "README's block answered: $body"
}
readme_block=$(awk '/^## Try it/ {t=1} t && /^```sh$/ {b=1; next} b && /^```$/ {exit} b {print}' README.md | sed "s/:8080/:$PORT/")
[ -n "$readme_block" ] || fail "README's curl not found"
# the same query as a plain URL, for status codes
url=$(bash -c "$(sed 's/^curl .*"\(http[^"]*\)".*$/echo "\1"/' <<<"$readme_block")")
fixture='{"projects":[{"project_id":"0123456789abcdef0123456789abcdef","desktops":[{"resource_id":"kept","resource_name":"kept-01","created_at":"today-3d"}]}]}'

emu=$(compose_up docker-compose.yml)
count=$(readme_count)
log "compose: README curl -> 200, count and desktops: $count"
[ "${count%% *}" = 5 ] || fail "expected the 5 seeded desktops"
# podman schedules healthchecks with systemd timers; where systemd is not PID 1 they never fire by
# themselves, so run the compose file's check once, as the timer would.
if podman healthcheck run "$emu" >/dev/null 2>&1; then health=healthy; else health=unhealthy; fi
log "compose: the emulator's healthcheck (curl /q/health/ready inside the image): $health$( [ "$(ps -p 1 -o comm=)" = systemd ] || echo ', run by hand: no systemd here')"
[ "$health" = healthy ] || fail "compose healthcheck is $health"
uid=$(podman exec "$emu" id -u)
pid1=$(podman exec "$emu" cat /proc/1/comm)
uids() { podman exec "$emu" sh -c "for p in /proc/[0-9]*; do [ \"\$(cat \$p/comm 2>/dev/null)\" = $1 ] && awk '/^Uid:/ {print \$2}' \$p/status; done | sort -u | tr '\n' ' '"; }
jvm_uid=$(uids java); pg_uid=$(uids postgres)
log "compose: exec id -u = $uid; PID 1 is $pid1; java runs as uid $jvm_uid, postgres as uid $pg_uid"
[ "$uid" = 185 ] && [ "$pid1" = tini ] && [ "$jvm_uid" = "185 " ] && [ "$pg_uid" = "185 " ] \
  || fail "not tini as PID 1 with java and postgres as uid 185"
loaded=$(curl -s -w ' %{http_code}' -X POST -H 'Content-Type: application/json' -d "$fixture" "http://localhost:$PORT/_emulator/fixtures")
[ "${loaded##* }" = 200 ] || fail "fixture load: $loaded"
start=$SECONDS
podman stop -t 30 "$emu" >/dev/null 2>"$WORK/stop.log"  # (podman also complains it has no systemd timer to remove)
code=$(podman inspect --format '{{.State.ExitCode}}' "$emu")
stopped=$(podman logs "$emu" 2>&1 | grep -m1 -o 'wksemu stopped in [0-9.]*s' || true)
pg_stopped=$(podman logs "$emu" 2>&1 | grep -c 'database system is shut down' || true)
log "compose: SIGTERM -> exit $code after $((SECONDS - start)) s; log: ${stopped:-no shutdown line}, PostgreSQL shut down: $pg_stopped"
[ "$code" = 143 ] && [ -n "$stopped" ] && [ "$pg_stopped" = 1 ] || fail "no clean shutdown on SIGTERM"
podman-compose -p "$PROJECT" -f docker-compose.yml down >/dev/null 2>&1
emu=$(compose_up docker-compose.yml)
kept=$(curl -s "http://localhost:$PORT/_emulator/fixtures?project_id=0123456789abcdef0123456789abcdef" | grep -o '"resource_name":"kept-01"' || true)
log "compose: started again on the wksemu-data volume: the fixture loaded before is $([ -n "$kept" ] && echo still there || echo lost)"
[ -n "$kept" ] || fail "the embedded database's data did not survive the restart"
podman-compose -p "$PROJECT" -f docker-compose.yml down -v >/dev/null 2>&1

emu=$(compose_up docker-compose.external-db.yml)
count=$(readme_count)
embedded=$(podman logs "$emu" 2>&1 | grep -c 'embedded PostgreSQL' || true)
log "docker-compose.external-db.yml: README curl -> count $count; embedded PostgreSQL lines in the log: $embedded"
[ "${count%% *}" = 5 ] && [ "$embedded" = 0 ] || fail "external database: count $count, embedded lines $embedded"
podman-compose -p "$PROJECT" -f docker-compose.external-db.yml down -v >/dev/null 2>&1

# --- 2b. a database that comes back at another address ----------------------------------------------
# The emulator and PostgreSQL as two `docker run`s on one network, DB_HOST the database container's name.
# The database container is removed and created again on its volume at another address (as a restarted
# container or a re-created pod gets one); the emulator must answer again within 5 s of the database
# accepting connections, without a restart.
MOVE_NET=$PROJECT-move
podman network rm -f "$MOVE_NET" >/dev/null 2>&1 || true
podman network create --subnet 10.89.77.0/24 "$MOVE_NET" >/dev/null
db_run() {  # db_run IP
  podman run -d --name "$PROJECT-movedb" --network "$MOVE_NET" --ip "$1" -v "$PROJECT-movedb:/var/lib/postgresql/data" \
    -e POSTGRES_USER=wksemu -e POSTGRES_PASSWORD=wksemu -e POSTGRES_DB=wksemu postgres:15 >/dev/null
  until podman exec "$PROJECT-movedb" pg_isready -q -h "$1" -U wksemu -d wksemu 2>/dev/null; do sleep 0.1; done
}
db_run 10.89.77.10
start=$SECONDS
podman run -d --name "$PROJECT-moveemu" --network "$MOVE_NET" -p "$PORT:8080" -e DB_HOST="$PROJECT-movedb" \
  -e DB_USERNAME=wksemu -e DB_PASSWORD=wksemu -e EMULATOR_SEED_DIR=/deployments/seed \
  -v "$PWD/seed:/deployments/seed:ro" "$IMAGE" >/dev/null
wait_ready "http://localhost:$PORT/q/health/ready" 120 || { podman logs "$PROJECT-moveemu" | tail -30; fail "database moves: not ready"; }
log "database moves: emulator ready after $((SECONDS - start)) s with the database at 10.89.77.10"
[ "$(podman logs "$PROJECT-moveemu" 2>&1 | grep -c 'embedded PostgreSQL')" = 0 ] || fail "DB_HOST set, yet the embedded database started"
podman rm -f -t 10 "$PROJECT-movedb" >/dev/null
down_status=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/q/health/ready")
log "database moves: database container removed; readiness -> $down_status"
[ "$down_status" = 503 ] || fail "database moves: readiness is $down_status with the database gone"
sleep "${VERIFY_DB_DOWN:-31}"
db_run 10.89.77.20
back=$(date +%s%N)
resolved=$(podman exec "$PROJECT-moveemu" getent hosts "$PROJECT-movedb" | awk '{print $1}')
until [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Auth-Token: any' "$url")" = 200 ]; do
  [ $(( ($(date +%s%N) - back) / 1000000 )) -lt 5000 ] || { podman logs "$PROJECT-moveemu" 2>&1 | tail -30; fail "database moves: not answered within 5 s of the database being back at 10.89.77.20"; }
  sleep 0.05
done
answered_ms=$(( ($(date +%s%N) - back) / 1000000 ))
ready=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/q/health/ready")
uncaught=$(podman logs "$PROJECT-moveemu" 2>&1 | grep -c 'Uncaught exception' || true)
log "database moves: back at 10.89.77.20 (the name resolves to $resolved in the emulator's container); README curl 200 after $answered_ms ms, readiness $ready, $uncaught uncaught exception(s) logged"
[ "$ready" = 200 ] && [ "$uncaught" = 0 ] || fail "database moves: readiness $ready, $uncaught uncaught exception(s)"
podman rm -f -t 10 "$PROJECT-moveemu" "$PROJECT-movedb" >/dev/null
podman volume rm -f "$PROJECT-movedb" >/dev/null
podman network rm -f "$MOVE_NET" >/dev/null

# --- 2c. the CI recipes of examples/ci, replayed ---------------------------------------------------
# Their services as podman containers on a network per job, their steps in order (scripts/replay-ci-recipes.py
# says what is replaced); the image they pull, ghcr.io/wksemu/wksemu:latest, is the one built above.
podman tag "$IMAGE" "${IMAGE%:*}:latest"
log "examples/ci: replaying the recipes (${IMAGE%:*}:latest is the image built above)"
/usr/bin/python3 scripts/replay-ci-recipes.py "$IMAGE" "$PORT" || fail "a CI recipe of examples/ci failed"

# --- 3. Kubernetes manifests -------------------------------------------------------------------------
# podman 4.3's `kube play` is not a cluster. Converted, and nothing else:
#  - Secret values referenced by secretKeyRef become literal env values (podman 4.3 reads Secrets as JSON
#    and fails on Kubernetes' form); the wksemu-admin Secret, which an operator creates, gets a token made
#    here, as `kubectl create secret` would; a Secret volume becomes a ConfigMap volume of the same files
#    (podman 4.3 crashes on Secret volumes);
#  - the PostgreSQL StatefulSet becomes a Pod named after its Service, whose DNS name the emulator uses
#    (podman skips StatefulSets and Services; pod names resolve on a podman network), with an emptyDir for
#    its claim;
#  - every Deployment runs 1 replica and the emulator's port is published on the verification port
#    (podman publishes every containerPort on the host, so replicas and PostgreSQL's 5432 would collide).
admin_token=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
convert() {  # convert IN OUT [DB_HOST]
  /usr/bin/python3 - "$1" "$2" "$PORT" "$admin_token" "${3:-}" <<'PY'
import base64, sys, yaml
src, dst, port, admin_token, db_host = sys.argv[1:6]
docs = [d for d in yaml.safe_load_all(open(src)) if d]
secrets = {}
for d in docs:
    if d["kind"] == "Secret":
        values = dict(d.get("stringData") or {})
        values.update({k: base64.b64decode(v).decode() for k, v in (d.get("data") or {}).items()})
        secrets[d["metadata"]["name"]] = values
secrets["wksemu-admin"] = {"token": admin_token}
mounted = {v["secret"]["secretName"] for d in docs if d["kind"] in ("Deployment", "StatefulSet")
           for v in d["spec"]["template"]["spec"].get("volumes", []) if "secret" in v}
changes, out = [], []
for d in docs:
    kind, name = d["kind"], d["metadata"]["name"]
    if kind == "Secret":
        if name in mounted:
            out.append({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": name}, "data": secrets[name]})
            changes.append(f"Secret/{name} -> ConfigMap/{name} with the same files (it is mounted as a volume)")
        else:
            changes.append(f"Secret/{name} dropped (its values are inlined where env reads them)")
        continue
    if kind == "Service":
        changes.append(f"Service/{name} dropped (podman ignores it)")
        continue
    if kind == "StatefulSet":
        spec = d["spec"]["template"]["spec"]
        for claim in d["spec"].get("volumeClaimTemplates", []):
            spec.setdefault("volumes", []).append({"name": claim["metadata"]["name"], "emptyDir": {}})
        service = d["spec"].get("serviceName", name)
        d = {"apiVersion": "v1", "kind": "Pod",
             "metadata": {"name": service, "labels": d["spec"]["template"]["metadata"].get("labels", {})}, "spec": spec}
        changes.append(f"StatefulSet/{name} -> Pod/{service} (its Service's name), claim -> emptyDir")
    if kind == "Deployment":
        if d["spec"].get("replicas", 1) != 1:
            changes.append(f"Deployment/{name}: replicas {d['spec']['replicas']} -> 1")
            d["spec"]["replicas"] = 1
    if d["kind"] not in ("Deployment", "Pod"):
        out.append(d)
        continue
    pod = d["spec"]["template"]["spec"] if kind == "Deployment" else d["spec"]
    for v in pod.get("volumes", []):
        if "secret" in v:
            v["configMap"] = {"name": v.pop("secret")["secretName"]}
            changes.append(f"{kind}/{name}: volume {v['name']}: secret -> configMap")
    for c in pod["containers"]:
        for e in c.get("env", []):
            ref = e.get("valueFrom", {}).get("secretKeyRef")
            if ref:
                del e["valueFrom"]
                e["value"] = secrets[ref["name"]][ref["key"]]
                changes.append(f"{kind}/{name}: env {e['name']}: secretKeyRef {ref['name']}.{ref['key']} -> value")
        if c["name"] == "wksemu":
            for p in c.get("ports", []):
                p["hostPort"] = int(port)
            changes.append(f"{kind}/{name}: containerPort 8080 -> hostPort {port}")
        elif c.get("ports"):
            del c["ports"]
            changes.append(f"{kind}/{name}: container {c['name']}: ports dropped (only reached inside the network)")
    out.append(d)
if db_host:
    for d in out:
        if d["kind"] == "ConfigMap" and d["metadata"]["name"].startswith("wksemu-db") and "DB_HOST" in d["data"]:
            changes.append(f"ConfigMap/{d['metadata']['name']}: DB_HOST {d['data']['DB_HOST']} -> {db_host}")
            d["data"]["DB_HOST"] = db_host
yaml.safe_dump_all(out, open(dst, "w"), sort_keys=False)
for c in changes:
    print("[verify]   converted: " + c)
PY
}

play() {  # play NAME KUSTOMIZATION [DB_HOST]
  kubectl kustomize "$2" >"$WORK/$1.yaml"
  log "kube play $2: $(grep -c '^kind:' "$WORK/$1.yaml") resources from kubectl kustomize"
  convert "$WORK/$1.yaml" "$WORK/$1.play.yaml" "${3:-}"
  start=$SECONDS
  podman kube play --network "$NET" "$WORK/$1.play.yaml" >"$WORK/$1.play.log" 2>&1 \
    || { cat "$WORK/$1.play.log"; fail "podman kube play $2 failed"; }
  wait_ready "http://localhost:$PORT/q/health/ready" 180 \
    || { podman logs wksemu-pod-0-wksemu 2>&1 | tail -30; fail "$2: emulator not ready"; }
  log "$2: emulator ready after $((SECONDS - start)) s; as uid $(podman exec wksemu-pod-0-wksemu id -u)"
  local admin no_token
  no_token=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/_emulator/clock")
  admin=$(curl -s -o /dev/null -w '%{http_code}' -H "X-Emulator-Admin-Token: $admin_token" "http://localhost:$PORT/_emulator/clock")
  log "$2: admin API without the token -> $no_token, with the Secret's token -> $admin"
  [ "$no_token" = 401 ] && [ "$admin" = 200 ] || fail "$2: the admin token from the Secret is not enforced"
  count=$(curl -s -H 'X-Auth-Token: any' "$url" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["count"])')
  log "$2: README curl -> count $count"
  [ "$count" = 5 ] || fail "$2: expected the 5 seeded desktops"
  podman kube down "$WORK/$1.play.yaml" >/dev/null 2>&1 || true
}

podman network exists "$NET" || podman network create "$NET" >/dev/null
play base k8s/base

# external-db: "an existing PostgreSQL" is a plain postgres:15 container on the network, created with the
# overlay's own credentials (db-credentials.yaml); DB_HOST is edited to its name, as the overlay asks.
ext_user=$(sed -n 's/^  DB_USERNAME: //p' k8s/overlays/external-db/db-credentials.yaml)
ext_password=$(sed -n 's/^  DB_PASSWORD: //p' k8s/overlays/external-db/db-credentials.yaml)
podman run -d --name "$PROJECT-extdb" --network "$NET" -e POSTGRES_USER="$ext_user" \
  -e POSTGRES_PASSWORD="$ext_password" -e POSTGRES_DB=wksemu postgres:15 >/dev/null 2>"$WORK/extdb.log"
play external-db k8s/overlays/external-db "$PROJECT-extdb"

# --- 4. the Java-test module on real containers ----------------------------------------------------
# testcontainers/'s container tests (-Pcontainers: WksEmuContainer's fixtures, seed folder, clock, strict
# credentials, admin token and external database; @WksEmuTest's container mode with the SDK example) through
# podman's Docker-compatible socket, started here when none answers. They start the image built above (the
# module's default image is this version's tag); every port is mapped on loopback.
SOCK=/run/podman/podman.sock
if [ "$(curl -s --unix-socket "$SOCK" http://podman/_ping)" != OK ]; then
  mkdir -p "$(dirname "$SOCK")"
  podman system service --time=0 "unix://$SOCK" >"$WORK/podman-service.log" 2>&1 &
  service_pid=$!
  until [ "$(curl -s --unix-socket "$SOCK" http://podman/_ping)" = OK ]; do
    kill -0 "$service_pid" 2>/dev/null || { cat "$WORK/podman-service.log"; fail "podman system service did not start"; }
    sleep 0.2
  done
  log "started podman's Docker-compatible API on $SOCK"
fi
start=$SECONDS
DOCKER_HOST=unix://$SOCK TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1 \
  ./mvnw -B -ntp -f testcontainers/pom.xml -Pcontainers test >"$WORK/module.log" 2>&1 \
  || { grep -E 'Tests run|FAIL|ERROR' "$WORK/module.log" | head -40; fail "the module's container tests failed"; }
log "testcontainers/ -Pcontainers: $(grep -E '^\[(INFO|WARNING)\] Tests run:' "$WORK/module.log" | tail -1 | sed 's/^\[[A-Z]*\] //') in $((SECONDS - start)) s"

log "PASS"
