"""A small per-client rate limit on public submissions, kept in Django's cache.

The client is identified by a keyed hash of its IP address, so no address is stored, even in
the cache. Behind a proxy, configure it to pass the client's address as REMOTE_ADDR.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

LIMIT = getattr(settings, "SUGGESTIONS_RATE_LIMIT", 5)  # submissions per client...
WINDOW_SECONDS = getattr(settings, "SUGGESTIONS_RATE_WINDOW", 60 * 60)  # ...per hour


def _key(request):
    address = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
    return f"suggestions:rate:{digest}"


def is_limited(request):
    return cache.get(_key(request), 0) >= LIMIT


def record(request):
    key = _key(request)
    if cache.add(key, 1, WINDOW_SECONDS):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, WINDOW_SECONDS)
