"""Public search: live pages in the reader's language, through Wagtail's search backend."""

from django.core.paginator import Paginator
from django.shortcuts import render

from wagtail.models import Locale, Page

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        results = pages.search(query)
    page_obj = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request, "search/search_results.html", {"search_query": query, "results_page": page_obj}
    )
