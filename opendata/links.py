"""Absolute links in the open data: on the portal's public address, never the Site record's.

Wagtail's `get_full_url` builds on the Site's hostname, which the demo sets to `localhost`; a
consumer needs the address readers use. That is settings.BASE_URL (the canonical address,
the same whatever host a request came in by, so a cached export never carries another
host's links); an install with no BASE_URL uses the host the request reached.
"""

from django.conf import settings

API_PATH = "/open-data/api/"


def absolute_url(path, request=None):
    """`path` (starting with /) on the portal's public address."""
    base = (getattr(settings, "BASE_URL", "") or "").rstrip("/")
    if base:
        return base + path
    if request is not None:
        return request.build_absolute_uri(path)
    return path


def page_url(page, request=None):
    """A page's public absolute URL ('' for a page not routable)."""
    parts = page.get_url_parts(request)
    if parts is None:
        return ""
    return absolute_url(parts[2], request)


def api_url(collection, record_id, request=None):
    """The HSDS API address of one record, e.g. a taxonomy's `uri`."""
    return absolute_url(f"{API_PATH}{collection}/{record_id}", request)
