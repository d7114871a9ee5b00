"""Wagtail's HTTP purge backend (a PURGE request per URL to Varnish), with a time limit.

Wagtail's own waits as long as the socket lets it and lets a reset connection escape: a slow
or restarting cache would then hold up (or fail) the task, and with the immediate task backend
the editor's publish. Here each PURGE gives up after FRONTEND_CACHE_TIMEOUT seconds and any
failure is logged; the copy then expires by its s-maxage.
"""

import logging
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.conf import settings

from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest

logger = logging.getLogger(__name__)


class TimedHTTPBackend(HTTPBackend):
    def purge(self, url):
        parts = urlsplit(url)
        request = PurgeRequest(
            url=urlunsplit((self.cache_scheme, self.cache_netloc, parts.path, parts.query, "")),
            headers={"Host": parts.netloc, "User-Agent": "portal-purge"},
        )
        try:
            with urlopen(request, timeout=settings.FRONTEND_CACHE_TIMEOUT):
                pass
        except OSError as error:  # URLError, HTTPError, timeouts and resets are all OSErrors
            logger.error("Could not purge %s from the HTTP cache: %s", url, error)
