"""Throughput side by side: the portal against a reference Wagtail site, page for like page.

    .venv/bin/python bench/compare.py http://127.0.0.1:8601     # e.g. a bakerydemo you run
    .venv/bin/python bench/compare.py URL --rounds 5 --duration 5 --connections 4
    .venv/bin/python bench/compare.py URL --ref-path article=/blog/some-post/  # other pages

Serves the portal as in production: gunicorn with 2 sync workers, portal.settings.production
(throwaway SECRET_KEY, no HTTPS redirect), SQLite with the demo content in its own file
(build/bench/compare.sqlite3: migrated and loaded the first time, kept after), collected static
files behind whitenoise, on 127.0.0.1 only; each worker keeps rendered parts of pages between
requests as production does (home/fragments.py; FRAGMENT_CACHE_SECONDS=0 in the environment
renders every part on every request). The reference site is whatever the URL serves: this
script starts nothing for it and fetches nothing else. Its default paths are bakerydemo's
(home, a blog page, a bread page, the breads index, search); --ref-path changes any of them.

Then loads each like pair in interleaved rounds (portal, reference, reference, portal, ...), so
a neighbour's load on a shared machine hits both sides alike, and prints the median req/s of
each page and their ratio (the issue's goal: >= 2x the reference). The load generator is wrk
(Debian's `wrk`) when installed, else a small Python client (threads, one request per
connection, like wrk against gunicorn's sync workers); the output says which. Not a test:
figures depend on the machine; the ratios are what to compare.
"""

import argparse
import http.client
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build" / "bench"
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"

# (name, portal path, reference default path: bakerydemo's like page)
PAIRS = [
    ("home", "/en/", "/"),
    ("article", "/en/articles/history-of-mutual-aid/", "/blog/bread-circuses/"),
    ("listing", "/en/directory/seattle-request-support-form/", "/breads/anadama-bread/"),
    ("directory", "/en/directory/", "/breads/"),
    ("search", "/en/search/?q=food", "/search/?q=bread"),
]


def say(line=""):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def portal_environment(port):
    """Production settings with throwaway secrets, on the bench's own database and static."""
    environment = dict(os.environ)
    for name in ("SEARCH_URL", "CACHE_URL", "MEDIA_BUCKET"):
        environment.pop(name, None)  # the bench measures the default single-server stack
    environment.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="compare-bench-only-not-a-secret",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        DATABASE_URL=f"sqlite:///{BUILD / 'compare.sqlite3'}",
        STATIC_ROOT=str(BUILD / "static"),
        BASE_URL=f"http://127.0.0.1:{port}",
        LOG_LEVEL="WARNING",
    )
    return environment


def prepare_portal(environment):
    """Migrate and load the demo (both change nothing when already done), collect static."""
    BUILD.mkdir(parents=True, exist_ok=True)
    for command in (
        ["migrate", "--no-input", "-v0"],
        ["load_demo", "-v0"],
        ["collectstatic", "--no-input", "-v0"],
    ):
        subprocess.run(
            [PYTHON, "manage.py", *command],
            cwd=ROOT,
            env=environment,
            check=True,
            stdout=subprocess.DEVNULL,
        )


def start_portal(environment, port):
    """Start gunicorn; returns it once it answers (the first page can take long on a busy
    machine). Stops it again if it never does."""
    log = open(BUILD / "compare-gunicorn.log", "w")
    server = subprocess.Popen(
        [GUNICORN, "portal.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn stopped (exit {server.returncode}); see {log.name}")
        try:
            urllib.request.urlopen(base + "/en/", timeout=60).read()
            return server, base
        except OSError:  # refused while starting, or a slow first answer
            time.sleep(0.2)
    server.terminate()
    sys.exit(f"the portal did not answer on {base} within 3 minutes; see {log.name}")


def check_page(url):
    """Fail early, naming the page, if it does not answer 200: req/s of errors mean nothing."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return len(response.read())
    except urllib.error.HTTPError as error:
        sys.exit(f"{url} answered {error.code}: pick another page (--ref-path name=/path/).")
    except urllib.error.URLError as error:
        sys.exit(f"{url} did not answer: {error.reason}")


def load_with_wrk(url, duration, connections):
    output = subprocess.run(
        # wrk's default timeout (2 s) would drop slow answers from the count on a busy machine.
        ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--timeout", "30s", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    failed = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: .*", output)
    return rate, int(failed.group(1)) if failed else 0, errors.group(0) if errors else ""


def load_with_python(url, duration, connections):
    """Closed loop: each thread sends one request per connection, as many as it can."""
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    deadline = time.monotonic() + duration
    counts = [[0, 0] for _ in range(connections)]  # [done, not 200] per thread

    def worker(count):
        while time.monotonic() < deadline:
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                count[1] += response.status != 200
            except OSError:
                count[1] += 1
            finally:
                connection.close()
            count[0] += 1

    threads = [threading.Thread(target=worker, args=(count,)) for count in counts]
    start = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - start
    return sum(c[0] for c in counts) / elapsed, sum(c[1] for c in counts), ""


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "reference", help="the reference site's base URL, e.g. http://127.0.0.1:8601"
    )
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (default 3)")
    parser.add_argument("--duration", type=int, default=4, help="seconds per page per round")
    parser.add_argument("--connections", type=int, default=4, help="concurrent connections")
    parser.add_argument("--port", type=int, default=8018, help="the portal's port (127.0.0.1)")
    parser.add_argument(
        "--ref-path",
        action="append",
        default=[],
        metavar="NAME=/PATH",
        help="the reference's page for a pair: home, article, listing, directory or search",
    )
    parser.add_argument("--only", nargs="+", metavar="NAME", help="load only these pairs")
    parser.add_argument("--python-client", action="store_true", help="do not use wrk")
    return parser.parse_args()


def main():
    arguments = parse_arguments()
    reference_paths = {name: path for name, _portal, path in PAIRS}
    for item in arguments.ref_path:
        name, _, path = item.partition("=")
        if name not in reference_paths or not path.startswith("/"):
            sys.exit(
                f"--ref-path {item!r}: expected NAME=/path with NAME in {list(reference_paths)}"
            )
        reference_paths[name] = path
    pairs = [
        (n, p, reference_paths[n]) for n, p, _ in PAIRS if not arguments.only or n in arguments.only
    ]
    use_wrk = shutil.which("wrk") and not arguments.python_client
    load = load_with_wrk if use_wrk else load_with_python
    reference = arguments.reference.rstrip("/")

    environment = portal_environment(arguments.port)
    prepare_portal(environment)
    server, portal = start_portal(environment, arguments.port)
    try:
        say(f"portal {portal} (gunicorn, 2 sync workers, production settings, SQLite)")
        say(f"reference {reference}")
        client = "wrk -t1" if use_wrk else "Python client (threads, a connection per request)"
        say(
            f"load: {client}, {arguments.connections} connections, "
            f"{arguments.duration} s per page, {arguments.rounds} interleaved rounds; "
            f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at start\n"
        )
        sizes = {}
        for _name, portal_path, reference_path in pairs:
            for url in (portal + portal_path, reference + reference_path):
                load(url, 1, arguments.connections)  # warm both workers' caches first
                sizes[url] = check_page(url)
        rates = {(name, side): [] for name, *_ in pairs for side in ("portal", "reference")}
        failures = []
        for round_number in range(arguments.rounds):
            for name, portal_path, reference_path in pairs:
                sides = [
                    ("portal", portal + portal_path),
                    ("reference", reference + reference_path),
                ]
                if round_number % 2:
                    sides.reverse()  # neither side always goes first
                for side, url in sides:
                    rate, failed, errors = load(url, arguments.duration, arguments.connections)
                    rates[name, side].append(rate)
                    if failed or errors:
                        failures.append(f"{url}: {failed} non-2xx/3xx; {errors}")
        say(f"{'pair':<10} {'portal req/s':>13} {'reference req/s':>16} {'ratio':>6}  per round")
        for name, *_paths in pairs:
            ours, theirs = rates[name, "portal"], rates[name, "reference"]
            ratio = statistics.median(ours) / statistics.median(theirs)
            per_round = " ".join(f"{a / b:.2f}" for a, b in zip(ours, theirs, strict=True))
            say(
                f"{name:<10} {statistics.median(ours):>13.1f} {statistics.median(theirs):>16.1f} "
                f"{ratio:>6.2f}  {per_round}"
            )
        say("\nbytes per page: " + ", ".join(f"{url} {size}" for url, size in sizes.items()))
        for failure in failures:
            say(f"not counted: {failure}")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
