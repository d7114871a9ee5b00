"""Success@3 of the relevance set (tests/search/relevance/) on every backend this machine has.

    .venv/bin/python bench/relevance.py                 # SQLite only
    DATABASE_URL=postgres://... SEARCH_URL=http://127.0.0.1:9200 .venv/bin/python bench/relevance.py
        # and PostgreSQL (scripts/postgres/server.sh start prints a URL) and the cluster
        # (export SEARCH_URL=$(scripts/search-node/node.sh start))

Runs the relevance tests once per backend, each in a pytest process of its own (the demo is
loaded into a test database there; `db.sqlite3` is never touched), and prints the table of
success@3 per backend and language that each run writes, then each run's outcome and its
misses (the first three pages each got instead). A failed
run means a query missed that KNOWN_MISSES does not list, or a listed one passes now: the
test's message names them.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = "tests/search/relevance/test_relevance.py"


def runs():
    """(label, test to run, environment) for each backend this machine can search."""
    base = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SEARCH_URL"}}
    database_url = os.environ.get("DATABASE_URL", "")
    yield "sqlite", "test_database_backend", base
    if database_url.startswith("postgres"):
        yield "postgresql", "test_database_backend", {**base, "DATABASE_URL": database_url}
    if os.environ.get("SEARCH_URL"):
        yield "cluster", "test_cluster", {**base, "SEARCH_URL": os.environ["SEARCH_URL"]}


def main():
    header, rows, outcomes = None, [], []
    for label, test, env in runs():
        command = [sys.executable, "-m", "pytest", f"{TESTS}::{test}", "-q", "-p", "no:xdist"]
        command += ["-p", "no:cacheprovider", "--no-header", "-rN"]
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        lines = done.stdout.splitlines()
        table = [i for i, line in enumerate(lines) if line.startswith("success@3")]
        if table:
            header = lines[table[0]]
            rows.append(lines[table[0] + 1])
        else:
            rows.append(f"{label:<12}(no figures: see below)")
        summary = lines[-1] if lines else done.stderr.strip()[-200:]
        outcomes.append(f"{label}: {summary}")
        outcomes.extend(line for line in lines if line.startswith("  miss "))
        if done.returncode:
            failure = [line for line in lines if line.startswith("E ")]
            outcomes.extend(f"    {line}" for line in failure[:40])
    sys.stdout.write("\n".join([header or "success@3", *rows, "", *outcomes]) + "\n")


if __name__ == "__main__":
    main()
