"""Small helpers the tests share: publishing, translating and hiding pages as editors do."""

from wagtail.models import Locale, PageViewRestriction


def publish(page, **changes):
    """Set `changes` on the page and publish a revision, as an editor's "Publish" does."""
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(page, code, live=True, **changes):
    """The page's translation into `code` (its parent must be translated already), made with
    Wagtail's own copy-for-translation; published unless `live=False`, as a translator would."""
    locale, _created = Locale.objects.get_or_create(language_code=code)
    translation = page.specific.copy_for_translation(locale)
    for name, value in changes.items():
        setattr(translation, name, value)
    revision = translation.save_revision()
    if live:
        revision.publish()
    translation.refresh_from_db()
    return translation.specific


def restrict(page, restriction_type=PageViewRestriction.PASSWORD, password="letmein"):
    """A view restriction on `page` and everything below it, as set in the privacy dialog."""
    return PageViewRestriction.objects.create(
        page=page,
        restriction_type=restriction_type,
        password=password if restriction_type == PageViewRestriction.PASSWORD else "",
    )
