"""Editors can add, edit and create every page type, and manage the taxonomies."""

import re

from django.urls import reverse
from django.utils.html import escape

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from articles.factories import ArticlePageFactory
from directory.factories import (
    AreaFactory,
    ExternalFormPageFactory,
    GroupPageFactory,
    HotlinePageFactory,
    LanguageFactory,
    NeedFactory,
    OrganizationFactory,
    ResourcePageFactory,
)


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "", "a-long-test-password")
    client.force_login(user)
    return client


def add_url(model, parent):
    meta = model._meta
    return reverse("wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, parent.pk])


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


@pytest.fixture
def pages(home, directory, articles_index):
    return {
        "home": home,
        "directory": directory,
        "articles": articles_index,
        "article": ArticlePageFactory(parent=articles_index),
        "group": GroupPageFactory(parent=directory),
        "form": ExternalFormPageFactory(parent=directory),
        "hotline": HotlinePageFactory(parent=directory),
        "resource": ResourcePageFactory(parent=directory),
    }


def field_names(response):
    """The names of the fields the editor's form shows (hidden ones included)."""
    return set(re.findall(r'name="([\w-]+)"', response.content.decode()))


# For each page type, fields of its own that the add and edit forms must offer (the needs are
# offered as one checkbox per need, so there is one need).
OWN_FIELDS = {
    "article": {"kind", "date", "related_listings-TOTAL_FORMS"},
    "group": {"how_to_join", "phones-TOTAL_FORMS", "needs", "opening_hours-TOTAL_FORMS"},
    "form": {"purpose", "form_links-TOTAL_FORMS", "needs"},
    "hotline": {"call_about", "hours_text", "needs"},
    "resource": {"resource_kind", "how_to_take_part", "needs"},
}


@pytest.mark.parametrize(
    "name, parent_name",
    [
        ("article", "articles"),
        ("group", "directory"),
        ("form", "directory"),
        ("hotline", "directory"),
        ("resource", "directory"),
    ],
)
def test_add_and_edit_forms_offer_each_page_types_fields(
    editor_client, pages, food, name, parent_name
):
    page = pages[name]
    add = editor_client.get(add_url(type(page), pages[parent_name]))
    edit = editor_client.get(edit_url(page))

    assert {"title", "slug", "summary"} | OWN_FIELDS[name] <= field_names(add)
    assert {"title", "slug", "summary"} | OWN_FIELDS[name] <= field_names(edit)
    assert f'value="{escape(page.title)}"' in edit.content.decode()


@pytest.mark.parametrize("name", ["home", "directory", "articles"])
def test_edit_forms_of_index_pages_show_the_page(editor_client, pages, name):
    edit = editor_client.get(edit_url(pages[name]))

    assert {"title", "slug", "intro"} <= field_names(edit)
    assert f'value="{escape(pages[name].title)}"' in edit.content.decode()


def listing_form(title, **extra):
    return {
        "title": title,
        "slug": title.lower().replace(" ", "-"),
        "summary": "A sentence for the list.",
        "description": rich_text("<p>Details.</p>"),
        "direction": "get",
        "phones": inline_formset([]),
        "social_handles": inline_formset([]),
        "opening_hours": inline_formset([]),
        "locations": inline_formset([]),
        **extra,
    }


CREATE_CASES = [
    ("group", "directory", listing_form("New group", how_to_join="Come along.")),
    (
        "form",
        "directory",
        listing_form("New form", purpose="volunteer", form_links=inline_formset([])),
    ),
    ("hotline", "directory", listing_form("New line", call_about="Anything.")),
    ("resource", "directory", listing_form("New fund", resource_kind="fund")),
    (
        "article",
        "articles",
        {
            "title": "New article",
            "slug": "new-article",
            "kind": "how_to",
            "summary": "How to start.",
            "date": "2026-11-26",
            "body": streamfield([("paragraph", rich_text("<p>Start small.</p>"))]),
            "related_listings": inline_formset([]),
        },
    ),
]


@pytest.mark.parametrize("name, parent_name, data", CREATE_CASES)
def test_editor_creates_and_publishes_each_page_type(editor_client, pages, name, parent_name, data):
    model = type(pages[name])
    data = nested_form_data({**data, "action-publish": "publish"})

    response = editor_client.post(add_url(model, pages[parent_name]), data)

    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    created = model.objects.get(title=data["title"])
    assert created.live
    assert f"<h1>{created.title}</h1>" in editor_client.get(created.url).content.decode()


def test_preview_renders(editor_client, pages):
    group = pages["group"]
    data = nested_form_data(listing_form("Previewed group", how_to_join=""))
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[group.pk])
    assert editor_client.post(url, data).json()["is_valid"]
    assert "Previewed group" in editor_client.get(url).content.decode()


TAXONOMIES = [
    ("need", lambda: NeedFactory(slug="food", name="Food"), {"name", "slug", "description"}),
    ("area", lambda: AreaFactory(slug="kent", name="Kent"), {"name", "slug", "description"}),
    (
        "language",
        lambda: LanguageFactory(code="vi", name="Vietnamese", native_name="Tiếng Việt"),
        {"name", "native_name", "code"},
    ),
    (
        "organization",
        lambda: OrganizationFactory(name="Pantry Collective"),
        {"name", "website", "description"},
    ),
]


@pytest.mark.parametrize("model_name, make, fields", TAXONOMIES)
def test_taxonomies_are_listed_and_added_in_the_admin(editor_client, model_name, make, fields):
    item = make()
    views = f"wagtailsnippets_directory_{model_name}"

    listing = editor_client.get(reverse(f"{views}:list")).content.decode()
    add = editor_client.get(reverse(f"{views}:add"))

    assert f'href="{reverse(f"{views}:edit", args=[item.pk])}"' in listing
    assert item.name in listing
    assert fields <= field_names(add)
