#!/usr/bin/env bash
# The whole production stack on this machine, as deploy/ describes it, for the smoke test
# (tests/deploy) and for trying a release: PostgreSQL, Redis, OpenSearch, gunicorn with
# production settings and deploy/gunicorn.conf.py, the background worker (db_worker), and
# Varnish in front with deploy/varnish/default.vcl. Everything on 127.0.0.1; no TLS (nginx's
# part), so the cookies' Secure flag relies on browsers trusting http://localhost.
#
#   scripts/stack/up.sh     start it (a fresh `portal_stack` database with the demo content),
#                           print the environment a test needs: STACK_URL (the cache), the
#                           editor's login; also written to build/stack/stack.env
#   scripts/stack/down.sh   stop what up.sh started
#
# Services already running are used, not started: set DATABASE_URL (any database on the
# server: up.sh makes its own), CACHE_URL and SEARCH_URL to theirs (CI does). Otherwise up.sh
# starts them with scripts/postgres, scripts/redis and scripts/search-node (an instance of its
# own, which down.sh stops; the PostgreSQL and Redis test servers are shared and stay up). Debian packages (postgresql, redis-server, varnish) and the OpenSearch node
# (Maven Central) are installed by those scripts' `install`.
#
# Environment: STACK_DIR (default <repo>/build/stack), STACK_WEB_WORKERS (default 2).
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$REPO_ROOT"
DIR=${STACK_DIR:-$REPO_ROOT/build/stack}
PYTHON="$REPO_ROOT/.venv/bin/python"
# shellcheck source=../lib/free-port.sh
source scripts/lib/free-port.sh

say() { printf 'stack: %s\n' "$*" >&2; }
# Exit 0 if the URL answers 200 (curl may be missing on a bare Debian).
http_ok() {
  "$PYTHON" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=5)' "$1" \
    2>/dev/null
}

if [[ -f "$DIR/web.pid" ]] && kill -0 "$(cat "$DIR/web.pid")" 2>/dev/null; then
  say "already running (scripts/stack/down.sh stops it)"
  cat "$DIR/stack.env"
  exit 0
fi
mkdir -p "$DIR"

# --- The services the portal uses ------------------------------------------------------------
if [[ -z "${DATABASE_URL:-}" ]]; then
  DATABASE_URL=$(scripts/postgres/server.sh start)
fi
if [[ -z "${CACHE_URL:-}" ]]; then
  CACHE_URL=$(scripts/redis/server.sh start)
fi
if [[ -z "${SEARCH_URL:-}" ]]; then
  SEARCH_URL=$(SEARCH_NODE_INSTANCE=stack SEARCH_NODE_PORT=9250 scripts/search-node/node.sh start)
  touch "$DIR/own-search-node"
fi
# The stack's own database on that server, new each time: the demo loads into an empty one.
DATABASE_URL=$("$PYTHON" - "$DATABASE_URL" <<'PY'
import sys
from urllib.parse import urlsplit, urlunsplit

import psycopg

url = urlsplit(sys.argv[1])
with psycopg.connect(urlunsplit(url._replace(path="/postgres")), autocommit=True) as db:
    db.execute("DROP DATABASE IF EXISTS portal_stack WITH (FORCE)")
    db.execute("CREATE DATABASE portal_stack")
print(urlunsplit(url._replace(path="/portal_stack")))
PY
)
# Redis database 2: the stack's cache never mixes with the tests' (database 0).
CACHE_URL="${CACHE_URL%/*}/2"

WEB_PORT=$(free_port 8610)
CACHE_PORT=$(free_port 60820)
[[ "$CACHE_PORT" != "$WEB_PORT" ]] || CACHE_PORT=$(free_port $((WEB_PORT + 1)))
# The browser's address for the cache: localhost, where Chromium keeps Secure cookies on http.
STACK_URL="http://localhost:$CACHE_PORT"
EDITOR_PASSWORD=$("$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(18))')

# --- The portal's environment: production settings, as deploy/env.example has them ------------
cat >"$DIR/portal.env" <<EOF
DJANGO_SETTINGS_MODULE=portal.settings.production
SECRET_KEY=$("$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(50))')
ALLOWED_HOSTS=localhost,127.0.0.1
BASE_URL=$STACK_URL
SECURE_SSL_REDIRECT=false
SECURE_HSTS_SECONDS=0
TRUSTED_PROXY_COUNT=1
DATABASE_URL=$DATABASE_URL
CACHE_URL=$CACHE_URL
TASKS_BACKEND=database
SEARCH_URL=$SEARCH_URL
SEARCH_INDEX_PREFIX=stack
FRONTEND_CACHE_URL=http://127.0.0.1:$CACHE_PORT
STATIC_ROOT=$DIR/static
MEDIA_ROOT=$DIR/media
PORTAL_BIND=127.0.0.1:$WEB_PORT
WEB_CONCURRENCY=${STACK_WEB_WORKERS:-2}
EOF
set -a
# shellcheck disable=SC1091
source "$DIR/portal.env"
set +a

# --- Database, static files, demo content, search index, an editor --------------------------
say "migrating $DATABASE_URL"
start=$SECONDS
"$PYTHON" manage.py migrate --no-input -v 0
"$PYTHON" manage.py collectstatic --no-input -v 0
# The demo is loaded with the work done at once and no cluster (thousands of single updates),
# then indexed in bulk: the cluster's index, and Wagtail's own (the admin's search).
say "loading the demo content"
SEARCH_URL='' TASKS_BACKEND=immediate FRONTEND_CACHE_URL='' LOG_LEVEL=WARNING \
  "$PYTHON" manage.py load_demo -v 0
LOG_LEVEL=WARNING "$PYTHON" manage.py update_index -v 0 >/dev/null
LOG_LEVEL=WARNING "$PYTHON" manage.py search_rebuild -v 0
# The site's address is the cache's, as readers reach it: purges name the pages by it, and
# Varnish keys its copies by the Host header readers send.
"$PYTHON" manage.py shell -c "from wagtail.models import Site
site = Site.objects.get(is_default_site=True)
site.hostname, site.port = 'localhost', $CACHE_PORT
site.save()"
DJANGO_SUPERUSER_PASSWORD=$EDITOR_PASSWORD "$PYTHON" manage.py createsuperuser --no-input \
  --username stack-editor --email stack-editor@example.org

# --- Varnish, gunicorn and the worker ---------------------------------------------------------
VARNISH_PORT=$CACHE_PORT VARNISH_BACKEND=127.0.0.1:$WEB_PORT VARNISH_DIR="$DIR/varnish" \
  scripts/varnish/varnish.sh start >/dev/null
setsid .venv/bin/gunicorn -c deploy/gunicorn.conf.py >"$DIR/web.log" 2>&1 </dev/null &
echo $! >"$DIR/web.pid"
setsid "$PYTHON" manage.py db_worker --queue-name '*' --interval 0.2 --no-reload \
  >"$DIR/worker.log" 2>&1 </dev/null &
echo $! >"$DIR/worker.pid"

for _ in $(seq 300); do
  http_ok "http://127.0.0.1:$WEB_PORT/robots.txt" && break
  kill -0 "$(cat "$DIR/web.pid")" 2>/dev/null || { tail -n 40 "$DIR/web.log" >&2; exit 1; }
  sleep 0.2
done
http_ok "$STACK_URL/robots.txt" || { tail -n 40 "$DIR/web.log" >&2; exit 1; }
kill -0 "$(cat "$DIR/worker.pid")" || { tail -n 40 "$DIR/worker.log" >&2; exit 1; }

cat >"$DIR/stack.env" <<EOF
STACK_URL=$STACK_URL
STACK_EDITOR=stack-editor
STACK_EDITOR_PASSWORD=$EDITOR_PASSWORD
STACK_DIR=$DIR
EOF
say "up in $((SECONDS - start)) s after the services: $STACK_URL (Varnish) → 127.0.0.1:$WEB_PORT (gunicorn) · worker · $SEARCH_URL"
cat "$DIR/stack.env"
