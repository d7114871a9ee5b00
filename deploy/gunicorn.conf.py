"""gunicorn for the portal: `gunicorn -c deploy/gunicorn.conf.py` (portal/wsgi.py's application,
production settings). Every value can be changed from the environment, so one file serves a
laptop-sized test stack and a large server.

Sync workers: a page is rendered in tens of milliseconds from the database and the shared
cache, and Varnish in front holds the slow clients, so a worker is never tied up by a reader's
connection. Scale a server with more workers (WEB_CONCURRENCY), and the site with more servers
behind the cache: they share PostgreSQL, Redis, the search cluster and the media bucket.
"""

import multiprocessing
import os

wsgi_app = "portal.wsgi:application"
# Behind Varnish on the same machine: loopback only. Another layout sets PORTAL_BIND.
bind = os.environ.get("PORTAL_BIND", "127.0.0.1:8000")
# gunicorn's advice, (2 × cores) + 1, for sync workers; WEB_CONCURRENCY is the usual override.
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
worker_class = "sync"
# Load Django once, then fork: workers share its memory and a broken release fails at start.
preload_app = True
# A render that takes this long is stuck: its worker is killed and replaced. The cluster and
# the cache purge have their own, shorter timeouts, and run in the task worker anyway.
timeout = int(os.environ.get("GUNICORN_TIMEOUT") or 30)
graceful_timeout = 30
keepalive = 5
# Recycle each worker after a while, so a slow leak never grows into an outage.
max_requests = 2000
max_requests_jitter = 200
# The proxies whose X-Forwarded-Proto (HTTPS) is believed: Varnish and nginx on this machine.
# gunicorn reads FORWARDED_ALLOW_IPS itself too; this default is the safe one.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS") or "127.0.0.1"
# Everything to stderr, for journald or the container. Each access line carries the request id
# the portal returned (X-Request-ID), so it matches the application's own log lines.
# The path is logged without its query string (%(U)s, not the request line %(r)s): a query can
# hold a reader's ZIP code or position ("near me", directory/near.py) or what they searched
# for, and none of that may be kept beside their address.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = (
    '%(h)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms request_id=%({x-request-id}o)s pid=%(p)s "%(a)s"'
)
