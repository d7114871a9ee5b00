"""Every listing links to the report form in the reader's language, else in the default one
(the link comes from the header's one query of the site's pages, home/site_pages.py)."""

from directory.factories import GroupPageFactory
from suggestions.factories import SuggestListingPageFactory
from tests.helpers import translate


def test_the_report_link_follows_the_readers_language(client, home, directory, locales):
    suggest = SuggestListingPageFactory(parent=home)
    listing = GroupPageFactory(parent=directory, title="Pantry")
    translate(home, "es")
    translate(directory, "es")
    spanish_listing = translate(listing, "es", title="Despensa")
    spanish_suggest = translate(suggest, "es")

    html = client.get(spanish_listing.url).content.decode()
    assert f'href="{spanish_suggest.url}report/{spanish_listing.pk}/"' in html

    spanish_suggest.unpublish()

    html = client.get(spanish_listing.url).content.decode()
    assert f'href="{suggest.url}report/{spanish_listing.pk}/"' in html
    assert spanish_suggest.url.startswith("/es/") and suggest.url.startswith("/en/")
