"""The pages every page's header asks for, read together once per request."""

from django.db.models import Exists, OuterRef, Q

from wagtail.models import Page, Site

from home.querysets import visible_pages


def site_pages(request, page=None):
    """What every page's header needs, in one query per request: the site's live home page
    in each language ("homes"), the live menu pages under them ("menu"), `page`'s visible
    translations ("translations", the portal's one rule, home/querysets.py) and all its
    translations, live or not ("all_translations", which serving a translation checks),
    and the visible suggestion pages in every language ("suggest_pages", for the report
    link every listing shows). A Wagtail site's translated home pages are siblings, so the
    menus of every language sit one level below them."""
    from django.contrib.contenttypes.models import ContentType

    from suggestions.models import SuggestListingPage

    page = page if isinstance(page, Page) else None
    found = getattr(request, "_portal_site_pages", None)
    if found is not None and found[0] is page:
        return found[1]
    site = Site.find_for_request(request) if request is not None else None
    result = {
        "homes": {},
        "menu": [],
        "translations": [],
        "all_translations": [],
        "suggest_pages": [],
    }
    if site is not None:
        root = site.root_page
        suggest_type = ContentType.objects.get_for_model(SuggestListingPage)  # cached by Django
        wanted = Q(live=True) & (
            Q(translation_key=root.translation_key)
            | Q(depth=root.depth + 1, show_in_menus=True)
            | Q(content_type=suggest_type)
        )
        if page is not None:
            wanted |= Q(translation_key=page.translation_key)
        visible = visible_pages().filter(pk=OuterRef("pk"))
        rows = Page.objects.filter(wanted).annotate(is_visible=Exists(visible))
        for row in rows.order_by("path"):
            if row.live and row.translation_key == root.translation_key:
                result["homes"][row.locale.language_code] = row
            if row.live and row.depth == root.depth + 1 and row.show_in_menus:
                result["menu"].append(row)
            if row.content_type_id == suggest_type.pk and row.is_visible:
                result["suggest_pages"].append(row)
            if page is not None and row.translation_key == page.translation_key:
                result["all_translations"].append(row)
                if row.is_visible:
                    result["translations"].append(row)
    if request is not None:
        request._portal_site_pages = (page, result)
    return result
