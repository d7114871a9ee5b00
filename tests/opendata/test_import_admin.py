"""The admin's HSDS import: upload, read the dry run's report, confirm; only for editors who
may add listings."""

import json

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from directory.models import ListingPage

URL = reverse("opendata_import")


def upload(services, name="services.json"):
    return SimpleUploadedFile(name, json.dumps(services).encode(), "application/json")


SERVICE = {"id": "7e1f0000-0000-4000-8000-000000000001", "name": "Tool library"}


@pytest.fixture
def editor_client(client, directory):
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(editor)
    return client


@pytest.mark.django_db
def test_an_editor_uploads_sees_the_dry_run_then_imports_drafts(editor_client, directory):
    response = editor_client.post(URL, {"dataset": upload([SERVICE]), "locale": "en"})

    html = response.content.decode()
    assert "1 to create, 0 to update" in html
    assert "create: Tool library (id 7e1f0000-0000-4000-8000-000000000001)" in html
    assert "Import as drafts" in html
    assert not ListingPage.objects.exists()  # a dry run so far

    response = editor_client.post(URL, {"confirm": "1"}, follow=True)

    page = ListingPage.objects.get()
    assert (page.title, page.live, page.imported_from) == ("Tool library", False, "services.json")
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_explore", args=[directory.pk])
    assert "Imported as drafts: 1 created, 0 updated, 0 skipped" in response.content.decode()


@pytest.mark.django_db
def test_a_file_with_errors_offers_no_import(editor_client):
    response = editor_client.post(URL, {"dataset": upload([{"id": "x"}]), "locale": "en"})

    html = response.content.decode()
    assert "record 1 (id x), name: required, missing" in html
    assert "nothing will be imported" in html
    assert "Import as drafts" not in html
    editor_client.post(URL, {"confirm": "1"})
    assert not ListingPage.objects.exists()


@pytest.mark.django_db
def test_an_unreadable_file_is_named(editor_client):
    bad = SimpleUploadedFile("notes.json", b"{oops", "application/json")
    response = editor_client.post(URL, {"dataset": bad, "locale": "en"})
    assert "notes.json is not JSON" in response.content.decode()


@pytest.mark.django_db
def test_only_editors_who_may_add_listings_can_import(client, directory):
    user = get_user_model().objects.create_user("reader", "reader@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    # Wagtail's admin answers a refused view by sending the user to the dashboard, saying so.
    response = client.get(URL, follow=True)
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home")
    assert "do not have permission" in response.content.decode()
    client.post(URL, {"dataset": upload([SERVICE]), "locale": "en"})
    assert not ListingPage.objects.exists()
