"""Helpers shared by the browser tests: the demo's page of each type, axe, transferred bytes."""

from pathlib import Path

from django.conf import settings

from articles.models import ArticleIndexPage, ArticlePage
from directory.models import (
    DirectoryIndexPage,
    ExternalFormPage,
    GroupPage,
    HotlinePage,
    ResourcePage,
)
from home.models import HomePage

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = {"serious", "critical"}


def first_url(model):
    page = model.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE).first()
    assert page is not None, f"the demo has no live {model.__name__}"
    return page.url


def demo_page_types():
    """One English URL per reader-facing page type of the demo site."""
    directory = first_url(DirectoryIndexPage)
    return {
        "home": first_url(HomePage),
        "article index": first_url(ArticleIndexPage),
        "article": first_url(ArticlePage),
        "directory": directory,
        "need route": directory + "needs/food/",
        "group": first_url(GroupPage),
        "form": first_url(ExternalFormPage),
        "hotline": first_url(HotlinePage),
        "resource": first_url(ResourcePage),
        "search results": "/en/search/?q=food",
        "not found": "/en/no-such-page/",
    }


def in_language(url, code):
    """The same address under another language prefix (slugs are shared across locales)."""
    prefix = f"/{settings.LANGUAGE_CODE}/"
    assert url.startswith(prefix), url
    return f"/{code}/" + url[len(prefix) :]


def axe_violations(page, axe):
    """Serious and critical axe-core violations on the loaded page, as readable strings.
    `axe` is the script's path, from the `axe` fixture (which skips or fails without it)."""
    # Evaluated through Playwright, not added as an inline <script>: the pages' CSP blocks those.
    page.evaluate(Path(axe).read_text() + "\n;true")
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:3])
        for violation in results["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]


def heading_levels(page):
    return page.eval_on_selector_all(
        "main h1, main h2, main h3, main h4, main h5, main h6",
        "nodes => nodes.map(n => Number(n.tagName[1]))",
    )
