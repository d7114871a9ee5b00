#!/usr/bin/env bash
# Back up and restore the portal: its database and its uploaded files, in one archive.
#
#   scripts/backup.sh backup [DIR]      write DIR/portal-<UTC time>.tar.gz (DIR: $BACKUP_DIR)
#   scripts/backup.sh restore ARCHIVE   replace the database and MEDIA_ROOT with the archive's,
#                                       after saving the current state to $BACKUP_DIR
#
# The database and the media folder are the ones Django's settings name (DATABASE_URL,
# MEDIA_ROOT, DJANGO_SETTINGS_MODULE), so one command serves a laptop and production.
# SQLite is copied with sqlite3's online backup API, which gives a consistent copy even while the
# site writes (a plain cp can catch a half-written page or miss the WAL); PostgreSQL with
# pg_dump's custom format, restored by pg_restore in a single transaction. See docs/backup.md.
set -euo pipefail

# Paths given on the command line are the caller's; everything else is the checkout's.
CALLER_DIR=$PWD
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON=${PYTHON:-.venv/bin/python}
BACKUP_DIR=${BACKUP_DIR:-backups}
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-portal.settings.dev}
FORMAT=1

die() { echo "backup.sh: $*" >&2; exit 1; }
absolute() { if [[ $1 == /* ]]; then echo "$1"; else echo "$CALLER_DIR/$1"; fi; }

# Scratch folders, removed however the script ends.
SCRATCH=()
trap 'rm -rf "${SCRATCH[@]}"' EXIT

# ENGINE, DB_NAME and MEDIA_DIR from Django's settings; PG* variables for pg_dump and pg_restore.
read_settings() {
  local assignments
  assignments=$("$PYTHON" - <<'PY'
import shlex

import django

django.setup()
from django.conf import settings

db = settings.DATABASES["default"]
engine = db["ENGINE"].rsplit(".", 1)[-1]
values = {"ENGINE": engine, "DB_NAME": str(db["NAME"]), "MEDIA_DIR": str(settings.MEDIA_ROOT)}
if engine == "postgresql":
    values |= {
        "PGDATABASE": db["NAME"],
        "PGHOST": db.get("HOST") or "",
        "PGPORT": str(db.get("PORT") or ""),
        "PGUSER": db.get("USER") or "",
        "PGPASSWORD": db.get("PASSWORD") or "",
    }
for name, value in values.items():
    if value:  # an empty PGHOST or PGPASSWORD would mean something else to libpq than unset
        print(f"export {name}={shlex.quote(value)}")
PY
) || die "could not read Django's settings (DJANGO_SETTINGS_MODULE=$DJANGO_SETTINGS_MODULE)"
  eval "$assignments"
  case "$ENGINE" in
    sqlite3 | postgresql) ;;
    *) die "cannot back up a '$ENGINE' database: only SQLite and PostgreSQL are supported" ;;
  esac
}

# sqlite3's online backup API, from file $1 to file $2.
sqlite_copy() {
  "$PYTHON" - "$1" "$2" <<'PY'
import sqlite3
import sys

source, target = (sqlite3.connect(path) for path in sys.argv[1:3])
with target:
    source.backup(target)
source.close()
target.close()
PY
}

# Write an archive of the database and MEDIA_DIR to file $1.
write_archive() {
  local archive=$1 stage dump
  stage=$(mktemp -d)
  SCRATCH+=("$stage")
  if [[ $ENGINE == sqlite3 ]]; then
    [[ -f $DB_NAME ]] || die "no database at $DB_NAME: nothing to back up"
    dump=database.sqlite3
    sqlite_copy "$DB_NAME" "$stage/$dump"
  else
    dump=database.pgdump
    pg_dump --format=custom --no-owner --no-privileges --file="$stage/$dump"
  fi
  if [[ -d $MEDIA_DIR ]]; then
    tar -C "$MEDIA_DIR" -cf "$stage/media.tar" .
  else
    tar -cf "$stage/media.tar" -T /dev/null
  fi
  {
    echo "format=$FORMAT"
    echo "engine=$ENGINE"
    echo "created=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  } >"$stage/backup.txt"
  tar -C "$stage" -czf "$archive.partial" backup.txt media.tar "$dump"
  mv "$archive.partial" "$archive"  # never leave a half-written archive under the real name
}

do_backup() {
  local dir=$BACKUP_DIR archive
  [[ -n ${1:-} ]] && dir=$(absolute "$1")
  read_settings
  mkdir -p "$dir"
  # Backups hold e-mail addresses and drafts: keep them out of git whatever .gitignore says.
  [[ -f $dir/.gitignore ]] || echo '*' >"$dir/.gitignore"
  archive="$dir/portal-$(date -u +%Y%m%d-%H%M%S).tar.gz"
  write_archive "$archive"
  echo "Backed up the $ENGINE database $DB_NAME and $MEDIA_DIR to $archive"
}

# Read key $2 from the manifest file $1.
manifest() { sed -n "s/^$2=//p" "$1"; }

do_restore() {
  local archive=${1:-} stage safety
  [[ -n $archive ]] || die "say which backup to restore: scripts/backup.sh restore backups/portal-<time>.tar.gz"
  archive=$(absolute "$archive")
  [[ -f $archive ]] || die "no such backup: $archive"
  read_settings
  stage=$(mktemp -d)
  SCRATCH+=("$stage")

  # Check everything before changing anything.
  tar -C "$stage" -xzf "$archive" 2>/dev/null || die "$archive is not a backup made by this script (not a .tar.gz)"
  [[ -f $stage/backup.txt && -f $stage/media.tar ]] || die "$archive is not a backup made by this script"
  [[ $(manifest "$stage/backup.txt" format) == "$FORMAT" ]] || die "$archive has an unknown format"
  local engine
  engine=$(manifest "$stage/backup.txt" engine)
  [[ $engine == "$ENGINE" ]] \
    || die "$archive holds a $engine database but this site uses $ENGINE: nothing was changed"
  tar -tf "$stage/media.tar" >/dev/null || die "the media in $archive are damaged: nothing was changed"
  if [[ $ENGINE == sqlite3 ]]; then
    [[ $("$PYTHON" -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0])' "$stage/database.sqlite3") == ok ]] \
      || die "the database in $archive is damaged: nothing was changed"
  else
    pg_restore --list "$stage/database.pgdump" >/dev/null \
      || die "the database in $archive is damaged: nothing was changed"
  fi

  # An undo: what is about to be replaced, unless there is nothing yet (a new machine).
  if [[ $ENGINE == postgresql || -f $DB_NAME ]]; then
    mkdir -p "$BACKUP_DIR"
    [[ -f $BACKUP_DIR/.gitignore ]] || echo '*' >"$BACKUP_DIR/.gitignore"
    safety="$BACKUP_DIR/before-restore-$(date -u +%Y%m%d-%H%M%S).tar.gz"
    write_archive "$safety"
    echo "Saved the current state first, to $safety"
  fi

  # The database in one step: sqlite3's backup API replaces the file's content atomically,
  # pg_restore runs in a single transaction (and drops what it recreates).
  if [[ $ENGINE == sqlite3 ]]; then
    mkdir -p "$(dirname "$DB_NAME")"
    sqlite_copy "$stage/database.sqlite3" "$DB_NAME"
  else
    pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction \
      --dbname="$PGDATABASE" "$stage/database.pgdump"
  fi

  # The media folder: unpacked beside it, then swapped in.
  local incoming="$MEDIA_DIR.restoring" outgoing="$MEDIA_DIR.replaced"
  rm -rf "$incoming" "$outgoing"
  mkdir -p "$incoming"
  tar -C "$incoming" -xf "$stage/media.tar"
  [[ -d $MEDIA_DIR ]] && mv "$MEDIA_DIR" "$outgoing"
  mv "$incoming" "$MEDIA_DIR"
  rm -rf "$outgoing"

  echo "Restored $archive (made $(manifest "$stage/backup.txt" created) at commit" \
    "$(manifest "$stage/backup.txt" commit)) into the $ENGINE database $DB_NAME and $MEDIA_DIR."
  echo "Next: '.venv/bin/python manage.py migrate' if the code is newer than the backup;" \
    "'make index' when SEARCH_URL is set, so the cluster matches the restored pages."
}

case "${1:-}" in
  backup) shift; do_backup "$@" ;;
  restore) shift; do_restore "$@" ;;
  *) die "usage: $0 backup [DIR] | restore ARCHIVE" ;;
esac
