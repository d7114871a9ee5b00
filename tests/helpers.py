"""Small helpers the tests share: publishing, translating and hiding pages as editors do,
loading the demo, what a reader sees when a page is not there, and made-up places."""

import io
from decimal import Decimal

from django.core.management import call_command
from django.utils import translation

from wagtail.models import Locale, PageViewRestriction


def publish(page, **changes):
    """Set `changes` on the page and publish a revision, as an editor's "Publish" does."""
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(page, code, live=True, copy_parents=False, **changes):
    """The page's translation into `code`, made with Wagtail's own copy-for-translation;
    published unless `live=False`, as a translator would. Its parent must be translated
    already, unless `copy_parents=True` lets Wagtail add the missing ones as aliases."""
    locale, _created = Locale.objects.get_or_create(language_code=code)
    copy = page.specific.copy_for_translation(locale, copy_parents=copy_parents)
    for name, value in changes.items():
        setattr(copy, name, value)
    revision = copy.save_revision()
    if live:
        revision.publish()
    copy.refresh_from_db()
    return copy.specific


def restrict(page, restriction_type=PageViewRestriction.PASSWORD, password="letmein"):
    """A view restriction on `page` and everything below it, as set in the privacy dialog."""
    return PageViewRestriction.objects.create(
        page=page,
        restriction_type=restriction_type,
        password=password if restriction_type == PageViewRestriction.PASSWORD else "",
    )


def load_demo(*args):
    """Run `load_demo`, as `make run` does; return what it printed."""
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def assert_not_found(response):
    """The reader got the portal's "page not found" page, in the language it answered in."""
    assert response.status_code == 404
    with translation.override(response["Content-Language"]):
        heading = translation.gettext("We can't find that page")
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert 'role="search"' in html  # a way on


def located(latitude, longitude):
    """A listing's `locations`: one place at a made-up street address, at these coordinates
    (near a real ZIP centroid in the tests that sort by distance)."""
    from directory.models import ListingLocation

    return [
        ListingLocation(
            address_1="100 Example Street",
            latitude=Decimal(latitude),
            longitude=Decimal(longitude),
        )
    ]
