"""One site holding every kind of content editors hide, beside content readers may see.

Each hidden kind is a hotline and an article whose titles and summaries carry a marker word
of their own ("Zqdraft"...), so a test can look for that word on every public surface. The
visible hotline and article carry "Zqvisible": a surface must show it, which proves the
surface works (a broken page shows nothing, and would hide nothing).

Translations: the visible content and most hidden kinds are translated into Spanish and
Vietnamese (a reader there gets the translation); Amharic and Tigrinya readers get the
English page through the language fallback. "hidden_source" is translated into all four
languages, as the issue's "hidden English source with live translations".
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group

from modelcluster.fields import ParentalKey
from wagtail.models import PageViewRestriction

from articles.factories import ArticleIndexPageFactory, ArticlePageFactory
from articles.models import ArticleRelatedListing
from directory.factories import AreaFactory, DirectoryIndexPageFactory, HotlinePageFactory
from directory.models.listings import Direction
from home.models import HomeFeaturedArticle, HomeUrgentContact
from suggestions.factories import SuggestListingPageFactory
from tests.helpers import publish, restrict, translate

LANGUAGES = ("en", "es", "vi", "am", "ti")
TRANSLATED = ("es", "vi")  # am and ti readers of these pages get the English fallback
VISIBLE = "Zqvisible"

# kind -> the marker word in its pages' titles and summaries. No marker contains another.
MARKERS = {
    "draft": "Zqdraft",  # never published (its translations were published)
    "unpublished": "Zqwithdrawn",  # published, then unpublished
    "password": "Zqpassword",
    "login": "Zqlogin",
    "group": "Zqgroup",
    "restricted_after_indexing": "Zqlatecomer",
    "hidden_source": "Zqsource",  # English unpublished, live in all four other languages
    "unpublished_during_outage": "Zqoutage",  # cluster only
}
CLUSTER_ONLY = {"unpublished_during_outage"}
UNTRANSLATED = {"unpublished"}


@dataclass
class HiddenKind:
    name: str
    marker: str
    hotline: object
    article: object
    translations: dict = field(default_factory=dict)  # code -> (hotline, article)

    @property
    def slugs(self):
        return (self.hotline.slug, self.article.slug)

    def languages(self):
        return tuple(self.translations)


@dataclass
class LeakSite:
    backend: str
    home: object
    directory: object
    articles: object
    suggest: object
    visible_hotline: object
    visible_article: object
    hidden: dict  # kind -> HiddenKind

    def listing_ids(self):
        """Every hidden listing's id, in English and in each translation."""
        ids = []
        for kind in self.hidden.values():
            ids.append(kind.hotline.pk)
            ids += [hotline.pk for hotline, _article in kind.translations.values()]
        return ids


def choose(model, page):
    """An inline row of `model` (e.g. HomeFeaturedArticle) that chooses `page`, whatever its
    foreign key to the chosen page is called."""
    name = next(
        f.name
        for f in model._meta.concrete_fields
        if f.many_to_one and not isinstance(f, ParentalKey)
    )
    return model(**{name: page})


def texts(marker, code="en"):
    suffix = "" if code == "en" else f" {code}"
    return {
        "title": f"{marker}{suffix} pantry line",
        "summary": f"{marker} pantry: call for groceries{suffix}.",
    }


def build(home, locales, food, backend):
    """The site, before any change made after indexing (see `hide_after_indexing`)."""
    seattle = AreaFactory(slug="seattle", name="Seattle")
    directory = DirectoryIndexPageFactory(parent=home)
    articles = ArticleIndexPageFactory(parent=home)
    suggest = SuggestListingPageFactory(parent=home)

    def hotline(slug, marker, **extra):
        return HotlinePageFactory(
            parent=directory,
            slug=slug,
            direction=Direction.BOTH,
            needs=[food],
            areas=[seattle],
            **texts(marker),
            **extra,
        )

    def article(slug, marker, related, **extra):
        return ArticlePageFactory(
            parent=articles,
            slug=slug,
            related_listings=[choose(ArticleRelatedListing, listing) for listing in related],
            **texts(marker),
            **extra,
        )

    kinds = [kind for kind in MARKERS if backend == "cluster" or kind not in CLUSTER_ONLY]
    hidden = {}
    for kind in kinds:
        slug = kind.replace("_", "-")
        live = kind != "draft"
        line = hotline(f"{slug}-line", MARKERS[kind], live=live)
        story = article(f"{slug}-story", MARKERS[kind], related=[line], live=live)
        hidden[kind] = HiddenKind(kind, MARKERS[kind], line, story)
    visible_line = hotline("visible-line", VISIBLE)
    hidden_lines = [kind.hotline for kind in hidden.values()]
    visible_story = article("visible-story", VISIBLE, related=[visible_line, *hidden_lines])
    for page in (directory, articles, suggest, visible_line, visible_story):
        publish(page)
    for kind in hidden.values():
        if kind.name != "draft":
            publish(kind.hotline)
            publish(kind.article)

    # The home page features every article and lists every hotline as urgent: only the
    # visible ones may show.
    home.featured_articles = [
        choose(HomeFeaturedArticle, page)
        for page in [visible_story, *(kind.article for kind in hidden.values())]
    ]
    home.urgent_contacts = [
        choose(HomeUrgentContact, page) for page in [visible_line, *hidden_lines]
    ]
    publish(home)

    for code in LANGUAGES[1:]:
        for page in (home, directory, articles, suggest):
            translate(page, code)
    for code in TRANSLATED:
        translate(visible_line, code, **texts(VISIBLE, code))
        translate(visible_story, code, **texts(VISIBLE, code))
    for kind in hidden.values():
        if kind.name in UNTRANSLATED:
            continue
        codes = LANGUAGES[1:] if kind.name == "hidden_source" else TRANSLATED
        for code in codes:
            kind.translations[code] = (
                translate(kind.hotline, code, **texts(kind.marker, code)),
                translate(kind.article, code, **texts(kind.marker, code)),
            )

    # What editors hid before the index was (re)built.
    readers = Group.objects.create(name="Leak test readers")
    for kind in hidden.values():
        for page in (kind.hotline, kind.article):
            if kind.name in ("unpublished", "hidden_source"):
                page.unpublish()
            elif kind.name == "password":
                restrict(page)
            elif kind.name == "login":
                restrict(page, PageViewRestriction.LOGIN)
            elif kind.name == "group":
                restrict(page, PageViewRestriction.GROUPS).groups.add(readers)
    return LeakSite(
        backend=backend,
        home=home,
        directory=directory,
        articles=articles,
        suggest=suggest,
        visible_hotline=visible_line,
        visible_article=visible_story,
        hidden=hidden,
    )


def hide_after_indexing(site):
    """The restriction editors add once the page is indexed (the cluster outage is handled
    by the test, which owns the cluster's address)."""
    kind = site.hidden["restricted_after_indexing"]
    for page in (kind.hotline, kind.article):
        restrict(page)
