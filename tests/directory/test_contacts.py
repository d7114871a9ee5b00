"""How readers reach a listing: validated phones, the primary action first, and listings
nobody can reach yet said so, sorted last, reported first and flagged on publish.

Every number is a fictional 555-01xx one and every address is at example.org.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

import pytest

from directory.factories import (
    ExternalFormPageFactory,
    GroupPageFactory,
    HotlinePageFactory,
    LanguageFactory,
)
from directory.models import FormLink, GroupPage, ListingPage, ListingPhone, PhoneType
from tests.helpers import publish, translate


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def vietnamese(db):
    return LanguageFactory(code="vi", name="Vietnamese", native_name="Tiếng Việt")


def add_group(client, directory, title, phones=(), publish=True, phone_languages=(), **fields):
    """Add (and publish) a group through the editor's form, as an editor would."""
    data = {
        "title": title,
        "slug": title.lower().replace(" ", "-"),
        "summary": "Groceries for neighbours.",
        "description": rich_text("<p>Details.</p>"),
        "direction": "get",
        "phones": inline_formset(list(phones)),
        "social_handles": inline_formset([]),
        "opening_hours": inline_formset([]),
        "locations": inline_formset([]),
        **fields,
    }
    if publish:
        data["action-publish"] = "publish"
    url = reverse("wagtailadmin_pages:add", args=["directory", "grouppage", directory.pk])
    data = nested_form_data(data)
    if phone_languages:  # a multiple choice: the key repeated, which nested_form_data cannot say
        data["phones-0-languages"] = [language.pk for language in phone_languages]
    return client.post(url, data, follow=True)


# --- Phones: validated, normalised, synchronized ------------------------------------------
@pytest.mark.parametrize("bad", ["555-0100", "12", "206 555 01000", "call us"])
def test_a_bad_number_is_refused_with_a_clear_message_and_nothing_saved(
    editor_client, directory, bad
):
    response = add_group(
        editor_client, directory, "Pantry", [{"number": bad, "phone_type": "voice"}]
    )

    html = response.content.decode()
    assert "Enter a valid phone number (e.g. (201) 555-0123)" in html
    assert not GroupPage.objects.filter(title="Pantry").exists()
    assert not ListingPhone.objects.exists()


def test_a_number_as_written_is_stored_in_e164_and_offered_as_tap_to_call(
    editor_client, directory, spanish
):
    response = add_group(
        editor_client,
        directory,
        "Pantry",
        [
            {
                "number": "(206) 555-0100",
                "phone_type": "voice",
                "label": "Intake",
            }
        ],
        phone_languages=[spanish],
    )
    assert response.status_code == 200
    (phone,) = GroupPage.objects.get(title="Pantry").phones.all()
    assert (phone.number.as_e164, phone.label) == ("+12065550100", "Intake")
    assert list(phone.languages.all()) == [spanish]

    html = response.client.get(GroupPage.objects.get(title="Pantry").url).content.decode()
    assert (
        '<a class="button primary-action__button" href="tel:+12065550100">Call (206) 555-0100</a>'
        in html
    )
    assert '<a href="tel:+12065550100">(206) 555-0100</a>' in html  # in "How to reach them"
    assert '<span lang="es">Español</span>' in html  # answered in Spanish


def test_numbers_are_synchronized_and_labels_translated(directory, spanish):
    group = GroupPageFactory(
        parent=directory,
        title="Pantry",
        phones=[ListingPhone(number="206 555 0100", label="Intake line", languages=[spanish])],
    )
    publish(group)
    source, _created = TranslationSource.get_or_create_from_instance(group)
    label = StringSegment.objects.get(source=source, string__data="Intake line")
    es_locale = translate(directory.get_parent(), "es", copy_parents=True).locale
    StringTranslation.objects.create(
        translation_of=label.string, locale=es_locale, context=label.context, data="Admisión"
    )
    source.create_or_update_translation(es_locale, copy_parent_pages=True, fallback=True)
    # The editor changes the number in English; a sync brings it to the translation.
    publish(
        group,
        phones=[
            ListingPhone(
                translation_key=group.phones.get().translation_key,
                number="206 555 0199",
                label="Intake line",
                languages=[spanish],
            )
        ],
    )
    source.update_from_db()
    spanish_group = source.create_or_update_translation(es_locale, fallback=True)[0]

    (phone,) = spanish_group.phones.all()
    assert (phone.number.as_e164, phone.label) == ("+12065550199", "Admisión")
    assert list(phone.languages.all()) == [spanish]
    assert phone.locale == es_locale


# --- The primary action ---------------------------------------------------------------------
def test_a_form_opens_in_the_readers_language_else_another_named_as_such(
    directory, spanish, vietnamese
):
    english = LanguageFactory(code="en", name="English", native_name="English")
    form = ExternalFormPageFactory(
        parent=directory,
        form_links=[
            FormLink(language=english, url="https://forms.example.org/en"),
            FormLink(language=vietnamese, url="https://forms.example.org/vi"),
        ],
        phone="206 555 0100",
    )
    listing = ListingPage.objects.get(pk=form.pk)

    vi = listing.primary_action("vi")
    assert (vi.kind, vi.url, vi.language_name) == ("form", "https://forms.example.org/vi", "")
    # An Amharic reader: no Amharic form, so the phone first, then the form in English.
    am = listing.primary_action("am")
    assert (am.kind, am.url) == ("call", "tel:+12065550100")
    form.phones.all().delete()
    listing = ListingPage.objects.get(pk=form.pk)
    am = listing.primary_action("am")
    assert (am.kind, am.url, am.text, am.language_name) == (
        "form",
        "https://forms.example.org/en",
        "English",
        "English",
    )


def test_a_phone_answered_in_the_readers_language_comes_first(directory, spanish, vietnamese):
    group = GroupPageFactory(
        parent=directory,
        phones=[
            ListingPhone(number="206 555 0101", phone_type=PhoneType.FAX),
            ListingPhone(number="206 555 0102", languages=[spanish]),
            ListingPhone(number="206 555 0103", languages=[vietnamese]),
        ],
    )
    assert group.primary_action("vi").url == "tel:+12065550103"
    assert group.primary_action("es").url == "tel:+12065550102"
    assert group.primary_action("am").url == "tel:+12065550102"  # the first callable one


def test_without_a_phone_the_website_then_email(directory):
    both = GroupPageFactory(
        parent=directory, website="https://pantry.example.org/", email="hi@example.org"
    )
    email_only = GroupPageFactory(parent=directory, email="hi@example.org")
    assert (both.primary_action("en").kind, both.primary_action("en").url) == (
        "website",
        "https://pantry.example.org/",
    )
    assert email_only.primary_action("en").url == "mailto:hi@example.org"


def test_cards_offer_the_action_first_in_the_readers_language(client, directory, spanish):
    english = LanguageFactory(code="en", name="English", native_name="English")
    ExternalFormPageFactory(
        parent=directory,
        title="Request support",
        form_links=[
            FormLink(language=english, url="https://forms.example.org/en"),
            FormLink(language=spanish, url="https://forms.example.org/es"),
        ],
    )
    GroupPageFactory(parent=directory, title="Pantry", phone="206-555-0100")
    translate(directory, "es", copy_parents=True)

    english_html = client.get("/en/directory/").content.decode()
    spanish_html = client.get("/es/directory/").content.decode()

    assert 'href="tel:+12065550100">Call (206) 555-0100</a>' in english_html
    assert 'href="https://forms.example.org/en" hreflang="en"' in english_html
    assert 'href="https://forms.example.org/es" hreflang="es"' in spanish_html
    assert "https://forms.example.org/en" not in spanish_html


def test_the_hotline_list_offers_each_hotlines_number(client, directory):
    HotlinePageFactory(parent=directory, title="Nurse line", phone="206 555 0111")
    group = GroupPageFactory(parent=directory, title="Pantry")
    html = client.get(group.url).content.decode()
    assert 'href="tel:+12065550111">Call (206) 555-0111</a>' in html


# --- Listings nobody can reach yet ------------------------------------------------------------
def test_an_unreachable_listing_says_so_plainly_and_sorts_last(client, directory):
    GroupPageFactory(parent=directory, title="Alder group")  # nothing known
    GroupPageFactory(parent=directory, title="Zinnia group", website="https://zinnia.example.org/")

    html = client.get(directory.url).content.decode()

    assert html.index("Zinnia group") < html.index("Alder group")
    card = html[html.index("Alder group") :]
    assert '<p class="unreachable">No contact details yet</p>' in card[: card.index("</li>")]
    listing = client.get(GroupPage.objects.get(title="Alder group").url).content.decode()
    assert "No contact details yet: we have not confirmed a phone number, form" in listing
    assert "We have not confirmed" not in listing


def test_a_social_account_alone_is_a_way_to_reach_a_fax_alone_is_not(directory):
    from directory.models import SocialHandle

    social = GroupPageFactory(
        parent=directory,
        social_handles=[
            SocialHandle(platform="facebook", handle="pantry", url="https://example.org/pantry")
        ],
    )
    fax = GroupPageFactory(
        parent=directory, phones=[ListingPhone(number="206 555 0120", phone_type=PhoneType.FAX)]
    )
    reachable = dict(
        ListingPage.objects.filter(pk__in=[social.pk, fax.pk])
        .with_reachability()
        .values_list("pk", "reachable")
    )
    assert reachable == {social.pk: True, fax.pk: False}  # nobody can call a fax
    action = ListingPage.objects.get(pk=social.pk).primary_action("en")
    assert (action.kind, action.url, action.text) == (
        "link",
        "https://example.org/pantry",
        "Facebook: pantry",
    )
    assert ListingPage.objects.get(pk=fax.pk).primary_action("en") is None


def test_the_review_report_lists_unreachable_listings_first(editor_client, directory, settings):
    settings.LISTING_STALE_AFTER_DAYS = 30
    today = timezone.localdate()
    GroupPageFactory(
        parent=directory,
        title="Stale but reachable",
        website="https://example.org/",
        last_verified_on=today - timedelta(days=90),
    )
    GroupPageFactory(
        parent=directory,
        title="Checked yesterday, no contact",
        last_verified_on=today - timedelta(days=1),
    )
    GroupPageFactory(
        parent=directory, title="Fresh and reachable", email="a@example.org", last_verified_on=today
    )

    html = editor_client.get(reverse("directory_stale_listings")).content.decode()

    assert html.index("Checked yesterday, no contact") < html.index("Stale but reachable")
    assert "No contact details" in html
    assert "Fresh and reachable" not in html


def test_publishing_an_unreachable_listing_warns_but_publishes(editor_client, directory):
    response = add_group(editor_client, directory, "Quiet group")

    html = response.content.decode()
    assert "is published without any way to reach it" in html
    assert GroupPage.objects.get(title="Quiet group").live


def test_publishing_a_reachable_listing_does_not_warn(editor_client, directory):
    response = add_group(
        editor_client, directory, "Loud group", [{"number": "206 555 0130", "phone_type": "voice"}]
    )
    assert GroupPage.objects.get(title="Loud group").live
    assert "without any way to reach it" not in response.content.decode()


def test_search_results_offer_the_action_first_or_say_none_is_known(client, locales, directory):
    GroupPageFactory(
        parent=directory, title="Rainier pantry", summary="Groceries.", phone="206 555 0140"
    )
    GroupPageFactory(parent=directory, title="Quiet pantry", summary="Groceries.")

    html = client.get("/en/search/", {"q": "pantry"}).content.decode()

    assert 'href="tel:+12065550140">Call (206) 555-0140</a>' in html
    quiet = html[html.index("Quiet pantry") :]
    assert '<p class="unreachable">No contact details yet</p>' in quiet[: quiet.index("</li>")]


def test_text_kept_from_before_validation_is_shown_never_dialled(client, directory):
    # What the data migration keeps when an old `phone` was no number: the editor's words.
    group = GroupPageFactory(parent=directory, phones=[ListingPhone(number="call the office")])

    html = client.get(group.url).content.decode()

    assert "call the office" in html
    assert 'href="tel:' not in html
    assert group.primary_action("en") is None
