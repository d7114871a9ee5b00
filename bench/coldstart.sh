#!/usr/bin/env bash
# Cold start: what a newcomer's first `make run` costs, step by step, in a fresh clone.
# Clones the committed HEAD of this repository into a temporary directory, then times each
# step `make run` takes (venv, pip install, catalogues, fonts, migrate, load_demo,
# ensure_admin, first page served) and prints one line per step and the total.
# Not a test: figures depend on the machine, its load and the network (or pip's cache).
#
#   bench/coldstart.sh                 # clone HEAD into a temporary directory, removed after
#   KEEP=1 bench/coldstart.sh          # keep the clone (its path is printed)
#   REF=76d310e bench/coldstart.sh     # an older commit, for a before/after comparison
#   PORT=8017 bench/coldstart.sh       # the port the last step serves on (127.0.0.1 only)
set -euo pipefail
SOURCE=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PORT=${PORT:-8017}
CLONE=$(mktemp -d "${TMPDIR:-/tmp}/portal-coldstart.XXXXXX")

stop_server() {  # the server runs in step's subshell: its pid is in a file
  if [ -f "$CLONE/server.pid" ]; then
    kill "$(cat "$CLONE/server.pid")" 2>/dev/null || true
    rm -f "$CLONE/server.pid"
  fi
}

cleanup() {
  stop_server
  if [ "${KEEP:-}" = 1 ]; then echo "clone kept: $CLONE"; else rm -rf "$CLONE"; fi
}
trap cleanup EXIT

TIMINGS=()
step() {  # $1: label, rest: the command, run in the clone with its output in the log
  local label=$1 TIMEFORMAT='%R %U %S' times
  shift
  # Wall time, and CPU time (user + system, of the step and the processes it waited for):
  # on a shared machine the CPU time is the steadier figure.
  # (The redirection stays inside the subshell: on it, bash would send time's report there.)
  if ! times=$( { time (cd "$CLONE" && "$@" >>"$CLONE/coldstart.log" 2>&1); } 2>&1); then
    echo "step failed: $label (log: $CLONE/coldstart.log)" >&2
    KEEP=1
    exit 1
  fi
  read -r wall user system <<<"$times"
  TIMINGS+=("$label|$wall|$(echo "$user + $system" | bc)")
}

first_page() {  # the dev server `make run` ends with, until it answers the home page
  .venv/bin/python manage.py runserver --noreload "127.0.0.1:$PORT" >>coldstart.log 2>&1 &
  echo $! >server.pid
  for _ in $(seq 600); do
    curl -fsS -o /dev/null "http://127.0.0.1:$PORT/en/" && return 0
    sleep 0.1
  done
  return 1
}

git clone --quiet "$SOURCE" "$CLONE"
if [ -n "${REF:-}" ]; then git -C "$CLONE" checkout --quiet "$REF"; fi
unset DATABASE_URL SEARCH_URL CACHE_URL DJANGO_SETTINGS_MODULE  # the clone's own defaults
echo "cold start of $(git -C "$CLONE" log -1 --format='%h %s' | cut -c1-72)"
echo "in $CLONE, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

step "venv" make .venv/bin/python
step "pip install" make .venv/.installed
step "fonts" make fonts
step "catalogues (.mo)" make install  # what install has left after the two above
step "migrate" .venv/bin/python manage.py migrate --no-input
step "load_demo" .venv/bin/python manage.py load_demo
step "ensure_admin" .venv/bin/python manage.py ensure_admin
step "first page served" first_page  # CPU: the wait only, the server is not counted
stop_server

printf '  %-20s %8s %8s\n' "step" "wall" "CPU"
total_wall=0 total_cpu=0
for line in "${TIMINGS[@]}"; do
  IFS='|' read -r label wall cpu <<<"$line"
  printf '  %-20s %7.1fs %7.1fs\n' "$label" "$wall" "$cpu"
  total_wall=$(echo "$total_wall + $wall" | bc)
  total_cpu=$(echo "$total_cpu + $cpu" | bc)
done
printf '  %-20s %7.1fs %7.1fs\n' "total" "$total_wall" "$total_cpu"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
