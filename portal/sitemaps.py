"""A sitemap of every live page in every locale.

Wagtail's default sitemap walks the default site's root page only, which in a multilingual
site is the English home: translated trees are siblings of it, so we walk each of them.
"""

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class AllLocalesSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Page.objects.none()
        for localized_root in root.get_translations(inclusive=True):
            trees |= localized_root.get_descendants(inclusive=True)
        return trees.live().public().order_by("path").defer_streamfields().specific()
