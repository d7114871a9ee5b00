"""The page editor's form: a new page left without a slug gets one from its title.

In the browser, the title field fills the slug as the editor types (Wagtail's TitleFieldPanel).
This is the server's side of the same rule, for when that did not happen: the slug sits on the
Promote tab, out of sight, and an empty one used to fail the whole form there.
"""

from django.conf import settings
from django.utils.text import slugify

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.coreutils import find_available_slug

from anyascii import anyascii

# Room for find_available_slug's "-2" suffix within the slug field's 255 characters.
SLUG_LENGTH = 240


def slug_from_title(title, parent_page, page=None):
    """A slug for `title` not used by another child of `parent_page` (`page` itself may have
    it), or "" when the title has none.

    Unicode slugs keep the title's letters (Amharic stays Amharic) when
    WAGTAIL_ALLOW_UNICODE_SLUGS is on, as it is by default; otherwise the title is spelt in
    ASCII first (anyascii, which Wagtail itself depends on) rather than dropped.
    """
    if getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True):
        base = slugify(title, allow_unicode=True)
    else:
        base = slugify(anyascii(title))
    base = base[:SLUG_LENGTH].strip("-")
    if not base:
        return ""
    if not parent_page:
        return base
    return find_available_slug(parent_page, base, ignore_page_id=page.pk if page else None)


class SlugFromTitlePageForm(WagtailAdminPageForm):
    """The slug of a page not yet published is optional: left empty, it is made from the title."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.slug_may_follow_title and "slug" in self.fields:
            self.fields["slug"].required = False

    @property
    def slug_may_follow_title(self):
        """A new page, or a draft never published (autosave may have saved it already): its
        address is nobody's yet. Once published, it changes only when an editor says so."""
        page = self.instance
        return page._state.adding or not (page.live or page.first_published_at)

    def clean(self):
        empty = "slug" in self.cleaned_data and not self.cleaned_data["slug"]
        if empty and self.slug_may_follow_title:
            title = self.cleaned_data.get("title")  # without one, the title's error says so
            slug = slug_from_title(title, self.parent_page, self.instance) if title else ""
            if slug:
                self.cleaned_data["slug"] = slug
            elif title:
                self.add_error("slug", self.fields["slug"].error_messages["required"])
        return super().clean()
