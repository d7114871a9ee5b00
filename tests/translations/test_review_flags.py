"""Review flags seen by readers and handled from the page editor (issue 12, section 5).

A machine-assisted or unchecked translation carries a note in the reader's language until a
reviewer clears its flag; editors raise and clear the flag from the translation's edit
screen, and the page's history records who did it."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import GroupPagePermission, PageLogEntry

import pytest

from articles.factories import ArticleIndexPageFactory, ArticlePageFactory
from directory.factories import GroupPageFactory
from tests.helpers import translate
from tests.httpcache import recorder
from translations.models import ReviewFlag

pytestmark = pytest.mark.django_db

MACHINE_NOTE = (
    "This translation was made with a machine's help and has not yet been checked by a "
    "fluent reader."
)
REFUSED = "Sorry, you do not have permission to access this area."  # Wagtail's admin says
INCOMPLETE_NOTE = "Some parts of this page have not been translated yet and are shown in English."


def note_in(code, message=MACHINE_NOTE):
    with translation.override(code):
        return gettext(message)


@pytest.fixture
def pages(locales, home, directory):
    """An article and a listing, each translated into Amharic and Spanish."""
    index = ArticleIndexPageFactory(parent=home, slug="articles")
    article = ArticlePageFactory(
        parent=index, slug="what-is-it", title="What is it?", date=datetime.date(2026, 3, 5)
    )
    listing = GroupPageFactory(parent=directory, slug="pantry", title="Pantry")
    for code in ("am", "es"):
        translate(home, code)
        translate(index, code)
        translate(directory, code)
    return {
        "article": {code: translate(article, code) for code in ("am", "es")},
        "listing": {code: translate(listing, code) for code in ("am", "es")},
        "urls": {"article": "articles/what-is-it/", "listing": "directory/pantry/"},
    }


@pytest.mark.parametrize("kind", ["article", "listing"])
def test_a_machine_assisted_translation_tells_its_readers_until_it_is_reviewed(pages, client, kind):
    amharic = pages[kind]["am"]
    url = f"/am/{pages['urls'][kind]}"
    assert note_in("am") not in client.get(url).content.decode()

    flag = ReviewFlag.flag(amharic, amharic.locale, ReviewFlag.Reason.MACHINE_ASSISTED)
    html = client.get(url).content.decode()  # the kept fragment was dropped with the save
    assert note_in("am") in html
    assert note_in("am") != MACHINE_NOTE  # in Amharic words (the compiled catalogue)
    # Not the "shown in English" notice: this page *is* in Amharic.
    assert "notice--translation" not in html
    # Only the flagged translation carries it.
    assert note_in("es") not in client.get(f"/es/{pages['urls'][kind]}").content.decode()

    flag.delete()
    assert note_in("am") not in client.get(url).content.decode()


def test_an_incomplete_translation_says_parts_are_in_english(pages, client):
    spanish = pages["listing"]["es"]
    ReviewFlag.flag(spanish, spanish.locale, ReviewFlag.Reason.INCOMPLETE)
    html = client.get("/es/directory/pantry/").content.decode()
    assert note_in("es", INCOMPLETE_NOTE) in html
    assert note_in("es") not in html  # not called machine-made when it is not


# --- Editors -----------------------------------------------------------------------------


def editor_with(home, permissions):
    """An editor whose group may do `permissions` (e.g. "change_page") on every language's
    tree (each locale has its own home page under the root)."""
    name = "+".join(permissions) or "no-page-rights"
    group = Group.objects.create(name=name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in permissions:
        GroupPagePermission.objects.create(
            group=group,
            page=home.get_parent(),
            permission=Permission.objects.get(codename=codename),
        )
    user = get_user_model().objects.create_user(
        username=name, email="editor@example.org", password="x"
    )
    user.groups.add(group)
    return user


def header_labels(client, page):
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    return {
        label: label in html
        for label in ("Flag translation for review", "Mark translation reviewed")
    }


def test_a_translator_flags_a_translation_from_its_edit_screen(pages, client, home):
    translator = editor_with(home, ["add_page", "change_page"])
    client.force_login(translator)
    amharic = pages["listing"]["am"]

    assert header_labels(client, amharic) == {
        "Flag translation for review": True,
        "Mark translation reviewed": False,  # nothing to clear yet
    }
    response = client.post(
        reverse("translations_flag_page", args=[amharic.pk]),
        {"reason": "machine_assisted", "note": "Checked the title only."},
        follow=True,
    )

    flag = ReviewFlag.for_instance(amharic).get()
    assert (flag.reason, flag.note) == ("machine_assisted", "Checked the title only.")
    assert "is flagged for review" in response.content.decode()
    entry = PageLogEntry.objects.get(page=amharic, action="translations.review_flagged")
    assert entry.user == translator
    assert (
        entry.message == "Translation flagged for review: Machine-assisted: needs a fluent reviewer"
    )
    # A translator who may not publish may not vouch for the text either.
    assert header_labels(client, amharic)["Mark translation reviewed"] is False
    response = client.post(reverse("translations_page_reviewed", args=[amharic.pk]), follow=True)
    assert REFUSED in response.content.decode()
    assert ReviewFlag.for_instance(amharic).exists()


def test_a_reviewer_marks_the_translation_reviewed(pages, client, home):
    reviewer = editor_with(home, ["add_page", "change_page", "publish_page"])
    client.force_login(reviewer)
    amharic = pages["article"]["am"]
    ReviewFlag.flag(amharic, amharic.locale, ReviewFlag.Reason.MACHINE_ASSISTED)
    ReviewFlag.flag(amharic, amharic.locale, ReviewFlag.Reason.INCOMPLETE)
    assert header_labels(client, amharic)["Mark translation reviewed"] is True

    confirm = client.get(reverse("translations_page_reviewed", args=[amharic.pk]))
    assert "Machine-assisted: needs a fluent reviewer" in confirm.content.decode()
    response = client.post(reverse("translations_page_reviewed", args=[amharic.pk]), follow=True)

    assert not ReviewFlag.for_instance(amharic).exists()
    assert "is marked reviewed" in response.content.decode()
    entry = PageLogEntry.objects.get(page=amharic, action="translations.review_cleared")
    assert (entry.user, entry.message) == (
        reviewer,
        "Translation marked reviewed by a fluent reader",
    )
    client.logout()
    assert note_in("am") not in client.get("/am/articles/what-is-it/").content.decode()


def test_the_default_languages_page_has_no_translation_to_flag(pages, client, home):
    client.force_login(editor_with(home, ["add_page", "change_page", "publish_page"]))
    english = pages["listing"]["am"].get_translation(pages["listing"]["am"].locale.get_default())

    assert header_labels(client, english) == {
        "Flag translation for review": False,
        "Mark translation reviewed": False,
    }
    response = client.post(
        reverse("translations_flag_page", args=[english.pk]),
        {"reason": "machine_assisted"},
        follow=True,
    )
    assert "there is no translation of it to review" in response.content.decode()
    assert not ReviewFlag.objects.exists()


def test_an_unknown_reason_is_refused_and_nothing_is_flagged(pages, client, home):
    client.force_login(editor_with(home, ["add_page", "change_page"]))
    amharic = pages["listing"]["am"]
    response = client.post(
        reverse("translations_flag_page", args=[amharic.pk]), {"reason": "looks-odd"}
    )
    assert "Select a valid choice" in response.content.decode()
    assert not ReviewFlag.objects.exists()
    assert not PageLogEntry.objects.filter(action="translations.review_flagged").exists()


def test_an_editor_without_rights_on_the_page_cannot_flag_it(pages, client, home):
    client.force_login(editor_with(home, []))
    amharic = pages["listing"]["am"]
    response = client.post(
        reverse("translations_flag_page", args=[amharic.pk]),
        {"reason": "machine_assisted"},
        follow=True,
    )
    assert REFUSED in response.content.decode()
    assert not ReviewFlag.objects.exists()


def test_raising_or_clearing_a_flag_purges_the_page_from_the_http_cache(
    pages, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {
        "test": {"BACKEND": "tests.httpcache.recorder.RecordingBackend", "LOCATION": "x"}
    }
    recorder.PURGED.clear()
    amharic = pages["listing"]["am"]
    with django_capture_on_commit_callbacks(execute=True):
        flag = ReviewFlag.flag(amharic, amharic.locale, ReviewFlag.Reason.MACHINE_ASSISTED)
    assert recorder.PURGED == [amharic.get_full_url()]

    recorder.PURGED.clear()
    with django_capture_on_commit_callbacks(execute=True):
        flag.delete()
    assert recorder.PURGED == [amharic.get_full_url()]
    recorder.PURGED.clear()


@pytest.mark.parametrize(
    "path, source", [("", "home"), ("directory/", "directory"), ("articles/", "index")]
)
def test_the_home_directory_and_article_index_carry_the_note_too(
    pages, home, directory, client, path, source
):
    from wagtail.models import Locale, Page

    index = Page.objects.get(slug="articles", locale__language_code="en")
    english = {"home": home, "directory": directory, "index": index}
    amharic = english[source].get_translation(Locale.objects.get(language_code="am"))
    url = f"/am/{path}"
    assert note_in("am") not in client.get(url).content.decode()

    flag = ReviewFlag.flag(amharic, amharic.locale, ReviewFlag.Reason.MACHINE_ASSISTED)
    assert note_in("am") in client.get(url).content.decode()
    flag.delete()
    assert note_in("am") not in client.get(url).content.decode()
