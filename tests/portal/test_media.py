"""Uploaded images in production: served by Django when SERVE_MEDIA is on, never documents."""

from django.core.files.base import ContentFile
from django.test import override_settings

from wagtail.documents.models import Document

import pytest
import wagtail_factories

from tests.helpers import assert_not_found

pytestmark = pytest.mark.django_db


@pytest.fixture
def rendition():
    image = wagtail_factories.ImageFactory(file__width=800, file__height=600)
    return image.get_rendition("width-400")


@pytest.fixture
def document():
    document = Document(title="Minutes")
    document.file.save("minutes.txt", ContentFile(b"Private minutes"))
    return document


def body(response):
    return b"".join(response.streaming_content)


# As production runs: DEBUG off, HTTPS required (the test client asks over HTTPS).
@override_settings(DEBUG=False, SECURE_SSL_REDIRECT=True, SERVE_MEDIA=True)
def test_a_rendition_on_a_page_is_served(client, rendition):
    assert rendition.url.startswith("/media/images/")
    response = client.get(rendition.url, secure=True)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/")
    with rendition.file.open("rb") as file:
        assert body(response) == file.read()
    assert "max-age=3600" in response["Cache-Control"]
    assert client.head(rendition.url, secure=True).status_code == 200


@override_settings(DEBUG=False, SERVE_MEDIA=True)
def test_the_original_image_is_served(client, rendition):
    original = rendition.image.file
    response = client.get(original.url)
    assert response.status_code == 200
    with original.open("rb") as file:
        assert body(response) == file.read()


@override_settings(DEBUG=False, SERVE_MEDIA=False)
def test_off_by_default_the_web_server_serves_them(client, rendition):
    assert_not_found(client.get(rendition.url))


@override_settings(DEBUG=False, SERVE_MEDIA=True)
@pytest.mark.parametrize(
    "path",
    [
        "/media/{file}",
        "/media/images/../{file}",
        "/media/images/%2e%2e/{file}",
        "/media/original_images/../../portal/settings/base.py",
    ],
)
def test_document_files_stay_behind_wagtails_view(client, document, path):
    client.raise_request_exception = False
    response = client.get(path.format(file=document.file.name))
    assert response.status_code == 404
    assert b"Private minutes" not in response.content
    assert b"SECRET_KEY" not in response.content


def test_documents_are_still_served_by_wagtail(client, document):
    response = client.get(document.url)
    assert body(response) == b"Private minutes"
