import pytest

from directory.factories import (
    AreaFactory,
    ExternalFormPageFactory,
    GroupPageFactory,
    HotlinePageFactory,
    LanguageFactory,
    NeedFactory,
    OrganizationFactory,
    ResourcePageFactory,
)
from directory.models import (
    DirectoryIndexPage,
    ExternalFormPage,
    FormLink,
    GroupPage,
    HotlinePage,
    ListingPage,
    ResourcePage,
    SocialHandle,
)
from home.models import HomePage
from tests.helpers import assert_not_found, publish

LISTING_TYPES = [GroupPage, ExternalFormPage, HotlinePage, ResourcePage]


def test_directory_lives_under_home_and_holds_every_listing_type():
    assert DirectoryIndexPage.allowed_parent_page_models() == [HomePage]
    assert set(DirectoryIndexPage.allowed_subpage_models()) == set(LISTING_TYPES)


@pytest.mark.parametrize("model", LISTING_TYPES)
def test_listing_types_only_under_the_directory(model):
    assert model.allowed_parent_page_models() == [DirectoryIndexPage]
    assert model.allowed_subpage_models() == []


def test_the_abstract_listing_is_not_creatable():
    assert not ListingPage.is_creatable


@pytest.mark.parametrize(
    "factory, expected_kind",
    [
        (GroupPageFactory, "group"),
        (ExternalFormPageFactory, "form"),
        (HotlinePageFactory, "hotline"),
        (ResourcePageFactory, "fund"),
    ],
)
def test_each_listing_records_its_kind(directory, factory, expected_kind):
    listing = factory(parent=directory)
    assert ListingPage.objects.get(pk=listing.pk).kind == expected_kind


def test_resource_kind_sets_the_listing_kind(directory):
    study = ResourcePageFactory(parent=directory, resource_kind="study")
    assert study.kind == "study"
    assert study.kind_label == "Study or survey"


def test_listing_page_shows_every_field_a_reader_relies_on(client, directory, food, spanish):
    english = LanguageFactory(code="en", name="English", native_name="English")
    seattle = AreaFactory(slug="seattle", name="Seattle")
    org = OrganizationFactory(name="Seattle COVID-19 Mutual Aid")
    group = GroupPageFactory(
        parent=directory,
        title="Neighbours Pantry",
        summary="Groceries for anyone who asks.",
        description="<p>Volunteers deliver on Saturdays.</p>",
        audience="Anyone in Seattle",
        organization=org,
        email="pantry@example.org",
        mailing_list_name="Announcements list",
        how_to_join="Come to an orientation.",
        needs=[food],
        areas=[seattle],
        languages=[english, spanish],
    )
    publish(group, social_handles=[SocialHandle(platform="instagram", handle="@pantry")])

    html = client.get(group.url).content.decode()

    for text in [
        "Neighbours Pantry",
        "Groceries for anyone who asks.",
        "Volunteers deliver on Saturdays.",
        "Anyone in Seattle",
        "Seattle COVID-19 Mutual Aid",
        'href="mailto:pantry@example.org"',
        "Announcements list",
        "Instagram: @pantry",
        "Come to an orientation.",
        '<span lang="es">Español</span>',
        f'href="{directory.url}needs/food/"',
        f'href="{directory.url}areas/seattle/"',
        "Not yet checked by an editor.",
    ]:
        assert text in html, text


def test_missing_contact_details_are_said_plainly_not_invented(client, directory):
    group = GroupPageFactory(parent=directory)
    html = client.get(group.url).content.decode()
    assert "No contact details yet: we have not confirmed a phone number" in html
    assert 'href="tel:' not in html


def test_form_links_one_per_language_marked_with_its_language(client, directory, spanish):
    form = ExternalFormPageFactory(parent=directory, title="Request support")
    publish(form, form_links=[FormLink(language=spanish, url="https://forms.example.org/es")])

    html = client.get(form.url).content.decode()

    assert 'href="https://forms.example.org/es" hreflang="es" lang="es"' in html
    assert "Español" in html


def test_hotline_shows_what_to_call_about_and_a_tap_to_call_link(client, directory):
    hotline = HotlinePageFactory(
        parent=directory, call_about="Health questions.", phone="206 555 0100"
    )
    html = client.get(hotline.url).content.decode()
    assert "Health questions." in html
    assert 'href="tel:+12065550100">Call (206) 555-0100</a>' in html


def test_verified_date_is_shown(client, directory):
    import datetime

    group = GroupPageFactory(parent=directory, last_verified_on=datetime.date(2026, 3, 2))
    assert "Last checked on March 2, 2026." in client.get(group.url).content.decode()


class TestDirectoryIndex:
    @pytest.fixture
    def listings(self, directory, food, spanish):
        rides = NeedFactory(slug="transportation", name="Transportation")
        pantry = GroupPageFactory(
            parent=directory, title="Pantry", needs=[food], languages=[spanish], direction="get"
        )
        drivers = ExternalFormPageFactory(
            parent=directory, title="Drivers wanted", needs=[rides], direction="give"
        )
        hotline = HotlinePageFactory(parent=directory, title="Health line", direction="both")
        return pantry, drivers, hotline

    def titles(self, response):
        return {listing.title for listing in response.context["listings_page"]}

    def test_lists_every_live_listing(self, client, directory, listings):
        listings[2].unpublish()
        assert self.titles(client.get(directory.url)) == {"Pantry", "Drivers wanted"}

    @pytest.mark.parametrize(
        "params, expected",
        [
            ({"need": "food"}, {"Pantry"}),
            ({"language": "es"}, {"Pantry"}),
            ({"kind": "form"}, {"Drivers wanted"}),
            ({"need": "food", "kind": "form"}, set()),
            ({"need": "no-such-need"}, set()),
        ],
    )
    def test_filters(self, client, directory, listings, params, expected):
        response = client.get(directory.url, params)
        assert response.status_code == 200
        assert self.titles(response) == expected

    def test_get_help_and_give_help_paths(self, client, directory, listings):
        assert self.titles(client.get(directory.url + "get-help/")) == {"Pantry", "Health line"}
        assert self.titles(client.get(directory.url + "give-help/")) == {
            "Drivers wanted",
            "Health line",
        }

    def test_browse_by_need(self, client, directory, listings):
        response = client.get(directory.url + "needs/food/")
        assert response.status_code == 200
        assert self.titles(response) == {"Pantry"}
        assert "<h1>Food</h1>" in response.content.decode()

    def test_unknown_need_or_area_is_a_404(self, client, directory, listings):
        assert_not_found(client.get(directory.url + "needs/unicorns/"))
        assert_not_found(client.get(directory.url + "areas/atlantis/"))

    def test_empty_result_offers_a_way_forward(self, client, directory, listings):
        html = client.get(directory.url, {"need": "food", "kind": "hotline"}).content.decode()
        assert "0 listings" in html
        assert "browse by need" in html
