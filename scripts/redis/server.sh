#!/usr/bin/env bash
# A throwaway Redis server for the tests, from Debian's packages, on 127.0.0.1 only.
#
#   scripts/redis/server.sh install   apt-get install redis-server (needs root; skipped if present)
#   scripts/redis/server.sh start     start it if needed (no persistence) and print a CACHE_URL for it
#   scripts/redis/server.sh stop      stop it (by its pid file)
#
# Environment: REDIS_PORT (default 63790, off the usual 6379 so it never meets a real server; the
# next free port is taken when another checkout holds it), REDIS_DIR (default a folder under /tmp).
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PORT=${REDIS_PORT:-63790}
DIR=${REDIS_DIR:-/tmp/portal-redis-$(echo "$REPO_ROOT" | sha256sum | cut -c1-12)}
PIDFILE="$DIR/redis.pid"

# shellcheck source=../lib/free-port.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/free-port.sh"

running() {
  [[ -f "$PIDFILE" ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null
}

do_install() {
  if command -v redis-server >/dev/null; then return 0; fi
  [[ $EUID -eq 0 ]] || { echo "server.sh: installing Redis needs root" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null
  # Debian may start its own server on 6379; the tests use theirs, so stop the packaged one.
  service redis-server stop >/dev/null 2>&1 || true
}

do_start() {
  command -v redis-server >/dev/null || { echo "server.sh: run '$0 install' first" >&2; exit 1; }
  mkdir -p "$DIR"
  if ! running; then
    PORT=$(free_port "$PORT")
    echo "$PORT" >"$DIR/port"
    # A cache only: nothing is written to disk.
    redis-server --bind 127.0.0.1 --port "$PORT" --daemonize yes --pidfile "$PIDFILE" \
      --dir "$DIR" --logfile "$DIR/redis.log" --save "" --appendonly no
    for _ in $(seq 50); do
      redis-cli -p "$PORT" ping >/dev/null 2>&1 && break
      sleep 0.1
    done
    redis-cli -p "$PORT" ping >/dev/null || { tail -n 20 "$DIR/redis.log" >&2; exit 1; }
  fi
  echo "redis://127.0.0.1:$(cat "$DIR/port")/0"
}

do_stop() {
  if running; then
    kill "$(cat "$PIDFILE")"
    for _ in $(seq 50); do running || break; sleep 0.1; done
  fi
  rm -f "$PIDFILE"
}

case "${1:-}" in
  install) do_install ;;
  start) do_start ;;
  stop) do_stop ;;
  *) echo "usage: $0 install|start|stop" >&2; exit 2 ;;
esac
