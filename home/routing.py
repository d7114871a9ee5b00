"""Routing a URL to its page with one query for the whole path.

Wagtail's `Page.route` walks the path one level at a time, two queries per level (the child by
its slug, then its specific page): six queries to reach an article before anything is
rendered. Every page's `url_path` already spells its path from the root, so one query finds
every page along the URL; only the page that answers is then fetched as its specific type.

The walk keeps Wagtail's rules: a page whose type routes on its own (a routable page's routes,
which take precedence over its children, or any other `route` override) gets the rest of the
path, exactly as Wagtail would hand it over; the last page answers only when live.
"""

from django.http import Http404

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page


def route_in_one_query(root, request, path_components):
    """What Wagtail's `root.route(request, path_components)` returns for a page below `root`
    (`path_components` not empty), for a root page whose type does not route by itself."""
    prefixes, url_path = [], root.url_path
    for component in path_components:
        url_path += component + "/"
        prefixes.append(url_path)
    on_path = Page.objects.descendant_of(root).filter(url_path__in=prefixes)
    found = {page.url_path: page for page in on_path}
    page = root
    for depth, url_path in enumerate(prefixes):
        remaining = path_components[depth:]
        if page is not root and routes_itself(page, remaining):
            return page.specific.route(request, remaining)
        child = found.get(url_path)
        if child is None:
            raise Http404
        child._cached_parent_obj = page  # as Wagtail does: `get_parent()` needs no query
        page = child
    return specific_with_related(page).route(request, [])


def specific_with_related(page):
    """`page.specific`, with the rows its type names in `select_related_when_served` (a
    listing's organization) joined in the same query."""
    model = page.specific_class
    related = getattr(model, "select_related_when_served", ())
    if model is None or not related or isinstance(page, model):
        return page.specific
    specific = model._base_manager.select_related(*related).get(pk=page.pk)
    if "_cached_parent_obj" in page.__dict__:
        specific._cached_parent_obj = page._cached_parent_obj
    return specific


def routes_itself(page, remaining):
    """Whether Wagtail would let `page`'s own type answer for the `remaining` path."""
    model = page.specific_class
    if model is None or model.route is Page.route:
        return False
    if model.route is RoutablePageMixin.route:
        # A routable page answers when one of its routes matches, else looks for a child.
        try:
            model.get_resolver().resolve("/" + "/".join(remaining) + "/")
        except Http404:
            return False
        return page.live
    return True  # a route of its own: let it decide
