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
        visible = visible_pages().filter(pk__in=trees.values("pk"))
        return visible.order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        if self.request is not None:
            for url_info in urls:
                path = urlsplit(url_info["location"]).path
                url_info["location"] = self.request.build_absolute_uri(path)
        return urls


class LocalizedViewSitemap(DjangoSitemap):
    """Reader-facing pages that are Django views, not Wagtail pages: one URL per language."""

    view_names = ["open_data"]

    def items(self):
        return [(name, code) for name in self.view_names for code, _name in settings.LANGUAGES]

    def location(self, item):
        name, code = item
        with translation.override(code):
            return reverse(name)
