"""Site-wide behaviour: sitemap, robots.txt, error pages, the language prefix.

Read on the demo in five languages, loaded once for the module (`shared_demo`).
"""

import re

from django.template.loader import render_to_string
from django.urls import reverse

from wagtail.models import Page

from tests.helpers import assert_not_found


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return re.findall(r"<loc>([^<]+)</loc>", response.content.decode())


def test_sitemap_lists_every_live_page_and_each_answers(shared_demo, client):
    locations = sitemap_locations(client)
    paths = {re.sub(r"^https?://[^/]+", "", loc) for loc in locations}
    live_pages = Page.objects.live().filter(depth__gt=1)
    assert {page.url for page in live_pages} <= paths
    assert "/en/directory/needs/food/" in paths
    assert "/en/directory/get-help/" in paths
    for path in paths:
        assert client.get(path).status_code == 200, path


def test_root_redirects_to_a_language(shared_demo, client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_root_follows_the_browsers_language(shared_demo, client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="vi,en;q=0.5")
    assert response["Location"] == "/vi/"


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert f"Disallow: {reverse('wagtailadmin_home')}" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_not_found_page_helps_the_reader_on(shared_demo, client):
    assert_not_found(client.get("/en/no-such-page/"))


def test_server_error_page_needs_no_context():
    html = render_to_string("500.html")
    assert "Something went wrong" in html
    assert "<html lang=" in html


def test_pages_need_no_javascript_and_no_third_party_assets(shared_demo, client):
    html = client.get("/en/").content.decode()
    assert "<script" not in html
    # Absolute links are allowed to this site only (hreflang alternates must be absolute).
    assert not re.search(r'(src|href)="https?://(?!testserver/)', html)
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html


def test_sitemap_urls_use_the_host_that_asked(shared_demo, client):
    locations = sitemap_locations(client)
    assert locations
    assert all(loc.startswith("http://testserver/") for loc in locations)


def test_sitemap_lists_the_open_data_page_in_every_language(shared_demo, client):
    locations = sitemap_locations(client)
    for code in ["en", "es", "vi", "am", "ti"]:
        assert f"http://testserver/{code}/open-data/" in locations
