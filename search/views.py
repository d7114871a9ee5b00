"""Thin views: validate the parameters, ask the service, render or serialize.

The page (`/<lang>/search/`), the JSON API (`/api/v1/search/`) and autocomplete
(`/api/v1/search/autocomplete/`) share one form and one service, so they agree on every
answer. Bad parameters get a 400 with a message per parameter; nothing else is a 4xx/5xx.
"""

from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from wagtail.models import Locale

from directory import near
from directory.facets import FACETS, FACETS_BY_NAME, wider_areas
from directory.models import DirectoryIndexPage
from home.request_memo import locales_by_code
from opendata.http import open_data_view

from . import ranking, service
from .database import DatabaseBackend
from .forms import SearchForm


def _query(form, language, place=None):
    data = form.cleaned_data
    return service.make_query(
        data["q"],
        language=data.get("locale") or language,
        filters=form.filters(),
        page=data["page"],
        near=place,
    )


def _reader_language():
    codes = set(locales_by_code())  # the request's locales, read once (home.request_memo)
    language = (get_language() or "").split("-")[0]
    return language if language in codes else None


@require_safe
def search(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        context = {"form": form, "errors": form.error_dict(), **help_links()}
        return render(request, "search/search_results.html", context, status=400)
    place, near_error = near.read_place(request.GET)
    results = service.search(_query(form, _reader_language(), place), request=request)
    filters = form.filters()
    near_text = request.GET.get(near.NEAR_PARAMETER, "").strip()
    kept = {"q": form.cleaned_data["q"], **filters}
    if near_text:  # the place stays with the pages' and filters' links (never cached)
        kept[near.NEAR_PARAMETER] = near_text
    note_places(results, place, filters.get("area"))
    context = {
        "form": form,
        "search_query": form.cleaned_data["q"],
        "results": results,
        "active_filters": filters,
        "facet_links": facet_links(results, form.cleaned_data["q"], filters, near_text),
        "page_query": urlencode(kept),
        "near": near_text,
        "near_place": place,
        "near_error": near_error,
        **help_links(),
    }
    response = render(request, "search/search_results.html", context)
    return near.keep_private(response) if near_text else response


def note_places(results, place, area):
    """Give the page's results their `distance` from the reader's place and their
    `wider_area` (listed through an area enclosing the chosen one): one query each.

    Both backends sort by distance within search's ranking groups (ways to get help, then
    ways to give; the reader's language, then fallbacks: `ranking.group_key`). The database
    sorted every match so; the cluster sorted each group by distance
    (`queries.nearest_first`), and its page is sorted again here so that listings with no
    location follow in the database's order (area first)."""
    ids = [result["id"] for result in results.results]
    if place is not None and ids:
        found = near.distances(ids, place)
        for result in results.results:
            result["distance"] = found.get(result["id"], (None, False))[0]
        if results.backend != DatabaseBackend.name:
            ranked = [(result["id"], result["language"]) for result in results.results]
            group_of = ranking.group_key(results.query, ranked)
            nearest = near.nearest_ids_first(ids, place, found, group_of)
            order = {pk: n for n, pk in enumerate(nearest)}
            results.results.sort(key=lambda result: order[result["id"]])
    if area and ids:
        language = results.query.language
        wider = wider_areas(ids, area, language)
        for result in results.results:
            result["wider_area"] = wider.get(result["id"])


def _served(response, query):
    """The language searched (?locale=, else the reader's), not the Accept-Language header."""
    response["Content-Language"] = query.language
    return response


# Public and credential-free like the open data: HEAD, OPTIONS, CORS, ETag/304 and gzip
# (opendata/http.py); the cache policy keeps every answer out of shared caches.
@open_data_view
def api_search(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        return _bad_request(form)
    results = service.search(_query(form, _reader_language()), request=request)
    response = JsonResponse(results.as_json(), json_dumps_params={"ensure_ascii": False})
    return _served(response, results.query)


@open_data_view
def api_autocomplete(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        return _bad_request(form)
    query = _query(form, _reader_language())
    suggestions = service.autocomplete(query, request=request)
    response = JsonResponse(
        {"query": query.text, "suggestions": suggestions}, json_dumps_params={"ensure_ascii": False}
    )
    return _served(response, query)


def _bad_request(form):
    return JsonResponse(
        {"error": "Invalid search parameters.", "errors": form.error_dict()},
        status=400,
        json_dumps_params={"ensure_ascii": False},
    )


def facet_links(results, text, filters, near_text=""):
    """Per facet: its label, and each value with its count and the URL that applies (or
    removes) it (keeping the reader's place, if given)."""
    links = []
    place = {near.NEAR_PARAMETER: near_text} if near_text else {}
    for facet in FACETS:
        items = []
        for item in results.facets[facet.name]:
            chosen = filters.get(facet.name) == item["value"]
            params = {**filters, facet.name: item["value"]}
            if chosen:
                params.pop(facet.name)
            query = urlencode({"q": text, **params, **place})
            items.append({**item, "chosen": chosen, "query": query})
        links.append({"name": facet.name, "label": facet.label, "items": items})
    return links


def help_links():
    """What the page offers when nothing matched: browsing by need (the hotlines are in the
    urgent-help block on every search page). Read only when the template shows it."""
    locale = Locale.get_active()
    directory = SimpleLazyObject(lambda: DirectoryIndexPage.objects.for_reader(locale).first())
    needs = SimpleLazyObject(lambda: FACETS_BY_NAME["need"].labels(locale.language_code))
    return {"directory": directory, "needs": needs}
