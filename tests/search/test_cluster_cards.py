"""The cluster's result cards come from its documents, yet a reader never sees one the index
has not caught up with; and typo tolerance only steps in when the exact words find too little."""

from django.utils import timezone

import pytest

from directory.factories import GroupPageFactory
from directory.models import GroupPage
from search import service
from tests.helpers import publish

pytestmark = pytest.mark.cluster


def search(text, reader="en"):
    return service.search(service.make_query(text, language=reader))


def test_a_card_shows_what_the_index_stored(cluster, content):
    cluster.rebuild()
    card = search("groceries").results[0]
    assert card["title"] == "Neighbors Grocery Delivery"
    assert card["summary"] == "Volunteers bring groceries to people who cannot get out to shop."
    assert card["kind"] == "group"
    assert card["url"] == content["groceries"].get_url() == "/en/directory/grocery-delivery/"


def test_a_page_published_again_since_it_was_indexed_shows_as_published(
    cluster, content, django_capture_on_commit_callbacks, caplog
):
    """Its document is stale (here: changed behind the index's back): the database answers
    with the page as it is now, and the page is sent to the cluster again."""
    cluster.rebuild()
    changed = "Volunteers bring groceries and hot meals to your door."
    GroupPage.objects.filter(pk=content["groceries"].pk).update(
        summary=changed, last_published_at=timezone.now()
    )
    with caplog.at_level("WARNING"), django_capture_on_commit_callbacks(execute=True):
        first = search("groceries")
    assert first.results[0]["summary"] == changed
    assert first.backend == "database"
    assert "hidden or changed page(s)" in caplog.text
    cluster.refresh()
    healed = search("groceries")  # re-sent: the cluster's card is current again
    assert (healed.backend, healed.results[0]["summary"]) == ("cluster", changed)


def test_the_url_follows_a_renamed_parent_without_reindexing(cluster, content, directory):
    """Renaming a section changes every page's URL below it (Wagtail updates their url_path
    in one statement): cards take the URL from the page row, never from the document."""
    cluster.rebuild()
    publish(directory, slug="help")
    found = search("groceries")
    assert found.backend == "cluster"
    content["groceries"].refresh_from_db()
    assert found.results[0]["url"] == content["groceries"].get_url() == "/en/help/grocery-delivery/"


def test_typos_are_forgiven_only_when_the_exact_words_find_too_little(cluster, content, directory):
    for n in range(10):
        GroupPageFactory(
            parent=directory, title=f"Soup kitchen {n}", summary="Hot soup every evening."
        )
    publish(GroupPageFactory(parent=directory, title="Soap bank", summary="Soap and towels."))
    for page in GroupPage.objects.filter(title__startswith="Soup kitchen"):
        publish(page)
    cluster.rebuild()
    exact = search("soup")
    assert exact.total == 10  # "soap" is one letter away, but ten pages say "soup"
    assert "Soap bank" not in [r["title"] for r in exact.results]
    typo = search("souup")  # no page says it: the typo-tolerant search answers
    assert typo.total >= 10
    assert typo.results[0]["title"].startswith("Soup kitchen")
