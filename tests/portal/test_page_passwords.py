"""Page passwords under attack: django-axes counts every wrong guess and locks the guesser out."""

from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

import pytest
from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt

from directory.factories import GroupPageFactory
from tests.helpers import restrict

PASSWORD = "shared-with-members"
LIMIT = settings.AXES_FAILURE_LIMIT


@pytest.fixture
def members_page(directory):
    page = GroupPageFactory(parent=directory, title="Members' rota", slug="members-rota")
    return page, restrict(page, password=PASSWORD)


def guess(client, members_page, password, address="203.0.113.20"):
    page, restriction = members_page
    with translation.override("en"):  # the English page's form
        form = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    return client.post(
        form,
        {"password": password, "return_url": page.url},
        REMOTE_ADDR=address,
    )


def reads_the_page(client, members_page, address="203.0.113.20"):
    page, _restriction = members_page
    response = client.get(page.url, REMOTE_ADDR=address)
    return (
        response.status_code == 200
        and "Members&#x27; rota" in response.text
        and ('name="password"' not in response.text)
    )


def test_the_right_password_opens_the_page(client, members_page):
    assert not reads_the_page(client, members_page)
    response = guess(client, members_page, PASSWORD)
    assert response.status_code == 302
    assert reads_the_page(client, members_page)


def test_a_hundred_guesses_are_cut_off_at_the_limit(client, members_page):
    answers = [guess(client, members_page, f"guess-{n}") for n in range(100)]

    wrong = [a for a in answers if "The password you have entered is not correct" in a.text]
    refused = [a for a in answers if a.status_code == 429]
    assert len(wrong) == LIMIT - 1  # the last allowed miss already answers the lockout
    assert len(refused) == 100 - (LIMIT - 1)
    assert "Too many wrong passwords" in refused[-1].text
    assert refused[-1]["Retry-After"] == str(settings.AXES_COOLOFF_MINUTES * 60)

    # Even the right password is refused now, and the page stays closed.
    assert guess(client, members_page, PASSWORD).status_code == 429
    assert not reads_the_page(client, members_page)


def test_the_restriction_is_locked_whoever_guesses(client, members_page):
    # Many addresses sharing out the guesses cannot get more than the limit between them.
    for n in range(LIMIT):
        guess(Client(), members_page, f"guess-{n}", address=f"198.51.100.{n + 1}")
    refused = guess(client, members_page, PASSWORD, address="192.0.2.1")
    assert refused.status_code == 429 and "Too many wrong passwords" in refused.text
    assert not reads_the_page(client, members_page, address="192.0.2.1")


def test_guessing_again_after_the_cool_off_or_an_unlock(client, members_page):
    for n in range(LIMIT):
        guess(client, members_page, f"guess-{n}")
    assert guess(client, members_page, PASSWORD).status_code == 429

    # The cool-off passes (as the clock would move the attempts into the past).
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.first().attempt_time - settings.AXES_COOLOFF_TIME
    )
    assert guess(client, members_page, "still-wrong").status_code == 200
    assert guess(client, members_page, PASSWORD).status_code == 302
    assert reads_the_page(client, members_page)

    # Locked again by another round of guesses, then unlocked by an administrator.
    other = Client()
    for n in range(LIMIT):
        guess(other, members_page, f"again-{n}", address="203.0.113.21")
    assert guess(other, members_page, PASSWORD, address="203.0.113.21").status_code == 429
    AxesProxyHandler.reset_attempts(ip_address="203.0.113.21")
    AxesProxyHandler.reset_attempts(username=AccessAttempt.objects.get().username)
    assert guess(other, members_page, PASSWORD, address="203.0.113.21").status_code == 302


def test_the_lockout_names_the_page_password_not_an_account(client, members_page):
    for n in range(LIMIT):
        guess(client, members_page, f"guess-{n}")
    _page, restriction = members_page
    attempt = AccessAttempt.objects.get()
    assert attempt.username == f"page password: {restriction.pk}"
    assert PASSWORD not in attempt.post_data and "guess-" not in attempt.post_data
