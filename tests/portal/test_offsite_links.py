"""A crafted address must not turn the language switcher into a link to another site."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("href", "action", "src"):
            if attrs.get(name):
                self.urls.append(attrs[name])


def links(response):
    parser = LinkCollector()
    parser.feed(response.content.decode())
    return parser.urls


def off_site(url):
    """Anything that a browser would resolve to a host other than the one that served it."""
    normalized = url.replace("\\", "/")
    parts = urlsplit(normalized)
    return normalized.startswith("//") or (parts.netloc and parts.netloc != "testserver")


@pytest.mark.parametrize(
    "path",
    [
        "//evil.example/",
        "//evil.example/en/search/",
        "///evil.example/",
        "/en//evil.example/",
        "/es///evil.example/",
        "/\\evil.example/",
    ],
)
def test_not_found_page_links_only_to_this_site(client, home, locales, path):
    client.raise_request_exception = False
    # Set the raw path: the test client would read `//evil.example/` as a host name, as
    # browsers do, but a server behind a proxy receives it as a path.
    response = client.get("/", PATH_INFO=path)
    assert response.status_code == 404
    urls = links(response)
    assert "/en/" in urls  # the switcher is still there, pointing home
    assert [url for url in urls if off_site(url)] == []


def test_search_switcher_keeps_the_query_on_this_site(client, home, locales):
    urls = links(client.get("/en/search/", {"q": "food"}))
    assert "/es/search/?q=food" in urls
    assert [url for url in urls if off_site(url)] == []
