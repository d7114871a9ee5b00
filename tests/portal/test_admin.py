"""Editors can add, edit and create every page type, and manage the taxonomies."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from articles.factories import ArticlePageFactory
from directory.factories import (
    ExternalFormPageFactory,
    GroupPageFactory,
    HotlinePageFactory,
    ResourcePageFactory,
)


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "", "a-long-test-password")
    client.force_login(user)
    return client


def add_url(model, parent):
    meta = model._meta
    return f"/admin/pages/add/{meta.app_label}/{meta.model_name}/{parent.pk}/"


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
def test_add_and_edit_views_load(editor_client, pages, name, parent_name):
    page = pages[name]
    add = editor_client.get(add_url(type(page), pages[parent_name]))
    edit = editor_client.get(f"/admin/pages/{page.pk}/edit/")
    assert add.status_code == 200
    assert edit.status_code == 200


@pytest.mark.parametrize("name", ["home", "directory", "articles"])
def test_edit_views_of_index_pages_load(editor_client, pages, name):
    assert editor_client.get(f"/admin/pages/{pages[name].pk}/edit/").status_code == 200


def listing_form(title, **extra):
    return {
        "title": title,
        "slug": title.lower().replace(" ", "-"),
        "summary": "A sentence for the list.",
        "description": rich_text("<p>Details.</p>"),
        "direction": "get",
        "social_handles": inline_formset([]),
        "opening_hours": inline_formset([]),
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
    assert editor_client.get(created.url).status_code == 200


def test_preview_renders(editor_client, pages):
    group = pages["group"]
    data = nested_form_data(listing_form("Previewed group", how_to_join=""))
    url = f"/admin/pages/{group.pk}/edit/preview/"
    assert editor_client.post(url, data).json()["is_valid"]
    assert "Previewed group" in editor_client.get(url).content.decode()


@pytest.mark.parametrize("model_name", ["need", "area", "language", "organization"])
def test_taxonomy_snippets_have_admin_views(editor_client, model_name):
    assert editor_client.get(f"/admin/snippets/directory/{model_name}/").status_code == 200
    assert editor_client.get(f"/admin/snippets/directory/{model_name}/add/").status_code == 200
