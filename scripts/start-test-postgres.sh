#!/usr/bin/env bash
# Starts a local PostgreSQL server for the ApusStore tests and prints the URL to export as APUS_TEST_POSTGRES_URL.
#
#   export APUS_TEST_POSTGRES_URL="$(scripts/start-test-postgres.sh)"
#
# On a fresh Debian machine it installs the `postgresql` package with apt when missing, creates a cluster if
# there is none, and starts it with `pg_ctlcluster` as the `postgres` user (the server refuses to run as root).
# It then creates the role and database `apus_test` (password `apus_test`). Safe to run again: an installed
# package, an existing cluster, a running server, an existing role or database are all fine.
#
# Progress goes to stderr; the only line on stdout is the URL.
set -euo pipefail

ROLE="${APUS_TEST_POSTGRES_ROLE:-apus_test}"
PASSWORD="${APUS_TEST_POSTGRES_PASSWORD:-apus_test}"
DATABASE="${APUS_TEST_POSTGRES_DB:-apus_test}"
CLUSTER="${APUS_TEST_POSTGRES_CLUSTER:-main}"

log() { echo "start-test-postgres: $*" >&2; }

# Runs a command as the postgres user, from root or from a sudo-capable user.
as_postgres() {
    if [ "$(id -un)" = "postgres" ]; then
        "$@"
    elif [ "$(id -u)" = "0" ]; then
        if command -v runuser >/dev/null 2>&1; then
            runuser -u postgres -- "$@"
        else
            su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
        fi
    else
        sudo -u postgres -- "$@"
    fi
}

as_root() {
    if [ "$(id -u)" = "0" ]; then "$@"; else sudo -- "$@"; fi
}

# 1. Install the server if missing.
if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
    log "installing postgresql with apt"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2
fi

# 2. Pick the newest installed major version and make sure a cluster exists.
VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if [ -z "$VERSION" ]; then
    log "no PostgreSQL version found under /usr/lib/postgresql"
    exit 1
fi
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$VERSION $CLUSTER"; then
    log "creating cluster $VERSION/$CLUSTER"
    as_root pg_createcluster "$VERSION" "$CLUSTER" >&2
fi

# 3. Start it as the postgres user unless it is already online.
STATUS="$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1==v && $2==c {print $4}')"
if [ "$STATUS" != "online" ]; then
    log "starting cluster $VERSION/$CLUSTER"
    # The socket directory is normally created by the systemd unit; containers have no systemd.
    as_root install -d -o postgres -g postgres -m 2775 /var/run/postgresql
    as_postgres pg_ctlcluster "$VERSION" "$CLUSTER" start >&2
fi
PORT="$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1==v && $2==c {print $3}')"

# 4. Wait until it accepts connections (pg_ctlcluster waits already; this covers a server started elsewhere).
for _ in $(seq 1 50); do
    if as_postgres psql -p "$PORT" -qAtc 'SELECT 1' >/dev/null 2>&1; then break; fi
    sleep 0.2
done

# 5. Role and database, idempotently.
as_postgres psql -p "$PORT" -v ON_ERROR_STOP=1 -q >&2 <<SQL
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$ROLE') THEN
        CREATE ROLE "$ROLE" LOGIN PASSWORD '$PASSWORD';
    ELSE
        ALTER ROLE "$ROLE" LOGIN PASSWORD '$PASSWORD';
    END IF;
END
\$\$;
SQL
if [ "$(as_postgres psql -p "$PORT" -qAtc "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" != "1" ]; then
    log "creating database $DATABASE"
    as_postgres psql -p "$PORT" -v ON_ERROR_STOP=1 -qc "CREATE DATABASE \"$DATABASE\" OWNER \"$ROLE\"" >&2
fi

echo "postgres://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DATABASE"
