#!/usr/bin/env bash
# Lighthouse (npm lighthouse@12.2.3, mobile profile) on the home page, an article, a listing and
# a search results page, served as in production: DEBUG off, collected static files behind
# whitenoise, gunicorn on 127.0.0.1. Prints the four category scores per page.
#
#   bench/lighthouse.sh            # needs: scripts/browser/install.sh, npm ci, .venv
#   PORT=8016 bench/lighthouse.sh  # another port
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT=${PORT:-8016}
BUILD=build/lighthouse
BASE="http://127.0.0.1:${PORT}"
PAGES=(
  "home /en/"
  "article /en/articles/history-of-mutual-aid/"
  "listing /en/directory/seattle-request-support-form/"
  "search /en/search/?q=food"
)
mkdir -p "$BUILD"

export DATABASE_URL="sqlite:///$PWD/$BUILD/bench.sqlite3"
export STATIC_ROOT="$PWD/$BUILD/static"
export DJANGO_SETTINGS_MODULE=portal.settings.production
export SECRET_KEY=lighthouse-bench-only SECURE_SSL_REDIRECT=false SECURE_HSTS_SECONDS=0
export ALLOWED_HOSTS=127.0.0.1 BASE_URL="$BASE"

.venv/bin/python manage.py migrate --no-input -v0
.venv/bin/python manage.py load_demo -v0 >/dev/null
.venv/bin/python manage.py collectstatic --no-input -v0

.venv/bin/gunicorn portal.wsgi --bind "127.0.0.1:${PORT}" --workers 2 --log-level warning &
SERVER=$!
trap 'kill "$SERVER"' EXIT
for _ in $(seq 50); do curl -fs -o /dev/null "$BASE/en/" && break; sleep 0.2; done

css=$(curl -fs "$BASE/en/" | grep -o '/static/css/portal[^"]*\.css' | head -1)
echo "Stylesheet $css: $(curl -fsI -H 'Accept-Encoding: br, gzip' "$BASE$css" | grep -i '^cache-control' | tr -d '\r')"

export CHROME_PATH=/usr/bin/chromium
FLAGS="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
--disable-background-networking --disable-component-update --disable-sync"
printf '\n%-8s %12s %14s %15s %5s\n' page performance accessibility best-practices seo
for entry in "${PAGES[@]}"; do
  name=${entry%% *}
  path=${entry#* }
  report="$BUILD/$name.json"
  npx --no-install lighthouse "$BASE$path" --quiet --output=json --output-path="$report" \
    --form-factor=mobile --chrome-flags="$FLAGS" --only-categories=performance,accessibility,best-practices,seo
  node -e '
    const r = require(process.argv[1]);
    const s = k => Math.round(r.categories[k].score * 100);
    console.log(process.argv[2].padEnd(8), String(s("performance")).padStart(12),
      String(s("accessibility")).padStart(14), String(s("best-practices")).padStart(15),
      String(s("seo")).padStart(5));
  ' "$PWD/$report" "$name"
done
