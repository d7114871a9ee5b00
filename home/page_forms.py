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


def slug_from_title(title, parent_page):
    """A slug for `title` not used by a child of `parent_page`, or "" when the title has none.

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
    return find_available_slug(parent_page, base) if parent_page else base


class SlugFromTitlePageForm(WagtailAdminPageForm):
    """A new page's slug is optional: left empty, it is made from the title."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only when adding: an existing page's address changes only when an editor says so.
        if self.instance._state.adding and "slug" in self.fields:
            self.fields["slug"].required = False

    def clean(self):
        adding = self.instance._state.adding
        if adding and "slug" in self.cleaned_data and not self.cleaned_data["slug"]:
            title = self.cleaned_data.get("title")  # without one, the title's error says so
            slug = slug_from_title(title, self.parent_page) if title else ""
            if slug:
                self.cleaned_data["slug"] = slug
            elif title:
                self.add_error("slug", self.fields["slug"].error_messages["required"])
        return super().clean()
