from wagtail.models import Page

from articles.models import ArticleIndexPage
from directory.factories import HotlinePageFactory
from directory.models import DirectoryIndexPage
from home.models import HomePage, HomeUrgentContact
from tests.helpers import publish


def test_home_page_only_under_the_root_and_holds_the_two_indexes():
    from suggestions.models import SuggestListingPage

    assert HomePage.allowed_parent_page_models() == [Page]
    assert set(HomePage.allowed_subpage_models()) == {
        ArticleIndexPage,
        DirectoryIndexPage,
        SuggestListingPage,
    }


def test_home_page_shows_intro_both_paths_and_urgent_hotlines(client, home, directory):
    hotline = HotlinePageFactory(
        parent=directory, title="Public health line", call_about="Health questions, any time."
    )
    publish(home, urgent_contacts=[HomeUrgentContact(hotline=hotline)])

    response = client.get(home.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert home.intro.replace("'", "&#x27;") in html
    assert f'href="{directory.url}get-help/"' in html
    assert f'href="{directory.url}give-help/"' in html
    assert "Public health line" in html
    assert "Health questions, any time." in html


def test_unpublished_hotline_is_not_shown_on_home(client, home, directory):
    hotline = HotlinePageFactory(parent=directory, title="Retired line")
    hotline.unpublish()
    publish(home, urgent_contacts=[HomeUrgentContact(hotline=hotline)])

    assert "Retired line" not in client.get(home.url).content.decode()
