"""Editors' recommended results for a search (Wagtail's `wagtail.contrib.search_promotions`).

Editors promote a page (or an outside link) for the words readers type, in the admin's
Settings > Promoted search results; the search page and API show those first, above the
results, whatever the backend. A promotion made for "food" in English serves every language:
a reader gets the promoted page in their language where it is translated and visible, else
the English page marked as such. A hidden page (draft, unpublished, restricted) is never
shown, through a promotion or otherwise (`visible_pages`).

Which queries have promotions is kept with the site structure (one cache read every request
already makes), keyed by the query's folded words, so "thuc pham" finds a promotion made for
"thực phẩm". Saving or deleting a promotion drops it.
"""

from django.db.models.signals import post_delete, post_save

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from home import site_structure
from home.querysets import visible_pages

from . import kinds
from .text import fold, plain_text, words

PROMOTED_QUERIES = "search:promoted-queries"


def key(text):
    return " ".join(words(fold(text)))


def read_promoted_queries():
    """{folded words: [query ids]} of the queries that have at least one promotion."""
    found = {}
    rows = Query.objects.filter(editors_picks__isnull=False).values_list("pk", "query_string")
    for pk, text in rows.distinct():
        found.setdefault(key(text), []).append(pk)
    return found


def promoted(text, language, request=None):
    """The promoted results for `text`, in the result shape (search/service.py), in order."""
    query_ids = site_structure.kept(PROMOTED_QUERIES).get(key(text))
    if not query_ids:
        return []
    promotions = list(
        SearchPromotion.objects.filter(query_id__in=query_ids).order_by("sort_order", "pk")
    )
    pages = readable_in(language, [p.page_id for p in promotions if p.page_id])
    results = []
    for promotion in promotions:
        if promotion.page_id is None:
            results.append(external(promotion, language))
        elif promotion.page_id in pages:
            results.append(internal(promotion, pages[promotion.page_id], language, request))
    return results


def readable_in(language, page_ids):
    """{promoted page id: the page to show}: its visible translation into `language`, else
    the page itself if visible. One query for the pages, one for the specific fields."""
    if not page_ids:
        return {}
    keys = dict(visible_pages().filter(pk__in=page_ids).values_list("translation_key", "pk"))
    locales = {loc.pk: loc for loc in site_structure.locales()}
    wanted = next((pk for pk, loc in locales.items() if loc.language_code == language), None)
    translated, themselves = {}, {}
    for page in visible_pages().filter(translation_key__in=keys).specific():
        page.locale = locales[page.locale_id]  # known already: no query per page
        promoted_id = keys[page.translation_key]
        if page.locale_id == wanted:
            translated[promoted_id] = page
        elif page.pk == promoted_id:
            themselves[promoted_id] = page
    return {**themselves, **translated}


def internal(promotion, page, language, request):
    page_language = page.locale.language_code
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.get_url(request=request),
        "kind": kinds.kind_of(page),
        "summary": promotion.description
        or plain_text(getattr(page, "summary", "") or page.search_description),
        "highlight": "",
        "language": page_language,
        "fallback": page_language != language,
        "promoted": True,
    }


def external(promotion, language):
    return {
        "id": None,
        "title": promotion.external_link_text or promotion.external_link_url,
        "url": promotion.external_link_url,
        "kind": "link",
        "summary": promotion.description,
        "highlight": "",
        "language": language,
        "fallback": False,
        "promoted": True,
    }


def install():
    """Called from SearchConfig.ready(): keep the promoted queries with the site structure,
    and forget them whenever a promotion or its query changes."""
    site_structure.register(PROMOTED_QUERIES, read_promoted_queries)
    for model in (Query, SearchPromotion):
        uid = f"search.promotions.{model.__name__}"
        post_save.connect(site_structure.drop, sender=model, dispatch_uid=uid)
        post_delete.connect(site_structure.drop, sender=model, dispatch_uid=f"{uid}.delete")
