"""Builds the demo site from `demo/content`: taxonomies, home, articles and directory.

Idempotent by design: every object is looked up by its slug (or code) first. Missing objects
are created and published; existing ones are left alone, so running it again never duplicates
anything nor overwrites what editors have changed since. `update=True` rewrites the demo fields
of existing objects from the content modules, for resetting a demo.
"""

import json
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction

from wagtail.models import Locale, Page, Site

from articles.models import ArticleIndexPage, ArticlePage, ArticleRelatedListing, Author
from demo.content import articles as article_content
from demo.content import directory as directory_content
from demo.content import site as site_content
from demo.content import taxonomy as taxonomy_content
from demo.content.suggest import SUGGEST_PAGE
from demo.translator import DemoTranslator
from directory.models import (
    Area,
    DirectoryIndexPage,
    ExternalFormPage,
    GroupPage,
    HotlinePage,
    Language,
    ListingPage,
    Need,
    Organization,
    ResourcePage,
    SocialHandle,
)
from home.models import HomeFeaturedArticle, HomePage, HomeUrgentContact
from suggestions.models import SuggestListingPage

LISTING_TYPES = {
    "group": GroupPage,
    "form": ExternalFormPage,
    "hotline": HotlinePage,
    "resource": ResourcePage,
}
# Fields of a listing dict that map one-to-one onto model fields, per listing type.
COMMON_LISTING_FIELDS = [
    "title",
    "summary",
    "direction",
    "audience",
    "website",
    "email",
    "phone",
    "mailing_list_name",
    "mailing_list_url",
]
TYPE_FIELDS = {
    "group": ["how_to_join"],
    "form": ["form_kind"],
    "hotline": ["call_about", "hours_text"],
    "resource": ["resource_kind", "how_to_take_part"],
}
DEMO_AUTHOR = "Portal editors"


class DemoContentError(Exception):
    """The content modules refer to something that does not exist (a typo in a slug)."""


@dataclass
class Report:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: int = 0
    translations: object = None  # demo.translator.TranslationReport

    def note(self, created, label, updated=False):
        if created:
            self.created.append(label)
        elif updated:
            self.updated.append(label)
        else:
            self.unchanged += 1


def paragraphs_html(paragraphs):
    from django.utils.html import escape

    return "".join(f"<p>{escape(text)}</p>" for text in paragraphs)


class DemoLoader:
    def __init__(self, update=False, translate=True):
        self.update = update
        self.translate = translate
        self.report = Report()
        self.locale = None

    @transaction.atomic
    def run(self):
        self.locale = self.ensure_locales()
        self.load_taxonomies()
        home = self.ensure_home()
        directory = self.ensure_index(
            DirectoryIndexPage, home, "directory", self.directory_fields()
        )
        articles_index = self.ensure_index(
            ArticleIndexPage, home, "articles", self.articles_fields()
        )
        listings = self.load_listings(directory)
        articles = self.load_articles(articles_index, listings)
        self.link_home(home, articles, listings)
        self.ensure_page(SuggestListingPage, home, "suggest", SUGGEST_PAGE)
        # Translations last: they copy the English pages and snippets made above.
        if self.translate:
            self.report.translations = DemoTranslator(update=self.update).run(home)
        return self.report

    # --- Locales and taxonomies -----------------------------------------------------------
    def ensure_locales(self):
        for code, _name in settings.LANGUAGES:
            Locale.objects.get_or_create(language_code=code)
        return Locale.objects.get(language_code=settings.LANGUAGE_CODE)

    def upsert_snippet(self, model, lookup, values):
        obj = model.objects.filter(locale=self.locale, **lookup).first()
        if obj is None:
            obj = model.objects.create(locale=self.locale, **lookup, **values)
            self.report.note(True, f"{model._meta.verbose_name}: {obj}")
        elif self.update:
            for name, value in values.items():
                setattr(obj, name, value)
            obj.save()
            self.report.note(False, f"{model._meta.verbose_name}: {obj}", updated=True)
        else:
            self.report.note(False, "")
        return obj

    def load_taxonomies(self):
        self.needs = {
            item["slug"]: self.upsert_snippet(
                Need,
                {"slug": item["slug"]},
                {"name": item["name"], "description": item.get("description", "")},
            )
            for item in taxonomy_content.NEEDS
        }
        self.areas = {
            item["slug"]: self.upsert_snippet(
                Area,
                {"slug": item["slug"]},
                {"name": item["name"], "description": item.get("description", "")},
            )
            for item in taxonomy_content.AREAS
        }
        self.languages = {
            item["code"]: self.upsert_snippet(
                Language,
                {"code": item["code"]},
                {"name": item["name"], "native_name": item["native_name"]},
            )
            for item in taxonomy_content.LANGUAGES
        }
        self.organizations = {
            item["slug"]: self.upsert_snippet(
                Organization,
                {"slug": item["slug"]},
                {
                    "name": item["name"],
                    "description": item.get("description", ""),
                    "website": item.get("website", ""),
                },
            )
            for item in taxonomy_content.ORGANIZATIONS
        }

    def pick(self, mapping, keys, what, owner):
        missing = [key for key in keys if key not in mapping]
        if missing:
            raise DemoContentError(f"{owner}: unknown {what} {', '.join(missing)}")
        return [mapping[key] for key in keys]

    # --- Pages ----------------------------------------------------------------------------
    def publish(self, page):
        page.save_revision().publish()

    def ensure_page(self, model, parent, slug, values, prepare=None):
        """Create `slug` under `parent` if missing (or rewrite it with update=True), publish."""
        existing = parent.get_children().filter(slug=slug).specific().first()
        if existing is not None and not isinstance(existing, model):
            found, expected = type(existing).__name__, model.__name__
            raise DemoContentError(f"{parent.url_path}{slug}/ is a {found}, expected {expected}")
        if existing is not None and not self.update:
            self.report.note(False, "")
            return existing
        page = existing or model(slug=slug, locale=self.locale)
        for name, value in values.items():
            setattr(page, name, value)
        if prepare:
            prepare(page)
        if existing is None:
            parent.add_child(instance=page)
        self.publish(page)
        self.report.note(existing is None, f"{model._meta.verbose_name}: {page.title}", True)
        return page

    def ensure_home(self):
        root = Page.get_first_root_node()
        home_content = site_content.HOME
        values = {
            "title": home_content["title"],
            "intro": home_content["intro"],
            "get_help_title": home_content["get_help_title"],
            "get_help_text": home_content["get_help_text"],
            "give_help_title": home_content["give_help_title"],
            "give_help_text": home_content["give_help_text"],
        }
        self.remove_placeholder_home(root)
        home = self.ensure_page(HomePage, root, "home", values)
        site = Site.objects.filter(is_default_site=True).first() or Site(
            hostname="localhost", port=80, is_default_site=True
        )
        if site.root_page_id != home.pk:
            site.root_page = home
            site.site_name = home_content["title"]
            site.save()
        return home

    def remove_placeholder_home(self, root):
        """Wagtail's migrations leave a plain "Welcome" page at /home/: ours replaces it.

        Deleting it also deletes the default Site (its root page cascades); `ensure_home`
        creates the Site again around the new home page.
        """
        for child in root.get_children().filter(slug="home"):
            if child.specific_class is Page:
                child.delete()

    def directory_fields(self):
        return {
            "title": "Directory",
            "intro": paragraphs_html([site_content.DIRECTORY_INTRO]),
            "show_in_menus": True,
        }

    def articles_fields(self):
        return {
            "title": "Articles",
            "intro": paragraphs_html([site_content.ARTICLES_INTRO]),
            "show_in_menus": True,
        }

    def ensure_index(self, model, home, slug, values):
        return self.ensure_page(model, home, slug, values)

    def load_listings(self, directory):
        listings = {}
        for item in directory_content.LISTINGS:
            model = LISTING_TYPES.get(item["type"])
            if model is None:
                raise DemoContentError(f"{item['slug']}: unknown listing type {item['type']!r}")
            names = COMMON_LISTING_FIELDS + TYPE_FIELDS[item["type"]]
            values = {name: item.get(name, "") for name in names}
            values["description"] = paragraphs_html(item.get("description", []))
            organization = item.get("organization") or None
            if organization:
                (values["organization"],) = self.pick(
                    self.organizations, [organization], "organization", item["slug"]
                )

            def prepare(page, item=item):
                page.needs = self.pick(self.needs, item.get("needs", []), "need", item["slug"])
                page.areas = self.pick(self.areas, item.get("areas", []), "area", item["slug"])
                page.languages = self.pick(
                    self.languages, item.get("languages", []), "language", item["slug"]
                )
                page.social_handles = [
                    SocialHandle(
                        platform=account["platform"],
                        handle=account["handle"],
                        url=account.get("url", ""),
                    )
                    for account in item.get("social", [])
                ]

            listings[item["slug"]] = self.ensure_page(
                model, directory, item["slug"], values, prepare
            )
        return listings

    def load_articles(self, index, listings):
        author, _created = Author.objects.get_or_create(name=DEMO_AUTHOR)
        articles = {}
        for item in article_content.ARTICLES:
            values = {
                "title": item["title"],
                "kind": item["kind"],
                "summary": item["summary"],
                "body": json.dumps(stream_data(item["body"])),
            }
            related = self.pick(listings, item.get("related_listings", []), "listing", item["slug"])

            def prepare(page, item=item, related=related):
                page.authors = [author]
                page.topics.set(item.get("topics", []))
                page.related_listings = [
                    ArticleRelatedListing(listing=listing, sort_order=position)
                    for position, listing in enumerate(related)
                ]

            articles[item["slug"]] = self.ensure_page(
                ArticlePage, index, item["slug"], values, prepare
            )
        return articles

    def link_home(self, home, articles, listings):
        """Feature every article and every hotline on the home page, once."""
        if home.featured_articles.exists() and home.urgent_contacts.exists() and not self.update:
            return
        home.featured_articles = [
            HomeFeaturedArticle(page=article, sort_order=i)
            for i, article in enumerate(articles.values())
        ]
        hotlines = [page for page in listings.values() if isinstance(page, HotlinePage)]
        home.urgent_contacts = [
            HomeUrgentContact(page=hotline, sort_order=i) for i, hotline in enumerate(hotlines)
        ]
        self.publish(home)


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


def listing_pages():
    """Every listing in the default locale, for reports and tests."""
    return ListingPage.objects.filter(locale=Locale.get_default())
