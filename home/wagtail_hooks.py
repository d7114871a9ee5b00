"""Serving: a translation follows what editors decided for its source page.

Wagtail applies a page's own status and view restrictions. A translation lives in another
tree, so unpublishing or restricting the English page would leave `/es/...` public. Here a
page in another language is served only when its default-language source is live, and
behind the source's restrictions (the same password or login form Wagtail shows for it).
"""

from django.http import Http404, HttpResponse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.models import Locale, Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.wagtail_hooks import check_view_restrictions

from .models import SiteText
from .site_pages import site_pages


@hooks.register("before_serve_page")
def follow_source_page(page, request, serve_args, serve_kwargs):
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return None
    # Among the translations the page's header reads anyway (one query for both).
    translations = site_pages(request, page)["all_translations"]
    source = next((p for p in translations if p.locale_id == default.pk), None)
    if not translations:  # no site for this request: ask directly
        source = Page.objects.filter(translation_key=page.translation_key, locale=default).first()
    if source is None:
        return None  # written in this language first: nothing to follow
    if not source.live:
        raise Http404
    return restriction_response(source, request, serve_args, serve_kwargs)


def restriction_response(page, request, serve_args, serve_kwargs):
    """Wagtail's own answer to `page`'s unmet view restrictions (a password or login form),
    or None when the request may see it."""
    allowed = HttpResponse()
    response = check_view_restrictions(lambda *args: allowed)(
        page, request, serve_args, serve_kwargs
    )
    return None if response is allowed else response


class SiteTextViewSet(SnippetViewSet):
    """The site name and footer, under Settings: one record per language."""

    model = SiteText
    icon = "site"
    menu_label = _("Site name and footer")
    add_to_settings_menu = True
    list_display = ["site_name", "locale"]


register_snippet(SiteTextViewSet)
