"""Submissions come only from the public forms: even an administrator cannot add one by hand."""

from django.contrib.auth import get_user_model
from django.urls import reverse

import pytest


@pytest.fixture
def admin_client(client, db):
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(admin)
    return client


@pytest.mark.parametrize(
    "namespace", ["suggestions_listingsuggestion", "suggestions_problemreport"]
)
def test_no_add_view_and_no_add_button(admin_client, namespace):
    add = admin_client.get(reverse(f"{namespace}:add"), follow=True)
    assert "Sorry, you do not have permission to access this area." in add.content.decode()

    listing = admin_client.get(reverse(f"{namespace}:index")).content.decode()
    assert reverse(f"{namespace}:add") not in listing
