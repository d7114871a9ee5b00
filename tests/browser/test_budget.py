"""The article page's weight on a first visit, as Chromium fetches it from an empty cache."""

import pytest

from articles.models import ArticlePage

pytestmark = pytest.mark.browser

# HTML, CSS, fonts and JS of an article on first load; content images are not counted.
BUDGET_BYTES = 100 * 1024


@pytest.fixture
def heaviest_article_url(demo_site):
    articles = ArticlePage.objects.live().filter(locale__language_code="en")
    return max(articles, key=lambda article: len(str(article.body))).url


def transferred_bytes(page, url):
    """Bytes of every response but content images: headers plus the body as sent."""
    responses = []
    page.on("requestfinished", lambda request: responses.append(request))
    page.goto(url, wait_until="networkidle")
    total = 0
    for request in responses:
        if request.resource_type == "image" and "/media/" in request.url:
            continue
        sizes = request.sizes()
        total += sizes["responseHeadersSize"] + sizes["responseBodySize"]
    return total, [request.url for request in responses]


@pytest.mark.parametrize("language", ["en", "am"])
def test_article_first_load_fits_the_budget(
    heaviest_article_url, live_server, page, language, record_property
):
    url = f"/{language}/" + heaviest_article_url.split("/", 2)[2]
    total, fetched = transferred_bytes(page, url)
    record_property("first_load_bytes", total)
    assert total <= BUDGET_BYTES, f"{total} bytes > {BUDGET_BYTES}: {fetched}"
    elsewhere = [address for address in fetched if not address.startswith(live_server.url)]
    assert not elsewhere, f"fetched from another origin: {elsewhere}"
