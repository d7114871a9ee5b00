"""Builds the demo site from `demo/content` into an EMPTY site, through the test factories.

The demo is for a fresh database only: `load_demo` runs on every `make run`, so on a site that
already has content (ours, or anything an editor made) it must change nothing at all. The
loader checks that first and raises `SiteNotEmpty` before touching a row; everything else runs
in one transaction, so a mistake in the content modules leaves the database as it was.

Pages and snippets are made by the factories the tests use (`home/`, `directory/`, `articles/`
factories): a content item's keys are the model's own field names, so a new field needs no
change here. Only what is not a plain field is handled below (slugs of related snippets and
pages, paragraphs, the listing type, the seed's label).
"""

from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from io import StringIO

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.core.management import call_command
from django.db import transaction
from django.db.models.signals import post_save
from django.utils.html import escape

from modelsearch import index as search_index
from modelsearch.signal_handlers import post_save_signal_handler, register_signal_handlers
from wagtail.models import Locale, Page, ReferenceIndex, Site
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task

from articles.factories import ArticleIndexPageFactory, ArticlePageFactory, AuthorFactory
from articles.models import ArticleRelatedListing, Author
from demo.content import articles as article_content
from demo.content import directory as directory_content
from demo.content import site as site_content
from demo.content import taxonomy as taxonomy_content
from demo.content.suggest import SUGGEST_PAGE
from demo.translator import DemoTranslator
from directory.factories import (
    AreaFactory,
    DirectoryIndexPageFactory,
    ExternalFormPageFactory,
    GroupPageFactory,
    HotlinePageFactory,
    LanguageFactory,
    NeedFactory,
    OrganizationFactory,
    ResourcePageFactory,
)
from directory.models import Area, HotlinePage, Language, Need, Organization, SocialHandle
from home.factories import HomePageFactory
from home.models import HomeFeaturedArticle, HomeUrgentContact, SiteText
from opendata.ids import demo_id
from suggestions.factories import SuggestListingPageFactory

LISTING_FACTORIES = {
    "group": GroupPageFactory,
    "form": ExternalFormPageFactory,
    "hotline": HotlinePageFactory,
    "resource": ResourcePageFactory,
}
# Rows of these mean someone already built content here, even without a page.
DEMO_SNIPPETS = [Need, Area, Language, Organization, Author]
DEMO_AUTHOR = "Portal editors"


class DemoContentError(Exception):
    """The content modules refer to something that does not exist (a typo in a slug)."""


class SiteNotEmpty(Exception):
    """The database already has content: the demo is loaded into an empty site only."""


def why_not_empty():
    """Why this database is not an empty site, or "" when the demo may be loaded.

    Empty means what Wagtail's own migrations leave: the root, its "Welcome to your new
    Wagtail site!" placeholder (a plain, never-edited `Page` with no children) and no
    snippets of the kinds the demo creates.
    """
    pages = Page.objects.filter(depth__gt=1)
    placeholder = pages.filter(
        depth=2,
        numchild=0,
        content_type=ContentType.objects.get_for_model(Page),
        latest_revision__isnull=True,
    ).first()
    if placeholder is not None:
        pages = pages.exclude(pk=placeholder.pk)
    if count := pages.count():
        return f"the site already has {count} page(s)"
    if Site.objects.exclude(root_page=placeholder).exists():
        return "a site is configured on a page other than Wagtail's placeholder"
    for model in DEMO_SNIPPETS:
        if model.objects.exists():
            return f"the site already has {model._meta.verbose_name_plural}"
    return ""


@dataclass
class Report:
    created: list = field(default_factory=list)
    translations: object = None  # demo.translator.TranslationReport

    def add(self, obj):
        self.created.append(f"{obj._meta.verbose_name}: {obj}")
        return obj


def paragraphs_html(paragraphs):
    return "".join(f"<p>{escape(text)}</p>" for text in paragraphs)


@contextmanager
def indexes_built_once():
    """Update Wagtail's search index and reference index once per object, after the content.

    Wagtail updates both on every save, and a demo page is saved, revised, published and
    translated: that was about a third of load_demo's time. Here the per-save updates are off
    while the demo is built; then the search index is built in bulk (the site was empty, so it
    holds exactly the demo) and each object saved gets the reference-index update Wagtail's
    own save handler gives it, once. On an error nothing is indexed (the transaction rolls
    back anyway); Wagtail's per-save updates are back on in every case.
    """
    saved = set()

    def note(sender, instance, raw=False, **kwargs):
        if not raw and sender in ReferenceIndex.tracked_models:
            saved.add((instance._meta.app_label, instance._meta.model_name, str(instance.pk)))

    for model in search_index.get_indexed_models():
        post_save.disconnect(post_save_signal_handler, sender=model)
    post_save.connect(note, weak=False, dispatch_uid="demo-loader-saved")
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid="demo-loader-saved")
        register_signal_handlers()
    call_command("update_index", stdout=StringIO())
    for app_label, model_name, pk in sorted(saved):
        with suppress(ObjectDoesNotExist):  # saved, then deleted while loading
            update_reference_index_task.call(app_label, model_name, pk)


class DemoLoader:
    def __init__(self, translate=True):
        self.translate = translate
        self.report = Report()

    @transaction.atomic
    def run(self):
        reason = why_not_empty()
        if reason:
            raise SiteNotEmpty(reason)
        with indexes_built_once():
            self.build()
        return self.report

    def build(self):
        self.locale = self.ensure_locales()
        self.load_taxonomies()
        home = self.build_home()
        self.report.add(SiteText.objects.create(locale=self.locale, **site_content.SITE_TEXT))
        directory = self.build_page(
            DirectoryIndexPageFactory,
            parent=home,
            slug="directory",
            title="Directory",
            intro=paragraphs_html([site_content.DIRECTORY_INTRO]),
            show_in_menus=True,
        )
        articles_index = self.build_page(
            ArticleIndexPageFactory,
            parent=home,
            slug="articles",
            title="Articles",
            intro=paragraphs_html([site_content.ARTICLES_INTRO]),
            show_in_menus=True,
        )
        listings = {
            item["slug"]: self.build_listing(directory, item) for item in directory_content.LISTINGS
        }
        articles = [
            self.build_article(articles_index, item, listings) for item in article_content.ARTICLES
        ]
        self.build_page(SuggestListingPageFactory, parent=home, slug="suggest", **SUGGEST_PAGE)
        self.link_home(home, articles, listings)
        # Translations last: they copy the English pages and snippets made above.
        if self.translate:
            self.report.translations = DemoTranslator().run(home)

    # --- Locales and taxonomies -----------------------------------------------------------
    def ensure_locales(self):
        for code, _name in settings.LANGUAGES:
            Locale.objects.get_or_create(language_code=code)
        return Locale.objects.get(language_code=settings.LANGUAGE_CODE)

    def load_taxonomies(self):
        def build(factory, items, key="slug"):
            return {
                item[key]: self.report.add(factory(locale=self.locale, **item)) for item in items
            }

        self.needs = build(NeedFactory, taxonomy_content.NEEDS)
        parents = {item["slug"]: item.get("parent") for item in taxonomy_content.AREAS}
        areas = [
            {k: v for k, v in item.items() if k != "parent"} for item in taxonomy_content.AREAS
        ]
        self.areas = build(AreaFactory, areas)
        # Then how they nest (King County contains Seattle...), once every area exists.
        for slug, parent in parents.items():
            if parent:
                area = self.areas[slug]
                area.parent = self.pick(self.areas, [parent], "area", slug)[0]
                area.save(update_fields=["parent"])
        self.languages = build(LanguageFactory, taxonomy_content.LANGUAGES, key="code")
        self.organizations = build(
            OrganizationFactory,
            [
                item | {"hsds_id": demo_id("organization", item["slug"])}
                for item in taxonomy_content.ORGANIZATIONS
            ],
        )
        self.author = self.report.add(AuthorFactory(name=DEMO_AUTHOR))

    def pick(self, mapping, keys, what, owner):
        missing = [key for key in keys if key not in mapping]
        if missing:
            raise DemoContentError(f"{owner}: unknown {what} {', '.join(missing)}")
        return [mapping[key] for key in keys]

    # --- Pages ----------------------------------------------------------------------------
    def build_page(self, factory, publish=True, **values):
        """Create a page with a factory; publish it as an editor would (a revision, a log)."""
        page = factory(locale=self.locale, **values)
        if publish:
            page.save_revision().publish()
        return self.report.add(page)

    def build_home(self):
        """Replace Wagtail's placeholder with our home page, and point the site at it.

        Deleting the placeholder also deletes the default Site (its root page cascades), so
        the Site is created again around the new home page.
        """
        root = Page.get_first_root_node()
        root.get_children().delete()
        home = self.build_page(
            HomePageFactory, publish=False, parent=root, slug="home", **site_content.HOME
        )
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=site_content.HOME["title"],
        )
        return home

    def build_listing(self, directory, item):
        item = dict(item)
        item.pop("seed_label")  # the seed's own words, kept for the coverage test only
        kind = item.pop("type")
        if kind not in LISTING_FACTORIES:
            raise DemoContentError(f"{item['slug']}: unknown listing type {kind!r}")
        organization = item.pop("organization", "")
        return self.build_page(
            LISTING_FACTORIES[kind],
            parent=directory,
            description=paragraphs_html(item.pop("description", [])),
            needs=self.pick(self.needs, item.pop("needs", []), "need", item["slug"]),
            areas=self.pick(self.areas, item.pop("areas", []), "area", item["slug"]),
            languages=self.pick(
                self.languages, item.pop("languages", []), "language", item["slug"]
            ),
            organization=(
                self.pick(self.organizations, [organization], "organization", item["slug"])[0]
                if organization
                else None
            ),
            social_handles=[SocialHandle(**account) for account in item.pop("social", [])],
            # The same open-data id on every install (the demo loads into an empty database).
            hsds_id=demo_id("service", item["slug"]),
            **item,
        )

    def build_article(self, index, item, listings):
        item = dict(item)
        related = item.pop("related_listings", [])
        return self.build_page(
            ArticlePageFactory,
            parent=index,
            body=stream_data(item.pop("body")),
            authors=[self.author],
            related_listings=[
                ArticleRelatedListing(listing=listing, sort_order=position)
                for position, listing in enumerate(
                    self.pick(listings, related, "listing", item["slug"])
                )
            ],
            **item,
        )

    def link_home(self, home, articles, listings):
        """Feature every article and every hotline on the home page, then publish it."""
        home.featured_articles = [
            HomeFeaturedArticle(article=article, sort_order=i) for i, article in enumerate(articles)
        ]
        hotlines = [page for page in listings.values() if isinstance(page, HotlinePage)]
        home.urgent_contacts = [
            HomeUrgentContact(hotline=hotline, sort_order=i) for i, hotline in enumerate(hotlines)
        ]
        home.save_revision().publish()


def stream_data(body):
    """Turn the content modules' (block type, value) pairs into StreamField raw data."""
    data = []
    for block_type, value in body:
        if block_type == "heading":
            value = {"text": value, "level": "h2"}
        elif block_type == "timeline":
            events = value if isinstance(value, list) else value["events"]
            heading = "" if isinstance(value, list) else value.get("heading", "")
            value = {"heading": heading, "events": events}
        elif block_type == "callout":
            value = {
                "tone": value.get("tone", "info"),
                "title": value["title"],
                "text": value["text"],
            }
        data.append({"type": block_type, "value": value})
    return data
