"""What editors rely on when they add and keep listings: a slug from the title, a page-type
chooser that explains each type, hours typed as people say them and copied to other days, and
"Mark verified" recording how and a note.

Every contact detail here is fictional (555-01xx numbers, example.org addresses).
"""

import re
from datetime import time, timedelta
from urllib.parse import quote

from django.contrib.auth import get_user_model
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from wagtail.models import get_page_models
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from articles.models import ArticlePage
from directory.factories import GroupPageFactory
from directory.models import GroupPage
from directory.models.hours import parse_time_of_day
from directory.models.listings import VerifiedHow
from tests.helpers import publish, translate


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def add_url(model, parent):
    meta = model._meta
    return reverse("wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, parent.pk])


def group_form(title, slug="", **extra):
    """The add form as an editor leaves it who never opened the Promote tab: no slug."""
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "Groceries for neighbours.",
            "description": rich_text("<p>Details.</p>"),
            "direction": "get",
            "how_to_join": "",
            "phones": inline_formset([]),
            "social_handles": inline_formset([]),
            "opening_hours": inline_formset(extra.pop("hours", [])),
            "locations": inline_formset([]),
            "action-publish": "publish",
            **extra,
        }
    )


# --- 1. Slug from the title -------------------------------------------------------------------
def test_the_title_field_fills_the_slug_in_the_browser(editor_client, directory):
    """Wagtail's title panel wires the title to the slug (the w-sync controller); a plain
    FieldPanel("title") did not, so the hidden slug stayed empty."""
    html = editor_client.get(add_url(GroupPage, directory)).content.decode()

    title_input = re.search(r'<input[^>]*name="title"[^>]*>', html).group(0)
    assert 'data-controller="w-sync"' in title_input
    assert "#id_slug" in title_input


def test_a_listing_added_without_a_slug_gets_one_from_its_title(editor_client, directory):
    response = editor_client.post(add_url(GroupPage, directory), group_form("Rainier Pantry"))

    group = GroupPage.objects.get(title="Rainier Pantry")
    assert response.status_code == 302
    assert group.slug == "rainier-pantry"
    assert group.live
    assert group.url.endswith("/rainier-pantry/")


def test_the_slug_from_the_title_is_unique_among_the_listings(editor_client, directory):
    GroupPageFactory(parent=directory, title="Rainier Pantry", slug="rainier-pantry")

    editor_client.post(add_url(GroupPage, directory), group_form("Rainier Pantry"))

    slugs = set(GroupPage.objects.filter(title="Rainier Pantry").values_list("slug", flat=True))
    assert slugs == {"rainier-pantry", "rainier-pantry-1"}


def test_a_slug_the_editor_typed_is_kept(editor_client, directory):
    editor_client.post(add_url(GroupPage, directory), group_form("Rainier Pantry", slug="rvp"))

    assert GroupPage.objects.get(title="Rainier Pantry").slug == "rvp"


def test_an_amharic_title_keeps_its_letters_in_the_slug(editor_client, directory):
    editor_client.post(add_url(GroupPage, directory), group_form("የጎረቤት እርዳታ"))

    assert GroupPage.objects.get(title="የጎረቤት እርዳታ").slug == "የጎረቤት-እርዳታ"


@override_settings(WAGTAIL_ALLOW_UNICODE_SLUGS=False)
def test_without_unicode_slugs_an_amharic_title_is_spelt_in_ascii(editor_client, directory):
    editor_client.post(add_url(GroupPage, directory), group_form("የጎረቤት እርዳታ"))

    slug = GroupPage.objects.get(title="የጎረቤት እርዳታ").slug
    assert slug.isascii() and slug == "yegorebet-rdata"


def test_a_title_with_nothing_to_slugify_asks_for_a_slug_and_saves_nothing(
    editor_client, directory
):
    response = editor_client.post(add_url(GroupPage, directory), group_form("!!!"))

    assert response.status_code == 200
    assert response.context["form"].errors["slug"] == ["This field is required."]
    assert not GroupPage.objects.filter(title="!!!").exists()


def test_an_existing_listing_keeps_its_address_when_the_slug_is_emptied(editor_client, directory):
    group = GroupPageFactory(parent=directory, title="Rainier Pantry", slug="rainier-pantry")
    url = reverse("wagtailadmin_pages:edit", args=[group.pk])

    response = editor_client.post(url, group_form("Rainier Valley Pantry"))

    assert response.context["form"].errors["slug"] == ["This field is required."]
    group.refresh_from_db()
    assert (group.title, group.slug) == ("Rainier Pantry", "rainier-pantry")


def test_a_draft_never_published_gets_its_slug_from_its_title(editor_client, directory):
    """Wagtail autosaves a new page as a draft while the editor types: the slug may still be
    empty when the editor then saves the draft."""
    draft = GroupPageFactory(parent=directory, title="Draft", slug="draft", live=False)
    url = reverse("wagtailadmin_pages:edit", args=[draft.pk])

    editor_client.post(url, group_form("Rainier Pantry"))

    draft.refresh_from_db()
    assert (draft.title, draft.slug, draft.live) == ("Rainier Pantry", "rainier-pantry", True)


def test_an_article_added_without_a_slug_gets_one_from_its_title(editor_client, articles_index):
    data = nested_form_data(
        {
            "title": "Start a pantry",
            "slug": "",
            "kind": "how_to",
            "summary": "How to start.",
            "date": "2026-11-26",
            "body": streamfield([("paragraph", rich_text("<p>Start small.</p>"))]),
            "related_listings": inline_formset([]),
            "action-publish": "publish",
        }
    )

    editor_client.post(add_url(ArticlePage, articles_index), data)

    assert ArticlePage.objects.get(title="Start a pantry").slug == "start-a-pantry"


# --- 2. The page-type chooser explains each type ---------------------------------------------
def test_every_creatable_page_type_says_what_it_is_for():
    creatable = [model for model in get_page_models() if model.is_creatable]

    assert creatable
    for model in creatable:
        assert model.get_page_description(), model


def test_the_page_type_chooser_shows_each_types_description(editor_client, directory):
    url = reverse("wagtailadmin_pages:add_subpage", args=[directory.pk])
    html = editor_client.get(url).content.decode()

    offered = directory.specific_class.allowed_subpage_models()
    assert {model.__name__ for model in offered} >= {"GroupPage", "HotlinePage"}
    for model in offered:
        assert escape(str(model.get_page_description())) in html


# --- 3. Hours typed as people say them, copied to other days ---------------------------------
@pytest.mark.parametrize(
    "typed, meant",
    [
        ("5pm", time(17)),
        ("5 pm", time(17)),
        ("5 P.M.", time(17)),
        ("5:30pm", time(17, 30)),
        ("5.30 pm", time(17, 30)),
        ("9am", time(9)),
        ("12am", time(0)),
        ("12pm", time(12)),
        ("noon", time(12)),
        ("Midnight", time(0)),
        ("17:00", time(17)),
        ("1700", time(17)),
        ("9:05", time(9, 5)),
        ("9", time(9)),
    ],
)
def test_times_are_read_as_people_write_them(typed, meant):
    assert parse_time_of_day(typed) == meant


@pytest.mark.parametrize("typed", ["13pm", "0am", "25:00", "9:75", "soon", "5 o'clock", "9:5"])
def test_nonsense_is_not_a_time(typed):
    assert parse_time_of_day(typed) is None


def hours_row(weekday, opens, closes):
    return {"weekday": weekday, "opens": opens, "closes": closes}


def test_hours_typed_as_5pm_are_saved_and_shown_as_17_00(editor_client, directory):
    form = group_form("Rainier Pantry", hours=[hours_row(0, "9am", "5:30 pm")])

    editor_client.post(add_url(GroupPage, directory), form)

    group = GroupPage.objects.get(title="Rainier Pantry")
    assert [str(hours) for hours in group.opening_hours.all()] == ["Monday 09:00-17:30"]
    edit = editor_client.get(reverse("wagtailadmin_pages:edit", args=[group.pk])).content
    assert 'value="17:30"' in edit.decode()


def test_a_time_that_means_nothing_is_refused_with_a_clear_message(editor_client, directory):
    form = group_form("Rainier Pantry", hours=[hours_row(0, "soonish", "5pm")])

    response = editor_client.post(add_url(GroupPage, directory), form)

    assert "Enter a time such as 9am, 5:30pm, noon or 17:00." in response.content.decode()
    assert not GroupPage.objects.filter(title="Rainier Pantry").exists()


def test_hours_are_copied_to_the_days_ticked(editor_client, directory):
    form = group_form("Rainier Pantry", hours=[hours_row(0, "9am", "5pm")])
    form["opening_hours-0-copy_to"] = ["1", "2", "4"]

    editor_client.post(add_url(GroupPage, directory), form)

    group = GroupPage.objects.get(title="Rainier Pantry")
    rows = sorted(str(hours) for hours in group.opening_hours.all())
    assert rows == [
        "Friday 09:00-17:00",
        "Monday 09:00-17:00",
        "Tuesday 09:00-17:00",
        "Wednesday 09:00-17:00",
    ]
    page = editor_client.get(group.url).content.decode()
    assert page.count('<time datetime="09:00">') == 4  # readers see every day copied to


def test_copying_to_a_day_that_has_those_hours_adds_nothing(editor_client, directory):
    form = group_form(
        "Rainier Pantry", hours=[hours_row(0, "9am", "5pm"), hours_row(1, "09:00", "17:00")]
    )
    form["opening_hours-0-copy_to"] = ["0", "1"]

    editor_client.post(add_url(GroupPage, directory), form)

    rows = GroupPage.objects.get(title="Rainier Pantry").opening_hours.all()
    assert sorted(str(hours) for hours in rows) == ["Monday 09:00-17:00", "Tuesday 09:00-17:00"]


def test_the_hours_form_offers_the_days_to_copy_to(editor_client, directory):
    html = editor_client.get(add_url(GroupPage, directory)).content.decode()

    assert "Same hours on" in html
    assert 'name="opening_hours-__prefix__-copy_to"' in html


# --- 4. "Mark verified" records how, and a note ------------------------------------------------
@pytest.fixture
def checked_group(directory):
    return GroupPageFactory(
        parent=directory, title="Rainier Pantry", website="https://pantry.example.org/"
    )


def verify_url(page):
    return reverse("directory_verify_listing", args=[page.pk])


def test_mark_verified_asks_how_and_for_a_note_before_confirming(editor_client, checked_group):
    html = editor_client.get(verify_url(checked_group)).content.decode()

    assert "How did you confirm the details?" in html
    for value, label in VerifiedHow.choices:
        assert f'value="{value}"' in html and escape(str(label)) in html
    assert 'name="note"' in html
    assert "Yes, verified today" in html
    checked_group.refresh_from_db()
    assert checked_group.last_verified_on is None  # asking changes nothing


def test_mark_verified_without_saying_how_is_refused_and_changes_nothing(
    editor_client, checked_group
):
    response = editor_client.post(verify_url(checked_group), {"note": "Spoke with someone."})

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    checked_group.refresh_from_db()
    assert (checked_group.last_verified_on, checked_group.last_verified_note) == (None, "")
    assert not checked_group.revisions.exists()


def test_mark_verified_records_how_and_the_note_on_every_translation(
    editor_client, editor, checked_group, locales
):
    spanish = translate(checked_group, "es", copy_parents=True)
    note = "Spoke with the intake coordinator at 555-0142."

    response = editor_client.post(
        verify_url(checked_group), {"how": VerifiedHow.PHONE, "note": note}, follow=True
    )

    assert "“Rainier Pantry” marked as verified today." in response.content.decode()
    for page in (checked_group, spanish):
        page.refresh_from_db()
        assert page.last_verified_on == timezone.localdate()
        assert page.last_verified_by == editor
        assert (page.last_verified_how, page.last_verified_note) == ("phone", note)
        assert not page.has_unpublished_changes


def test_how_and_the_note_show_in_the_report_and_the_page_editor(editor_client, checked_group):
    publish(checked_group, last_verified_on=timezone.localdate() - timedelta(days=400))
    editor_client.post(
        verify_url(checked_group), {"how": VerifiedHow.VISIT, "note": "Saw the shelves."}
    )
    stale = GroupPageFactory(
        parent=checked_group.get_parent(),
        title="Old Kitchen",
        website="https://kitchen.example.org/",
        last_verified_on=timezone.localdate() - timedelta(days=400),
        last_verified_how=VerifiedHow.GROUP,
        last_verified_note="The group wrote to us.",
    )

    report = editor_client.get(reverse("directory_stale_listings")).content.decode()
    editor = editor_client.get(reverse("wagtailadmin_pages:edit", args=[checked_group.pk]))
    export = editor_client.get(reverse("directory_stale_listings") + "?export=csv")

    assert "Old Kitchen" in report
    edit_link = reverse("wagtailadmin_pages:edit", args=[checked_group.pk])
    assert f'href="{edit_link}"' not in report  # verified today
    assert "The group itself told us" in report and "The group wrote to us." in report
    link = f"{verify_url(stale)}?next={quote(reverse('directory_stale_listings'), safe='')}"
    assert f'href="{escape(link)}"' in report  # the form first, then back to the report
    form = editor.context["form"]
    assert (form["last_verified_how"].value(), form["last_verified_note"].value()) == (
        "visit",
        "Saw the shelves.",
    )
    csv = b"".join(export.streaming_content).decode()
    assert "Verified how" in csv and "The group itself told us" in csv
