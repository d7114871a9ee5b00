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

from directory.facets import FACETS, FACETS_BY_NAME
from directory.models import DirectoryIndexPage
from home.request_memo import locales_by_code

from . import service
from .forms import SearchForm


def _query(form, language):
    data = form.cleaned_data
    return service.make_query(
        data["q"],
        language=data.get("locale") or language,
        filters=form.filters(),
        page=data["page"],
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
    results = service.search(_query(form, _reader_language()), request=request)
    filters = form.filters()
    context = {
        "form": form,
        "search_query": form.cleaned_data["q"],
        "results": results,
        "active_filters": filters,
        "facet_links": facet_links(results, form.cleaned_data["q"], filters),
        "page_query": urlencode({"q": form.cleaned_data["q"], **filters}),
        **help_links(),
    }
    return render(request, "search/search_results.html", context)


@require_safe
def api_search(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        return _bad_request(form)
    results = service.search(_query(form, _reader_language()), request=request)
    return JsonResponse(results.as_json(), json_dumps_params={"ensure_ascii": False})


@require_safe
def api_autocomplete(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        return _bad_request(form)
    query = _query(form, _reader_language())
    suggestions = service.autocomplete(query, request=request)
    return JsonResponse(
        {"query": query.text, "suggestions": suggestions}, json_dumps_params={"ensure_ascii": False}
    )


def _bad_request(form):
    return JsonResponse(
        {"error": "Invalid search parameters.", "errors": form.error_dict()},
        status=400,
        json_dumps_params={"ensure_ascii": False},
    )


def facet_links(results, text, filters):
    """Per facet: its label, and each value with its count and the URL that applies (or
    removes) it."""
    links = []
    for facet in FACETS:
        items = []
        for item in results.facets[facet.name]:
            chosen = filters.get(facet.name) == item["value"]
            params = {**filters, facet.name: item["value"]}
            if chosen:
                params.pop(facet.name)
            items.append({**item, "chosen": chosen, "query": urlencode({"q": text, **params})})
        links.append({"name": facet.name, "label": facet.label, "items": items})
    return links


def help_links():
    """What the page offers when nothing matched: browsing by need (the hotlines are in the
    urgent-help block on every search page). Read only when the template shows it."""
    locale = Locale.get_active()
    directory = SimpleLazyObject(lambda: DirectoryIndexPage.objects.for_reader(locale).first())
    needs = SimpleLazyObject(lambda: FACETS_BY_NAME["need"].labels(locale.language_code))
    return {"directory": directory, "needs": needs}
