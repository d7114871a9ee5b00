"""The rate limit counts every post per client; a submission is stored whole or not at all."""

import pytest

from suggestions.factories import SuggestListingPageFactory
from suggestions.forms import ListingSuggestionForm
from suggestions.models import ListingSuggestion

from .test_flow import VALID


@pytest.fixture
def suggest_page(home):
    return SuggestListingPageFactory(parent=home)


def thanked(response):
    """The reader was sent on to the thank-you page (the counts say what was stored)."""
    return response.status_code == 302 and "/thanks/" in response["Location"]


def refused(response):
    return response.status_code == 429 and "Please wait an hour" in response.content.decode()


def test_invalid_posts_use_up_the_allowance(client, suggest_page, settings):
    settings.SUGGESTIONS_RATE_LIMIT = 3
    for _ in range(3):
        assert client.post(suggest_page.url, VALID | {"name": ""}).status_code == 400
    assert refused(client.post(suggest_page.url, VALID))
    assert ListingSuggestion.objects.count() == 0


def test_reading_the_form_is_not_counted(client, suggest_page, settings):
    settings.SUGGESTIONS_RATE_LIMIT = 1
    for _ in range(3):
        assert 'name="summary"' in client.get(suggest_page.url).content.decode()
    assert thanked(client.post(suggest_page.url, VALID))
    assert ListingSuggestion.objects.count() == 1


def test_clients_behind_a_trusted_proxy_each_have_their_own_allowance(
    client, suggest_page, settings
):
    settings.SUGGESTIONS_RATE_LIMIT = 1
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    first = client.post(suggest_page.url, VALID, HTTP_X_FORWARDED_FOR="203.0.113.1", **proxy)
    again = client.post(suggest_page.url, VALID, HTTP_X_FORWARDED_FOR="203.0.113.1", **proxy)
    other = client.post(suggest_page.url, VALID, HTTP_X_FORWARDED_FOR="203.0.113.2", **proxy)
    assert thanked(first) and refused(again) and thanked(other)
    assert ListingSuggestion.objects.count() == 2


def test_an_ipv6_client_is_its_whole_64_network(client, suggest_page, settings):
    settings.SUGGESTIONS_RATE_LIMIT = 1
    assert thanked(client.post(suggest_page.url, VALID, REMOTE_ADDR="2001:db8:1:2::1"))
    assert refused(client.post(suggest_page.url, VALID, REMOTE_ADDR="2001:db8:1:2::99"))
    assert thanked(client.post(suggest_page.url, VALID, REMOTE_ADDR="2001:db8:1:3::1"))
    assert ListingSuggestion.objects.count() == 2


def test_a_submission_is_stored_whole_or_not_at_all(client, suggest_page, food, monkeypatch):
    def needs_fail(form):
        raise RuntimeError("the needs could not be stored")

    monkeypatch.setattr(ListingSuggestionForm, "_save_m2m", needs_fail)
    with pytest.raises(RuntimeError):
        client.post(suggest_page.url, VALID | {"needs": [food.pk]})
    assert ListingSuggestion.objects.count() == 0
