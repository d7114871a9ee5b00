"""Document-collection passwords under attack: the same django-axes limit as page passwords."""

from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

import pytest

PASSWORD = "volunteers-only"
LIMIT = settings.AXES_FAILURE_LIMIT


@pytest.fixture
def private_document(db):
    collection = Collection.get_first_root_node().add_child(name="Volunteer rota")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password=PASSWORD,
    )
    document = get_document_model().objects.create(
        title="Rota", collection=collection, file=ContentFile(b"Tuesday: pantry", name="rota.txt")
    )
    return document, restriction


def guess(client, restriction, password, address="203.0.113.30"):
    return client.post(
        reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk]),
        {"password": password, "return_url": "/"},
        REMOTE_ADDR=address,
    )


def test_wrong_guesses_lock_the_documents_password(client, private_document):
    _document, restriction = private_document
    for _attempt in range(LIMIT - 1):
        answer = guess(client, restriction, "wrong")
        assert answer.status_code == 200 and "password" in answer.content.decode().lower()

    locked = guess(client, restriction, "wrong")
    assert locked.status_code == 429
    refused = guess(client, restriction, PASSWORD)
    assert refused.status_code == 429
    assert "Too many wrong passwords" in refused.content.decode()


def test_the_right_password_opens_the_document_before_any_lock(client, private_document):
    document, restriction = private_document

    answer = guess(client, restriction, PASSWORD)

    assert answer.status_code == 302
    served = client.get(document.url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == b"Tuesday: pantry"
