"""Is the cluster in use, and is it answering? One circuit breaker, shared by every worker.

The breaker lives in Django's cache, which production shares between workers (database or
Redis), so when one worker sees the cluster fail, all of them stop waiting on it, and when
it answers again, all of them return to it together:

- closed (no DOWN_KEY): every search asks the cluster;
- open (DOWN_KEY set): the database answers. For SEARCH_COOL_DOWN seconds (REST_KEY) nobody
  tries the cluster; after that, one request at a time (PROBE_KEY, taken with `cache.add`)
  asks it. Success closes the breaker for every worker; failure rests it again.

Both the service (searches) and indexing (updates) read it here, so neither imports the other
for it.
"""

import logging
import math

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger("search.service")

DOWN_KEY = "search:cluster-down"
REST_KEY = "search:cluster-resting"
PROBE_KEY = "search:cluster-probe"
FALLBACKS_KEY = "search:cluster-fallbacks"
# The breaker stays open this long at most without a probe (a safety net, not the cool-down).
DOWN_SECONDS = 60 * 60


def cluster_enabled():
    return settings.SEARCH_BACKEND == "cluster"


def cool_down():
    # Whole seconds: Redis (and Django's Redis cache) rounds a timeout down, and 0 means "no key".
    return max(1, math.ceil(settings.SEARCH_COOL_DOWN))


def is_down():
    return bool(cache.get(DOWN_KEY))


def may_try():
    """Whether this request may ask the cluster: always when closed, one probe when open."""
    if not is_down():
        return True
    if cache.get(REST_KEY):
        return False
    # The probe key outlives a hung request by a little, so a lost probe cannot block for good.
    return cache.add(PROBE_KEY, True, math.ceil(settings.SEARCH_TIMEOUT) + 1)


def succeeded():
    """The cluster answered: close the breaker for every worker, and say so once."""
    if not is_down():
        return False
    cache.delete_many([DOWN_KEY, REST_KEY, PROBE_KEY])
    fallbacks = cache.get(FALLBACKS_KEY) or 0
    cache.delete(FALLBACKS_KEY)
    logger.warning(
        "Search cluster is back; the database answered %d search(es) while it was away",
        fallbacks,
    )
    return True


def failed(error):
    """The cluster failed: open the breaker (or keep it open) and rest for the cool-down."""
    first = not is_down()
    cache.set(DOWN_KEY, True, DOWN_SECONDS)
    cache.set(REST_KEY, True, cool_down())
    cache.delete(PROBE_KEY)
    if first:
        logger.warning("Search cluster failed, the database answers: %s", error)
    else:
        logger.warning(
            "Search cluster still failing (the database has answered %d search(es)): %s",
            fallbacks(),
            error,
        )


def fell_back():
    """Count a search the database answered because the cluster could not."""
    if not cache.add(FALLBACKS_KEY, 1, DOWN_SECONDS):
        try:
            cache.incr(FALLBACKS_KEY)
        except ValueError:  # expired between add and incr
            cache.add(FALLBACKS_KEY, 1, DOWN_SECONDS)


def fallbacks():
    return cache.get(FALLBACKS_KEY) or 0
