#!/usr/bin/env bash
# Varnish (Debian's package) in front of a portal, on 127.0.0.1 only, with deploy/varnish/default.vcl.
#
#   scripts/varnish/varnish.sh install   apt-get install varnish (needs root; skipped if present)
#   scripts/varnish/varnish.sh start     start it if needed and print its URL (also the purge
#                                        LOCATION for FRONTEND_CACHE_URL)
#   scripts/varnish/varnish.sh stop      stop it (by its pid file)
#   scripts/varnish/varnish.sh status    exit 0 if it runs, 3 if not
#
# Environment:
#   VARNISH_PORT      listening port (default 60810; the next free one is taken when it is held)
#   VARNISH_BACKEND   the portal it fronts, host:port (default 127.0.0.1:8000)
#   VARNISH_DIR       working folder: pid, log, compiled VCL (default <repo>/build/varnish; give each
#                     further instance its own)
#   VARNISH_MEMORY    cache size (default 64m)
#   VARNISH_VCL       the VCL to load (default deploy/varnish/default.vcl); its backend's host and
#                     port are replaced by VARNISH_BACKEND in the copy under VARNISH_DIR
# No root daemon: varnishd runs in the foreground (-F) as whoever runs this script, detached
# from the terminal; as root it still drops its worker to Debian's `varnish`/`vcache` users.
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PORT=${VARNISH_PORT:-60810}
BACKEND=${VARNISH_BACKEND:-127.0.0.1:8000}
DIR=${VARNISH_DIR:-$REPO_ROOT/build/varnish}
MEMORY=${VARNISH_MEMORY:-64m}
VCL_SOURCE=${VARNISH_VCL:-$REPO_ROOT/deploy/varnish/default.vcl}
PIDFILE="$DIR/varnishd.pid"

# shellcheck source=../lib/free-port.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/free-port.sh"

# As root, varnishd reads the VCL and works as Debian's unprivileged `varnish` and `vcache`
# users, which must reach DIR: every folder above it searchable by others (mode o+x).
others_can_reach() {
  local dir=$1
  while :; do
    [[ "$(stat -c %A "$dir")" == *[xt] ]] || return 1  # t: sticky and searchable (/tmp)
    [[ "$dir" == / ]] && return 0
    dir=$(dirname "$dir")
  done
}

running() {
  [[ -f "$PIDFILE" ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null
}

do_install() {
  if command -v varnishd >/dev/null || [[ -x /usr/sbin/varnishd ]]; then return 0; fi
  [[ $EUID -eq 0 ]] || { echo "varnish.sh: installing Varnish needs root" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends varnish >/dev/null
  # Debian's package may start its own daemon on :6081; ours are started by this script.
  service varnish stop >/dev/null 2>&1 || true
}

varnishd_bin() {
  command -v varnishd 2>/dev/null || { [[ -x /usr/sbin/varnishd ]] && echo /usr/sbin/varnishd; } ||
    { echo "varnish.sh: varnishd is missing; run 'sudo $0 install'" >&2; exit 1; }
}

do_start() {
  local varnishd
  varnishd=$(varnishd_bin)
  mkdir -p "$DIR"
  chmod 755 "$DIR"
  if [[ $EUID -eq 0 ]] && ! others_can_reach "$DIR"; then
    echo "varnish.sh: as root, VARNISH_DIR ($DIR) must be reachable by the varnish user" >&2
    exit 1
  fi
  if ! running; then
    local host=${BACKEND%:*} backend_port=${BACKEND##*:}
    # The deployable VCL names 127.0.0.1:8000; this instance's copy names its own backend.
    sed -e "s/^\(    \.host = \)\"[^\"]*\";/\1\"$host\";/" \
      -e "s/^\(    \.port = \)\"[^\"]*\";/\1\"$backend_port\";/" "$VCL_SOURCE" >"$DIR/default.vcl"
    PORT=$(free_port "$PORT")
    echo "$PORT" >"$DIR/port"
    # -n: its own working folder (shared memory log, compiled VCL), so several instances and a
    # packaged varnish never meet; -T: the management port on loopback, found via -n by varnishadm.
    setsid "$varnishd" -F -a "127.0.0.1:$PORT" -T 127.0.0.1:0 -f "$DIR/default.vcl" \
      -n "$DIR/work" -s "malloc,$MEMORY" -p default_ttl=0 >"$DIR/varnishd.log" 2>&1 </dev/null &
    echo $! >"$PIDFILE"
    for _ in $(seq 100); do
      (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
      running || break
      sleep 0.1
    done
    running || { tail -n 30 "$DIR/varnishd.log" >&2; rm -f "$PIDFILE"; exit 1; }
  fi
  echo "http://127.0.0.1:$(cat "$DIR/port")"
}

do_stop() {
  if running; then
    kill "$(cat "$PIDFILE")"
    for _ in $(seq 100); do running || break; sleep 0.1; done
  fi
  rm -f "$PIDFILE"
}

case "${1:-}" in
  install) do_install ;;
  start) do_start ;;
  stop) do_stop ;;
  status) if running; then echo "running on port $(cat "$DIR/port")"; else exit 3; fi ;;
  *) echo "usage: $0 install|start|stop|status" >&2; exit 2 ;;
esac
