"""The admin login under attack: django-axes locks an account, and an address, after N misses."""

from django.conf import settings
from django.test import Client
from django.urls import reverse

import pytest
from axes.models import AccessAttempt

PASSWORD = "a-long-right-password-42"
LIMIT = settings.AXES_FAILURE_LIMIT
DENIED = "Sorry, you do not have permission to access this area."


def sign_in(client, username, password, address):
    credentials = {"username": username, "password": password}
    return client.post(reverse("wagtailadmin_login"), credentials, REMOTE_ADDR=address)


def signed_in_as(client):
    return client.session.get("_auth_user_id")


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "", PASSWORD)


@pytest.fixture
def translator(django_user_model):
    return django_user_model.objects.create_superuser("translator", "", PASSWORD)


def test_a_wrong_password_below_the_limit_is_an_ordinary_error(client, editor):
    response = sign_in(client, "editor", "wrong", "203.0.113.1")
    assert response.status_code == 200
    assert "Your username and password didn" in response.text


def test_an_overlong_username_is_a_wrong_password_not_a_server_error(client, editor):
    """Axes stores the username: PostgreSQL refused one longer than its column (a 500)."""
    # Wagtail's sign-in for login-restricted pages, whose form takes any length.
    response = client.post(
        reverse("wagtailcore_login"),
        {"username": "x" * 5000, "password": "wrong"},
        REMOTE_ADDR="203.0.113.9",
    )

    assert response.status_code == 200
    assert 'name="password"' in response.text
    assert AccessAttempt.objects.get(ip_address="203.0.113.9").username == "x" * 255


def test_wrong_passwords_from_many_addresses_lock_the_account(client, editor, translator):
    # A distributed attack: each try from its own address, none of them over the limit alone.
    for n in range(LIMIT):
        sign_in(client, "editor", "wrong", f"203.0.113.{n + 1}")

    response = sign_in(client, "editor", PASSWORD, "198.51.100.7")

    assert response.status_code == 429
    assert "Sign-in locked" in response.text
    assert "even with the right password" in response.text
    assert response["Retry-After"] == str(settings.AXES_COOLOFF_MINUTES * 60)
    assert signed_in_as(client) is None
    # Another account, from another address, is not affected.
    other = Client()
    response = sign_in(other, "translator", PASSWORD, "192.0.2.50")
    assert response.status_code == 302
    assert signed_in_as(other) == str(translator.pk)


def test_an_address_spraying_usernames_is_locked(client, editor):
    for n in range(LIMIT):
        sign_in(client, f"guess-{n}", "password1", "203.0.113.99")

    locked = sign_in(client, "editor", PASSWORD, "203.0.113.99")
    elsewhere = sign_in(Client(), "editor", PASSWORD, "198.51.100.8")

    assert locked.status_code == 429
    assert "Sign-in locked" in locked.text
    assert elsewhere.status_code == 302  # the account itself was never attacked


def test_the_lock_ends_after_the_cool_off(client, editor):
    for _ in range(LIMIT):
        sign_in(client, "editor", "wrong", "203.0.113.5")
    refused = sign_in(client, "editor", PASSWORD, "203.0.113.5")
    assert refused.status_code == 429 and "Sign-in locked" in refused.text
    assert signed_in_as(client) is None

    # Age the attempts past the cool-off, as the clock would.
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.first().attempt_time - settings.AXES_COOLOFF_TIME
    )

    sign_in(client, "editor", PASSWORD, "203.0.113.5")
    assert signed_in_as(client) == str(editor.pk)


def test_an_administrator_sees_the_lockout_and_unlocks_it(client, editor, translator):
    for _ in range(LIMIT):
        sign_in(Client(), "editor", "wrong", "203.0.113.7")
    admin = Client()
    admin.force_login(translator)

    listing = admin.get(reverse("login_lockouts:index"))
    assert listing.status_code == 200
    assert "editor" in listing.text
    assert "203.0.113.7" in listing.text
    assert "Unlock" in listing.text
    assert "Login lockouts" in admin.get(reverse("wagtailadmin_home")).text  # in the Settings menu

    attempt = AccessAttempt.objects.get(username="editor")
    confirm = admin.get(reverse("login_lockouts:delete", args=[attempt.pk]))
    assert "Forget the failed attempts of editor and of the address 203.0.113.7" in confirm.text
    done = admin.post(reverse("login_lockouts:delete", args=[attempt.pk]), follow=True)
    assert "Unlocked: editor." in done.text

    assert not AccessAttempt.objects.exists()
    assert sign_in(client, "editor", PASSWORD, "203.0.113.7").status_code == 302


def test_lockouts_are_read_only_and_hidden_from_editors_without_permission(
    client, editor, django_user_model
):
    sign_in(Client(), "editor", "wrong", "203.0.113.8")
    attempt = AccessAttempt.objects.get()
    admin = Client()
    admin.force_login(editor)
    for url in [reverse("login_lockouts:edit", args=[attempt.pk]), reverse("login_lockouts:add")]:
        assert DENIED in admin.get(url, follow=True).text, url
    assert "editor" in admin.get(reverse("login_lockouts:inspect", args=[attempt.pk])).text

    moderator = django_user_model.objects.create_user("moderator", "", PASSWORD)
    moderator.user_permissions.add(*_admin_access())
    client.force_login(moderator)
    assert DENIED in client.get(reverse("login_lockouts:index"), follow=True).text
    assert "Login lockouts" not in client.get(reverse("wagtailadmin_home")).text


def _admin_access():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(codename="access_admin")
