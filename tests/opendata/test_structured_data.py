"""schema.org JSON-LD, parsed back out of the rendered pages."""

import json
import re

from articles.factories import ArticlePageFactory, AuthorFactory
from tests.helpers import publish


def jsonld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1, "expected exactly one JSON-LD block"
    return json.loads(blocks[0])


def test_group_is_an_organization_with_hours(client, catalogue):
    pantry = catalogue["pantry"]
    data = jsonld(client.get(pantry.url).content.decode())
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Organization"
    assert data["name"] == "Pantry"
    assert data["url"].endswith(pantry.url)
    assert data["areaServed"] == [{"@type": "AdministrativeArea", "name": "Seattle"}]
    assert data["knowsLanguage"] == ["en", "es"]
    (hours,) = data["contactPoint"]["hoursAvailable"]
    assert hours == {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": "https://schema.org/Friday",
        "opens": "22:00",
        "closes": "02:00",
    }


def test_every_kind_of_listing_has_jsonld(client, catalogue):
    types = {
        name: jsonld(client.get(page.url).content.decode())["@type"]
        for name, page in catalogue.items()
    }
    assert types == {
        "pantry": "Organization",
        "hotline": "ContactPoint",
        "form": "Service",
        "fund": "Service",
    }


def test_jsonld_cannot_break_out_of_its_script(client, catalogue):
    pantry = catalogue["pantry"]
    publish(pantry, title="Pantry </script><script>alert(1)</script>")
    html = client.get(pantry.url).content.decode()
    assert jsonld(html)["name"] == pantry.title
    assert "<script>alert(1)" not in html


def test_article_jsonld(client, articles_index):
    article = ArticlePageFactory(parent=articles_index, title="What mutual aid is")
    article.authors.set([AuthorFactory(name="Portal editors")])
    publish(article)
    data = jsonld(client.get(article.url).content.decode())
    assert data["@type"] == "Article"
    assert data["headline"] == "What mutual aid is"
    assert data["inLanguage"] == "en"
    assert data["author"] == [{"@type": "Person", "name": "Portal editors"}]
    assert data["datePublished"] == article.date.isoformat()
