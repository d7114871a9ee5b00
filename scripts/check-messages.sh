#!/usr/bin/env bash
# CI gate: fail when `makemessages` would change the committed catalogues, i.e. someone marked
# or changed a string and did not run `make messages`. Runs makemessages on a throwaway copy of
# the tree, so it never touches the working tree (translators may be editing the .po files),
# and ignores the POT-Creation-Date header, which changes on every run.
# Needs GNU gettext (xgettext, msgmerge): apt-get install gettext.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
PYTHON=${PYTHON:-$ROOT/.venv/bin/python}

for tool in xgettext msgmerge; do
  command -v "$tool" >/dev/null || { echo "check-messages: $tool not found (apt-get install gettext)" >&2; exit 2; }
done

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Only what makemessages reads: code, templates and the catalogues.
tar --exclude=./.venv --exclude=./node_modules --exclude=./build --exclude=./media \
    --exclude=./static --exclude=./.git --exclude='*.mo' --exclude='__pycache__' -cf - . \
  | tar -xf - -C "$WORK"

# The same command as `make messages`.
(cd "$WORK" && DJANGO_SETTINGS_MODULE=portal.settings.test "$PYTHON" manage.py makemessages \
  --all --no-obsolete --no-location --ignore='.venv/*' --ignore='build/*' \
  --ignore='node_modules/*' >/dev/null)

status=0
for po in locale/*/LC_MESSAGES/*.po; do
  if ! diff -u -I '^"POT-Creation-Date: ' "$po" "$WORK/$po" >"$WORK/diff.txt"; then
    echo "check-messages: $po is out of date with the code:" >&2
    head -n 40 "$WORK/diff.txt" >&2
    status=1
  fi
done
if [ "$status" -ne 0 ]; then
  echo "Run 'make messages', translate the new entries, and commit the catalogues." >&2
fi
exit "$status"
