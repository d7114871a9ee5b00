"""What every request needs before any content, kept in the shared cache between requests.

Before a page is routed, Wagtail asks the database which `Site` answers the host (one query),
fetches the site's root page in the reader's language and as its specific type (one or two),
and the portal reads the locales and view restrictions (one each, home/request_memo.py): four
to six queries on every page for rows that change only when an administrator edits a site, a
locale, a restriction or the home page. Like Wagtail's own cache of the sites' root paths,
they are kept in the cache every worker shares (Redis in production, `CACHE_URL`: with
Django's database cache, the default, that is one cache query instead of four to six), read
from it in one `get_many` per request (home/request_memo.py), and dropped from it whenever
one of them is saved or deleted (again once the transaction commits, so a request that read
the old rows meanwhile cannot keep them); `TIMEOUT` bounds what a change made outside the
ORM (raw SQL, a restore) leaves behind.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import Http404

from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.models import sites as wagtail_sites
from wagtail.signals import post_page_move
from wagtail.url_routing import RouteResult

from home.request_memo import forget, remember

TIMEOUT = 300


def _read_sites():
    sites = list(Site.objects.select_related("root_page"))
    root_keys = {site.root_page.translation_key for site in sites}
    roots = Page.objects.filter(translation_key__in=root_keys)
    # Every translation of every site's root page, by (translation key, locale id).
    return {"sites": sites, "roots": {(p.translation_key, p.locale_id): p for p in roots}}


SITES = "portal:site-structure:sites"
LOCALES = "portal:site-structure:locales"
RESTRICTIONS = "portal:site-structure:restrictions"
PARTS = {
    SITES: _read_sites,
    LOCALES: lambda: list(Locale.objects.order_by("pk")),
    RESTRICTIONS: lambda: list(PageViewRestriction.objects.select_related("page")),
}


def register(key, reader):
    """Keep `reader()`'s answer under `key` with the structure, dropped with it: for what
    every page shows and only editors change (the hotlines). Call it from `AppConfig.ready`,
    so every process (the admin's too) drops the key."""
    PARTS[key] = reader


def kept(key):
    """One part of the structure: the parts a request has are read in one cache read, a part
    the cache lacks is read from the database alone (one query or two) and kept."""
    found = remember("site-structure", lambda: cache.get_many(list(PARTS)))
    if key not in found:
        found[key] = PARTS[key]()
        cache.set(key, found[key], TIMEOUT)
    return found[key]


def sites():
    return kept(SITES)["sites"]


def roots():
    return kept(SITES)["roots"]


def locales():
    return kept(LOCALES)


def restrictions():
    return kept(RESTRICTIONS)


def site_for_hostname(hostname, port):
    """Wagtail's `get_site_for_hostname` (wagtail/models/sites.py), same rules, from the
    cached sites: an exact host and port first, then the host on the default site, then the
    default site, unless exactly one other site has the host."""
    candidates = [s for s in sites() if s.hostname == hostname or s.is_default_site]

    def match(site):
        if site.hostname == hostname and site.port == port:
            return wagtail_sites.MATCH_HOSTNAME_PORT
        if site.hostname == hostname and site.is_default_site:
            return wagtail_sites.MATCH_HOSTNAME_DEFAULT
        if site.is_default_site:
            return wagtail_sites.MATCH_DEFAULT
        return wagtail_sites.MATCH_HOSTNAME

    candidates.sort(key=match)
    if candidates:
        best = match(candidates[0])
        if len(candidates) == 1 or best in (
            wagtail_sites.MATCH_HOSTNAME_PORT,
            wagtail_sites.MATCH_HOSTNAME_DEFAULT,
        ):
            return candidates[0]
        if best == wagtail_sites.MATCH_DEFAULT:
            return candidates[len(candidates) == 2]
    raise Site.DoesNotExist()


def localized_root(root):
    """`root.localized` (Wagtail's rule: the live translation in the active language, else
    the root itself) from the cached roots."""
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return root
    try:
        locale = Locale.get_active()
    except (LookupError, Locale.DoesNotExist):
        return root
    if locale.id == root.locale_id:
        return root
    found = root_in(root, locale)
    return found if found is not None and found.live else root


def root_in(root, locale):
    """`root.get_translation_or_none(locale)` from the cached roots (live or not)."""
    if locale.id == root.locale_id:
        return root
    return roots().get((root.translation_key, locale.id))


def route_below(root, request, components):
    """`root.specific.route(request, components)`, without the root's specific page when it
    is a home page and the path goes below it: `HomePage.route` then routes the whole path in
    one query (home/routing.py), which needs only the root's `url_path`."""
    from home.models import HomePage
    from home.routing import route_in_one_query

    model = root.specific_class
    if components and model is not None and issubclass(model, HomePage):
        return route_in_one_query(root, request, components)
    return root.specific.route(request, components)


def route_for_request(request, path):
    """Wagtail's `Page.route_for_request`, from the cached sites and roots (`route_below`)."""
    if not hasattr(request, "_wagtail_route_for_request"):
        try:
            site = Site.find_for_request(request)
            if site is None:
                request._wagtail_route_for_request = None
            else:
                components = [component for component in path.split("/") if component]
                root = localized_root(site.root_page)
                request._wagtail_route_for_request = kept_route(
                    request, root, lambda: route_below(root, request, components)
                )
        except Http404:
            request._wagtail_route_for_request = None
    return request._wagtail_route_for_request


def kept_route(request, root, route):
    """`route()`, or the page it found for this path before, unless an editor changed anything
    since (the key holds the content generation, home/fragments.py). Only a route to a page
    itself is kept (a routable page's sub-route names a view): the page is stored pickled, so
    each request gets its own copy; a path that is not found is never kept."""
    from home.fragments import cached_object

    def is_a_page(found):
        return isinstance(found, RouteResult) and not found.args and not found.kwargs

    return cached_object(request, "route", [root.pk, request.path], route, keep=is_a_page)


def _drop_cached():
    cache.delete_many(list(PARTS))


def drop(using=None, **kwargs):
    """Forget the structure now and once the change is committed: once per transaction
    however many rows it saves (a demo load saves hundreds of pages)."""
    _drop_cached()
    forget()
    pending = transaction.get_connection(using).run_on_commit
    if not any(func is _drop_cached for _savepoints, func, _robust in pending):
        transaction.on_commit(_drop_cached, using=using)


def drop_for_page(sender, instance, **kwargs):
    if isinstance(instance, Page):
        drop(**kwargs)


def install():
    """Called once from `HomeConfig.ready()`, after home.request_memo's own."""
    # Wagtail's serve view and `Site.find_for_request` call these module-level functions;
    # no setting or hook replaces them.
    wagtail_sites.get_site_for_hostname = site_for_hostname
    Page.route_for_request = staticmethod(route_for_request)
    for model in (Site, Locale, PageViewRestriction):
        uid = f"home.site_structure.{model.__name__}"
        post_save.connect(drop, sender=model, dispatch_uid=uid)
        post_delete.connect(drop, sender=model, dispatch_uid=f"{uid}.delete")
    # Any page may be a site's root or one of its translations (publishing, renaming, moving).
    post_save.connect(drop_for_page, dispatch_uid="home.site_structure.page")
    post_delete.connect(drop_for_page, dispatch_uid="home.site_structure.page.delete")
    post_page_move.connect(drop, dispatch_uid="home.site_structure.moved")
