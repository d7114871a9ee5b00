"""Cached pages through Varnish against nginx serving the same bytes from a file.

    .venv/bin/python bench/cache.py                         # a portal on http://127.0.0.1:8000
    .venv/bin/python bench/cache.py --portal URL --path /en/directory/ --rounds 5

The portal is whatever --portal serves (`make run`, or gunicorn with production settings);
this script starts nothing for it. It starts, on 127.0.0.1 only and for the run alone:
- Varnish with deploy/varnish/default.vcl in front of the portal (scripts/varnish/varnish.sh),
- nginx (Debian's `nginx-light`) serving the page's bytes, fetched once through the cache, as a
  static file: the best a web server can do with the same response,
then loads each with wrk (Debian's `wrk`) in interleaved rounds (Varnish, nginx, nginx,
Varnish, ...), so a neighbour's load on a shared machine hits both alike, and prints the median
req/s of each and their ratio (the issue's goal: Varnish >= 50 % of nginx). Every request
Varnish answers must be a hit: the page is checked to be cached first. Not a test: the figures
depend on the machine, the ratio is what to compare.
"""

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VARNISH = ROOT / "scripts" / "varnish" / "varnish.sh"

NGINX_CONF = """
worker_processes {workers};
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {dir}/tmp;
    proxy_temp_path {dir}/tmp;
    fastcgi_temp_path {dir}/tmp;
    uwsgi_temp_path {dir}/tmp;
    scgi_temp_path {dir}/tmp;
    server {{
        listen 127.0.0.1:{port};
        location = /page {{
            default_type "text/html; charset=utf-8";
            alias {dir}/page.html;
        }}
    }}
}}
"""


def say(line=""):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def need(command, package):
    path = shutil.which(command) or next(
        (p for p in (f"/usr/sbin/{command}", f"/usr/bin/{command}") if os.path.exists(p)), None
    )
    if not path:
        sys.exit(f"cache.py: {command} is missing; install it: sudo apt-get install {package}")
    return path


@contextmanager
def varnish(backend):
    work = Path(tempfile.mkdtemp(prefix="bench-varnish-"))
    work.chmod(0o755)  # as root, varnishd reads its VCL as the `varnish` user
    env = os.environ | {
        "VARNISH_DIR": str(work),
        "VARNISH_PORT": str(free_port()),
        "VARNISH_BACKEND": backend.removeprefix("http://").rstrip("/"),
        "VARNISH_MEMORY": "256m",
    }
    started = subprocess.run([VARNISH, "start"], env=env, capture_output=True, text=True)
    if started.returncode:
        sys.exit(f"cache.py: Varnish did not start:\n{started.stderr}")
    try:
        yield started.stdout.strip()
    finally:
        subprocess.run([VARNISH, "stop"], env=env)
        shutil.rmtree(work, ignore_errors=True)


@contextmanager
def nginx(body, workers):
    nginx_bin = need("nginx", "nginx-light")
    work = Path(tempfile.mkdtemp(prefix="bench-nginx-"))
    work.chmod(0o755)  # as root, nginx's workers read the file as `www-data`
    (work / "tmp").mkdir()
    (work / "page.html").write_bytes(body)
    (work / "page.html").chmod(0o644)
    port = free_port()
    conf = work / "nginx.conf"
    conf.write_text(NGINX_CONF.format(dir=work, port=port, workers=workers))
    server = subprocess.Popen(
        [nginx_bin, "-c", str(conf), "-p", str(work)], stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}/page"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url, timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        yield url
    finally:
        server.send_signal(signal.SIGQUIT)
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


def wrk(url, duration, connections, threads):
    done = subprocess.run(
        [need("wrk", "wrk"), f"-t{threads}", f"-c{connections}", f"-d{duration}s", url],
        capture_output=True,
        text=True,
        check=True,
    )
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", done.stdout)
    if errors:
        sys.exit(f"cache.py: {errors.group(1)} error responses from {url}:\n{done.stdout}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", done.stdout).group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--portal", default="http://127.0.0.1:8000", help="the portal's URL")
    parser.add_argument("--path", action="append", help="page(s) to load (default: /en/, ...)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    args = parser.parse_args()
    paths = args.path or ["/en/", "/en/directory/", "/en/articles/"]

    say(f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s, {args.rounds} rounds")
    say(f"{'page':<32} {'varnish req/s':>14} {'nginx req/s':>12} {'ratio':>7}  bytes")
    with varnish(args.portal) as cache:
        for path in paths:
            with urllib.request.urlopen(cache + path) as first:
                body = first.read()
            with urllib.request.urlopen(cache + path) as again:
                if again.headers.get("X-Cache") != "HIT":
                    sys.exit(f"cache.py: {path} is not cached ({again.headers['Cache-Control']})")
            with nginx(body, workers=os.cpu_count() or 1) as static:
                results = {"varnish": [], "nginx": []}
                for n in range(args.rounds):
                    order = ["varnish", "nginx"] if n % 2 == 0 else ["nginx", "varnish"]
                    for name in order:
                        url = cache + path if name == "varnish" else static
                        load = (args.duration, args.connections, args.threads)
                        results[name].append(wrk(url, *load))
            cached = statistics.median(results["varnish"])
            served = statistics.median(results["nginx"])
            ratio = cached / served
            say(f"{path:<32} {cached:>14.0f} {served:>12.0f} {ratio:>6.0%}  {len(body)}")


if __name__ == "__main__":
    main()
