"""The exports' validator changes with every editor's action that changes them, and only then."""

from wagtail.log_actions import log

from opendata.freshness import export_etag
from tests.helpers import publish


def test_etag_is_stable_until_an_editor_acts(catalogue, locales, django_assert_max_num_queries):
    english = locales["en"]
    with django_assert_max_num_queries(3):  # the locale and view restrictions, then the one
        first = export_etag(english)
    assert first.startswith('W/"en-4-')
    assert export_etag(english) == first

    publish(catalogue["pantry"], summary="Groceries, now on Sundays too.")
    published = export_etag(english)
    assert published != first

    catalogue["fund"].unpublish()
    unpublished = export_etag(english)
    assert unpublished.startswith('W/"en-3-') and unpublished != published

    food = catalogue["pantry"].needs.first()
    food.name = "Groceries"
    food.save()
    log(instance=food, action="wagtail.edit")  # as the snippet editor does
    assert export_etag(english) != unpublished


def test_each_language_has_its_own_etag(catalogue, locales):
    assert export_etag(locales["es"]).startswith('W/"es-4-')
    assert export_etag(locales["es"]) != export_etag(locales["en"])


def test_exports_are_shared_like_pages_and_revalidate_without_being_built(
    client, catalogue, locales, django_assert_max_num_queries
):
    for path in ("/open-data/directory.json", "/open-data/directory.csv"):
        first = client.get(path, {"locale": "es"}, HTTP_ORIGIN="https://elsewhere.example")
        assert first["Access-Control-Allow-Origin"] == "*"
        assert "public" in first["Cache-Control"] and "s-maxage=" in first["Cache-Control"]
        assert first["ETag"].startswith('W/"es-4-'), path

        with django_assert_max_num_queries(4):  # the locale, then the validator's one query
            again = client.get(path, {"locale": "es"}, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304 and again.content == b"", path

    publish(catalogue["pantry"], summary="Groceries, now on Sundays too.")
    changed = client.get(
        "/open-data/directory.json", {"locale": "es"}, HTTP_IF_NONE_MATCH=first["ETag"]
    )
    assert changed.status_code == 200
    assert "Sundays" in changed.content.decode()


def test_a_bad_locale_is_refused_and_never_shared(client, catalogue):
    response = client.get("/open-data/directory.json", {"locale": "xx"})
    assert response.status_code == 400
    assert "Unknown locale 'xx'" in response.json()["error"]
    assert "public" not in response["Cache-Control"]


def test_the_etag_changes_with_the_clocks(catalogue, locales, monkeypatch):
    """The export's schedules carry Seattle's UTC offset: a client holding the winter export
    must not get a 304 for the summer one."""
    from opendata import freshness

    monkeypatch.setattr(freshness, "utc_offset", lambda: (-8, "-08:00"))
    winter = export_etag(locales["en"])
    monkeypatch.setattr(freshness, "utc_offset", lambda: (-7, "-07:00"))
    assert export_etag(locales["en"]) != winter
