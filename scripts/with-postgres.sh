#!/usr/bin/env bash
# Run a command (by default the test suite) against a throwaway PostgreSQL cluster in a temporary
# folder, with DATABASE_URL pointing at it: `scripts/with-postgres.sh [command ...]`.
# The cluster runs as the `postgres` user (initdb refuses root), listens only on a Unix socket
# inside that folder, and is stopped and removed however the tests end.
set -euo pipefail
cd "$(dirname "$0")/.."

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [ -z "$(pg_bin)" ]; then
  echo "Installing Debian's postgresql for the test cluster"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
PGBIN=$(pg_bin)
id postgres >/dev/null 2>&1 || useradd --system --home /var/lib/postgresql postgres

cluster=$(mktemp -d /tmp/pp-postgres.XXXXXX)
chown postgres "$cluster"
port=${PGPORT_TEST:-55432}
as_postgres() { runuser -u postgres -- "$@"; }
cleanup() {
  as_postgres "$PGBIN/pg_ctl" -D "$cluster/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$cluster"
}
trap cleanup EXIT

as_postgres "$PGBIN/initdb" -D "$cluster/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_postgres "$PGBIN/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w \
  -o "-c listen_addresses='' -k $cluster -p $port -c fsync=off -c full_page_writes=off" start >/dev/null

socket=$(printf '%s' "$cluster" | sed 's|/|%2F|g')
export DATABASE_URL="postgres://postgres@${socket}:${port}/postgres"
echo "Running on PostgreSQL ($("$PGBIN/postgres" --version)): ${*:-.venv/bin/pytest}"
if [ "$#" -eq 0 ]; then set -- .venv/bin/pytest; fi
"$@"
