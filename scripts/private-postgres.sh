#!/usr/bin/env bash
# A private PostgreSQL cluster for drills: its own data directory and port, never the shared test server.
#
#   scripts/private-postgres.sh start DIR PORT    # initdb DIR (first time), start on 127.0.0.1:PORT, print the URL
#   scripts/private-postgres.sh stop DIR          # stop at once (immediate: like a crash of the server)
#   scripts/private-postgres.sh destroy DIR       # stop if running, delete DIR
#
# Uses the server binaries of the installed `postgresql` package (scripts/start-test-postgres.sh installs it) and
# runs them as the postgres user when started as root (the server refuses to run as root). Local connections are
# trusted; the cluster listens on 127.0.0.1 and a socket inside DIR only.
set -euo pipefail

command="${1:?usage: private-postgres.sh start DIR PORT | stop DIR | destroy DIR}"
dir="${2:?the data directory}"

bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -z "$bindir" ]; then
    echo "private-postgres: no PostgreSQL server installed (run scripts/start-test-postgres.sh once)" >&2
    exit 2
fi

as_postgres() {
    if [ "$(id -u)" = "0" ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# The server outlives this script: it must not inherit a descriptor of the caller's (a pipe, or the one a parent
# watches to learn that this script exited), or the caller would wait for the server instead of the script.
for fd in /proc/$$/fd/*; do
    fd="${fd##*/}"
    if [ "$fd" -gt 2 ] 2>/dev/null; then eval "exec $fd>&-" 2>/dev/null || true; fi
done

case "$command" in
start)
    port="${3:?the port}"
    if [ ! -f "$dir/PG_VERSION" ]; then
        mkdir -p "$dir"
        if [ "$(id -u)" = "0" ]; then chown postgres: "$dir"; fi
        chmod 700 "$dir"
        as_postgres "$bindir/initdb" -D "$dir" -U postgres --auth=trust --no-sync >"$dir.initdb.log" 2>&1
    fi
    as_postgres "$bindir/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=on" start >&2
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
stop)
    as_postgres "$bindir/pg_ctl" -D "$dir" -m immediate -w -t 60 stop >&2
    ;;
destroy)
    if [ -f "$dir/postmaster.pid" ]; then
        as_postgres "$bindir/pg_ctl" -D "$dir" -m immediate -w -t 60 stop >&2 || true
    fi
    rm -rf "$dir" "$dir.initdb.log"
    ;;
*)
    echo "private-postgres: unknown command $command" >&2
    exit 2
    ;;
esac
