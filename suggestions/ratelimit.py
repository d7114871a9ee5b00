"""A per-client limit on posts of the public forms, in the cache every worker shares.

Every post counts, valid or not, so a bot cannot probe the forms forever. Clients are told
apart by `portal.client.client_ip` (mind TRUSTED_PROXY_COUNT behind a proxy) and stored as a
keyed hash, so no address is kept, even in the cache; an IPv6 client is its /64 network, since
one household or host holds a whole /64.

A post takes one of LIMIT numbered slots of the client's current window with `cache.add`,
which is atomic in Redis and in the database cache alike (a read-then-write counter is not:
simultaneous posts would overwrite each other's count). A hint remembers the next free slot,
so a post usually costs three cache calls. Windows are fixed hours, as in django-ratelimit.
"""

import hashlib
import ipaddress
import time

from django.conf import settings
from django.core.cache import cache

from portal.client import client_ip

WINDOW_SECONDS = getattr(settings, "SUGGESTIONS_RATE_WINDOW", 60 * 60)


def limit():
    return settings.SUGGESTIONS_RATE_LIMIT


def allow_post(request):
    """Count this post; False once the client has used up this window's posts."""
    now = time.time()
    window = int(now // WINDOW_SECONDS)
    timeout = max(1, int((window + 1) * WINDOW_SECONDS - now))
    key = f"suggestions:rate:{_client_key(request)}:{window}"
    first_free = cache.get(f"{key}:next", 0)
    for slot in range(first_free, limit()):
        if cache.add(f"{key}:{slot}", 1, timeout):
            cache.set(f"{key}:next", slot + 1, timeout)
            return True
    return False


def _client_key(request):
    address = client_ip(request)
    if ":" in address:  # IPv6: the /64 network
        address = str(ipaddress.ip_network(f"{address}/64", strict=False))
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
