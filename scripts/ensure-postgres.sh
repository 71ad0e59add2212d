#!/usr/bin/env bash
# Makes a PostgreSQL server reachable at DB_HOST:DB_PORT with the DB_NAME database owned by
# DB_USERNAME/DB_PASSWORD. When nothing answers there and the host is local, it starts (or installs and
# starts) the machine's own cluster and creates the role and database. Safe to run any number of times.
set -euo pipefail

DB_HOST=${DB_HOST:-localhost}
DB_PORT=${DB_PORT:-5432}
DB_NAME=${DB_NAME:-wksemu}
DB_USERNAME=${DB_USERNAME:-wksemu}
DB_PASSWORD=${DB_PASSWORD:-wksemu}

log() { echo "[ensure-postgres] $*" >&2; }

can_login() {
  PGPASSWORD="$DB_PASSWORD" psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USERNAME" -d "$DB_NAME" \
    -tAc 'select 1' >/dev/null 2>&1
}

# Something accepting TCP connections at DB_HOST:DB_PORT (bash's /dev/tcp: no client needed).
listening() {
  (exec 3<>"/dev/tcp/$DB_HOST/$DB_PORT") 2>/dev/null
}
alternatives="start a PostgreSQL yourself and point DB_HOST/DB_PORT (and DB_NAME, DB_USERNAME, DB_PASSWORD) at it,
  for example: docker run -d -p $DB_PORT:5432 -e POSTGRES_USER=$DB_USERNAME -e POSTGRES_PASSWORD=$DB_PASSWORD -e POSTGRES_DB=$DB_NAME postgres:15
  or run the emulator's container image, which carries its own database"

if command -v psql >/dev/null 2>&1; then
  if can_login; then
    log "PostgreSQL at $DB_HOST:$DB_PORT already serves $DB_NAME"
    exit 0
  fi
elif listening; then
  # A server in a container, with no client on this machine: it cannot be checked from here, and the
  # emulator says at start what is wrong if the database or role is missing.
  log "a server listens at $DB_HOST:$DB_PORT; psql is not installed, so database $DB_NAME and role" \
    "$DB_USERNAME are not checked (the emulator reports a failed login at start)"
  exit 0
fi

case "$DB_HOST" in
  localhost|127.0.0.1|::1) ;;
  *) log "cannot reach $DB_NAME at $DB_HOST:$DB_PORT and it is not local: start it yourself"; exit 1 ;;
esac

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -n -u postgres "$@"; fi
}
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi
}

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  if ! command -v apt-get >/dev/null 2>&1; then
    log "no PostgreSQL answers at $DB_HOST:$DB_PORT, and this machine has neither Debian's PostgreSQL" \
      "packaging (pg_lsclusters) nor apt-get to install it: $alternatives"
    exit 1
  fi
  log "no PostgreSQL installed: installing Debian's package"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >/dev/null
fi

# The newest installed cluster, or a new one when the package came without any.
cluster=$(pg_lsclusters -h 2>/dev/null | sort -k1,1V | tail -n 1 || true)
if [ -z "$cluster" ]; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  log "creating cluster $version/main"
  as_root pg_createcluster "$version" main -p "$DB_PORT" >/dev/null
  cluster=$(pg_lsclusters -h | sort -k1,1V | tail -n 1)
fi
read -r version name port status _ <<<"$cluster"
if [ "$port" != "$DB_PORT" ]; then
  log "cluster $version/$name listens on $port, not $DB_PORT: set DB_PORT=$port"; exit 1
fi
if [ "$status" != online ]; then
  log "starting cluster $version/$name"
  as_root pg_ctlcluster "$version" "$name" start
fi
for _ in $(seq 1 30); do
  pg_isready -q -h "$DB_HOST" -p "$DB_PORT" && break
  sleep 1
done

psql_admin() { as_postgres psql -p "$DB_PORT" -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ "$(psql_admin -c "select 1 from pg_roles where rolname = '$DB_USERNAME'")" != 1 ]; then
  log "creating role $DB_USERNAME"
  psql_admin -c "create role \"$DB_USERNAME\" login password '$DB_PASSWORD'"
fi
if [ "$(psql_admin -c "select 1 from pg_database where datname = '$DB_NAME'")" != 1 ]; then
  log "creating database $DB_NAME"
  psql_admin -c "create database \"$DB_NAME\" owner \"$DB_USERNAME\""
fi

# An existing role is never altered: on a shared cluster it may be someone else's.
can_login || { log "cannot log in to $DB_NAME as $DB_USERNAME: the role exists with another password or" \
  "without LOGIN; set DB_USERNAME/DB_PASSWORD to a role that can, or fix the role yourself"; exit 1; }
log "PostgreSQL ready at $DB_HOST:$DB_PORT, database $DB_NAME"
