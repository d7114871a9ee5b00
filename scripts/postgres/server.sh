#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, from Debian's packages, on 127.0.0.1 only.
#
#   scripts/postgres/server.sh install   apt-get install postgresql (needs root; skipped if present)
#   scripts/postgres/server.sh start     create a cluster under build/postgres if needed, start it,
#                                        print a DATABASE_URL for it
#   scripts/postgres/server.sh stop      stop it (fast shutdown)
#
# Environment: POSTGRES_PORT (default 54329, off the usual 5432 so it never meets a real server),
# POSTGRES_DIR (default <repo>/build/postgres, or a folder under /tmp when the checkout is private).
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PORT=${POSTGRES_PORT:-54329}
# PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user that
# Debian's package creates; that user must be able to reach the data folder.
DIR=${POSTGRES_DIR:-/tmp/portal-postgres-$(echo "$REPO_ROOT" | sha256sum | cut -c1-12)}
DATA="$DIR/data"
LOG="$DIR/server.log"

pg_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  [[ -n "$bin" ]] || { echo "server.sh: PostgreSQL is not installed; run '$0 install'" >&2; exit 1; }
  echo "$bin"
}

as_owner() {
  if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# shellcheck source=../lib/free-port.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/free-port.sh"

do_install() {
  if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then return 0; fi
  [[ $EUID -eq 0 ]] || { echo "server.sh: installing PostgreSQL needs root" >&2; exit 1; }
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  # Debian starts its own cluster on 5432; the tests use theirs, so stop the packaged one.
  service postgresql stop >/dev/null 2>&1 || true
}

do_start() {
  local bin
  bin=$(pg_bin)
  mkdir -p "$DIR"
  [[ $EUID -eq 0 ]] && chown postgres: "$DIR"
  if [[ ! -f "$DATA/PG_VERSION" ]]; then
    # Trust on loopback only: a disposable test server with no secrets in it.
    as_owner "$bin/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! as_owner "$bin/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    PORT=$(free_port "$PORT")
    echo "$PORT" >"$DIR/port"
    as_owner "$bin/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
      -o "-h 127.0.0.1 -p $PORT -k $DIR -c fsync=off -c full_page_writes=off" start >/dev/null \
      || { tail -n 30 "$LOG" >&2; exit 1; }
  fi
  PORT=$(cat "$DIR/port")
  # The database the URL names, so `manage.py` commands (not only the test runner, which makes
  # its own) find it; it already exists when the cluster was started before.
  as_owner "$bin/createdb" -h 127.0.0.1 -p "$PORT" -U postgres portal 2>/dev/null || true
  echo "postgres://postgres@127.0.0.1:$PORT/portal"
}

do_stop() {
  local bin
  bin=$(pg_bin)
  if [[ -f "$DATA/PG_VERSION" ]] && as_owner "$bin/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    as_owner "$bin/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
  fi
}

case "${1:-}" in
  install) do_install ;;
  start) do_start ;;
  stop) do_stop ;;
  *) echo "usage: $0 install|start|stop" >&2; exit 2 ;;
esac
