"""A sitemap of every live page in every locale, addressed by the host that asked for it.

Wagtail's default sitemap walks the default site's root page only, which in a multilingual
site is the English home: translated trees are siblings of it, so we walk each of them.

It also writes absolute URLs from the Site record's hostname, which is easily left at
`localhost:80` and then wrong behind any port or proxy. The portal serves one site per
deployment, so the request's own host is the trustworthy one (ALLOWED_HOSTS vets it).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.urls import reverse
from django.utils import translation

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from home.querysets import visible_pages


class AllLocalesSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Page.objects.none()
        for localized_root in root.get_translations(inclusive=True):
            trees |= localized_root.get_descendants(inclusive=True)
        visible = visible_pages().filter(pk__in=trees.values("pk")).order_by("path")
        return with_own_sitemap_urls(visible)

    def _urls(self, page, protocol, domain):
        # Wagtail's, for a list of pages (it calls `.iterator()` on a queryset).
        urls, last_mods = [], set()
        for item in self.paginator.page(page).object_list:
            for url_info in item.get_sitemap_urls(self.request):
                if self.request is not None:
                    path = urlsplit(url_info["location"]).path
                    url_info["location"] = self.request.build_absolute_uri(path)
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def with_own_sitemap_urls(pages):
    """`pages`, as plain pages, except those whose type lists more URLs than its own (the
    directory's routes), which are fetched as their specific type, in bulk.

    `.specific()` on every page would cost a query per page type, and only the directory
    needs its own `get_sitemap_urls`; the others need nothing but their URL and dates."""
    pages = list(pages)
    own = {
        page.pk
        for page in pages
        if page.specific_class is not None
        and page.specific_class.get_sitemap_urls is not Page.get_sitemap_urls
    }
    specific = Page.objects.filter(pk__in=own).specific().in_bulk() if own else {}
    return [specific.get(page.pk, page) for page in pages]


class LocalizedViewSitemap(DjangoSitemap):
    """Reader-facing pages that are Django views, not Wagtail pages: one URL per language."""

    view_names = ["open_data"]

    def items(self):
        return [(name, code) for name in self.view_names for code, _name in settings.LANGUAGES]

    def location(self, item):
        name, code = item
        with translation.override(code):
            return reverse(name)
