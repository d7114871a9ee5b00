#!/usr/bin/env bash
# Stop the stack scripts/stack/up.sh started: gunicorn, the worker, Varnish, and the
# OpenSearch node if up.sh started its own. PostgreSQL and Redis stay up: they are the test
# servers the suite shares (scripts/postgres, scripts/redis stop them; CI's cleanup does).
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$REPO_ROOT"
DIR=${STACK_DIR:-$REPO_ROOT/build/stack}

stop_pid() {
  local file=$1 pid
  [[ -f "$file" ]] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    # gunicorn's graceful stop, and the worker finishing its task, take a moment.
    for _ in $(seq 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  fi
  rm -f "$file"
}

rm -f "$DIR/stack.env"  # the smoke test skips once it is gone
stop_pid "$DIR/web.pid"
stop_pid "$DIR/worker.pid"
VARNISH_DIR="$DIR/varnish" scripts/varnish/varnish.sh stop
if [[ -f "$DIR/own-search-node" ]]; then
  SEARCH_NODE_INSTANCE=stack scripts/search-node/node.sh stop
  rm -f "$DIR/own-search-node"
fi
echo "stack: down" >&2
