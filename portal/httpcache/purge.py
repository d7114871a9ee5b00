"""Every URL a change makes stale, in every language, for Wagtail's frontend-cache purge.

Wagtail's own signal handlers purge only the changed page's URL. A published listing also
changes its translations' language links, the untranslated languages' stand-in copies
(served at /<lang>/<English path>, translations/middleware.py), the directory and its browse
and print views, the home pages, the pages that link to it, the open-data exports and the
sitemap. The VCL drops a purged path's query-string variants (filters, page 2, ?locale=) too.
"""

import re
from urllib.parse import urlsplit, urlunsplit

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale, Page, ReferenceIndex, Site


def urls_for_page_change(page):
    """Everything a publish, unpublish, move or delete of `page` may have changed."""
    pages = [page, *pages_referring_to(page)]
    return sorted(urls_in_every_language(pages) | site_wide_urls())


def urls_for_listings_change(listings):
    """Everything a taxonomy term (need, area, language, organisation) or holiday changes:
    the listings that show it, and the pages listing them all."""
    return sorted(urls_in_every_language(listings) | site_wide_urls())


def urls_in_every_language(pages):
    """Each page's URL in every locale: its translation's where one exists (live or just
    unpublished), and the stand-in copy of the default-language page under each prefix."""
    locales = list(Locale.objects.values_list("pk", "language_code"))
    default = Locale.get_default()
    keys = {page.translation_key for page in pages}
    family = Page.objects.filter(translation_key__in=keys).select_related("locale")
    urls = set()
    for member in family:
        url = member.get_full_url()
        if not url:
            continue
        urls.add(url)
        if member.locale_id == default.pk:
            urls.update(in_language(url, default.language_code, code) for _, code in locales)
    return urls


def in_language(url, current, language):
    """The same URL under another language prefix: /en/directory/x/ -> /es/directory/x/."""
    parts = urlsplit(url)
    path = re.sub(rf"^/{re.escape(current)}/", f"/{language}/", parts.path)
    return urlunsplit(parts._replace(path=path))


def pages_referring_to(page):
    """Pages that link to or choose `page` (rich text, choosers, related listings), from
    Wagtail's reference index."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = (
        ReferenceIndex.get_references_to(page)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    return list(Page.objects.filter(pk__in=[int(pk) for pk in ids]))


def site_wide_urls():
    """Pages that list or count pages: home, the directory (with its browse, print and
    need/area views), the articles index, search's empty form, the open-data page; and the
    files for machines: the exports and the sitemap. In every language, on every site."""
    from articles.models import ArticleIndexPage
    from directory.models import Area, DirectoryIndexPage, Need

    default = Locale.get_default()
    lists = list(Page.objects.type(DirectoryIndexPage, ArticleIndexPage).filter(depth__gte=2))
    homes = [site.root_page for site in Site.objects.select_related("root_page")]
    urls = urls_in_every_language(homes + lists)

    directories = DirectoryIndexPage.objects.all()
    views = ["get-help/", "give-help/", "print/"]
    for model, route in ((Need, "needs"), (Area, "areas")):
        slugs = model.objects.filter(locale=default).values_list("slug", flat=True)
        views += [f"{route}/{slug}/" for slug in slugs]
    for directory in directories:
        base = directory.get_full_url()
        if not base:
            continue
        urls.update(base + view for view in views)
        if directory.locale_id == default.pk:  # the stand-in copies of untranslated languages
            for code in Locale.objects.values_list("language_code", flat=True):
                urls.update(in_language(base + view, default.language_code, code) for view in views)

    codes = Locale.objects.values_list("language_code", flat=True)
    paths = [reverse("opendata:directory_json"), reverse("opendata:directory_csv")]
    paths += [reverse("opendata:listings"), "/sitemap.xml"]
    for code in codes:
        with translation.override(code):
            paths += [reverse("open_data"), reverse("search")]
    for site in Site.objects.all():
        urls.update(site.root_url + path for path in paths)
    return urls
