"""Parts of public pages kept between requests, until an editor changes anything.

Building a page's header, its related-listing cards or a listing's details costs far more in
Python (querysets, template nodes, URL routing) than reading them back. `{% fragment %}`
(home/templatetags/fragment_tags.py) keeps such a part, rendered, under a key made of
everything it may depend on: the host, the full path and query string (which name the page,
its filters and its fallback), the reader's language, what the template adds (a listing's
"open now"), and the *content generation*.

The generation is a token in the shared cache, read with the site's structure in the request's
one cache read (home/site_structure.py), and dropped with it whenever an editor saves or
deletes anything a page may show: a page, a snippet, a setting, an image or document, a site,
a locale, a restriction. The next request draws a new token, so every fragment of the old one
is simply never read again. That is why the fragments themselves may live in each process's
own memory (the `template_fragments` cache, Django's name for it): nothing is ever deleted
from them; they age out by `FRAGMENT_CACHE_SECONDS` and the cache's size bound.

A fragment is never read or kept for previews (the draft differs from the live page) or for
anything but GET and HEAD; what differs per reader (Wagtail's user bar, CSRF tokens, messages)
stays outside fragments.
"""

import functools
import hashlib
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language

from home import site_structure

GENERATION = "portal:content-generation"
PRIVATE_PARAMETER = "near"  # directory/near.py's NEAR_PARAMETER (home cannot import directory)


def content_generation():
    return site_structure.kept(GENERATION)


def fragment_key(request, name, vary):
    """The cache key of fragment `name` for this request; None when it must not be kept."""
    if request is None or request.method not in ("GET", "HEAD"):
        return None
    if getattr(request, "is_preview", False) or not settings.FRAGMENT_CACHE_SECONDS:
        return None
    if request.GET.get(PRIVATE_PARAMETER):
        return None  # a reader's place or position (directory/near.py): never kept
    parts = [request.get_host(), request.get_full_path(), get_language(), *vary]
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()
    return f"portal:fragment:{name}:{content_generation()}:{digest}"


def cached(request, name, vary, render):
    """`render()`, or what it returned for the same key before."""
    return cached_object(request, name, vary, render)


def cached_object(request, name, vary, compute, keep=lambda value: True):
    """`compute()`, or what it returned for the same key before (when `keep(value)` let it
    be kept)."""
    key = fragment_key(request, name, vary)
    if key is None:
        return compute()
    store = caches["template_fragments"]
    value = store.get(key)
    if value is None:
        value = compute()
        if keep(value):
            store.set(key, value, settings.FRAGMENT_CACHE_SECONDS)
    return value


@functools.cache
def is_editorial(model):
    """What editors change in the admin and pages show: every such save drops the generation."""
    from wagtail.contrib.settings.registry import registry as settings_registry
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import Locale, Page, PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    from directory.models import Holiday
    from translations.models import ReviewFlag  # the "not yet checked" note on a translation

    kinds = (Page, AbstractImage, AbstractDocument, Site, Locale, PageViewRestriction, Holiday)
    snippets_and_settings = set(get_snippet_models()) | set(settings_registry)
    return issubclass(model, (*kinds, ReviewFlag)) or model in snippets_and_settings


def content_changed(sender, **kwargs):
    if is_editorial(sender):
        site_structure.drop(**kwargs)


def install():
    """Called once from `HomeConfig.ready()`, after home.site_structure's own."""
    site_structure.register(GENERATION, lambda: uuid.uuid4().hex)
    post_save.connect(content_changed, dispatch_uid="home.fragments.saved")
    post_delete.connect(content_changed, dispatch_uid="home.fragments.deleted")
