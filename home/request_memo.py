"""What every part of a page asks again and again, answered once per request.

Wagtail asks the database for the reader's `Locale` each time anything calls
`Locale.get_active()` or `get_default()` (`page.localized`, the language switcher, every
queryset that filters by language): the same query 15 times on the home page, 60 on the
directory; reading `page.locale` is a query per page (every URL needs it). The visibility rule
(home/querysets.py) reads every view restriction each time it runs, and Wagtail's serve view
looks up the served page's restrictions (two queries) even on a site that has none. Locales
and restrictions change only when an administrator edits them, so within one request the
first answer stands: locales are read all at once (one query), restrictions once.

The memo lives for one request (Django's `request_started` and `request_finished` signals),
in a context variable, so threads and async tasks never share one. Outside a request
(commands, shells, background tasks) nothing is remembered and Wagtail's methods behave as
before. Saving or deleting a locale or a view restriction empties the memo at once.
"""

from contextvars import ContextVar

from django.apps import apps
from django.core.signals import request_finished, request_started
from django.db.models.fields.related_descriptors import ForwardManyToOneDescriptor
from django.db.models.signals import post_delete, post_save

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction, TranslatableMixin
from wagtail.models.i18n import LocaleManager

_memo = ContextVar("portal_request_memo", default=None)


def remember(key, compute):
    """`compute()`, computed once per request under `key` (every time outside a request)."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def locales_by_code():
    """{language code: Locale} of every locale, from the site's structure: no query once the
    shared cache holds it (home/site_structure.py)."""
    from home.site_structure import locales

    return remember("locales", lambda: {locale.language_code: locale for locale in locales()})


def locales_by_id():
    return remember("locales-by-id", lambda: {x.pk: x for x in locales_by_code().values()})


class RememberedLocaleDescriptor(ForwardManyToOneDescriptor):
    """`obj.locale` of a translatable model (every page, every snippet): from the request's
    locales rather than a query per object (a page's URL needs its locale's language)."""

    def get_object(self, instance):
        if _memo.get() is not None:
            locale = locales_by_id().get(instance.locale_id)
            if locale is not None:
                return locale
        return super().get_object(instance)


def view_restrictions():
    """Every page view restriction, with its page, from the site's structure."""
    from home.site_structure import restrictions

    return restrictions()


_wagtail_get_view_restrictions = Page.get_view_restrictions


def get_view_restrictions(page):
    """Wagtail's `Page.get_view_restrictions`, with no query when the site has none at all
    (the common case); otherwise Wagtail's own lookup (ancestors, aliases)."""
    if _memo.get() is not None and not view_restrictions():
        return PageViewRestriction.objects.none()
    return _wagtail_get_view_restrictions(page)


_wagtail_get_for_language = LocaleManager.get_for_language


def get_for_language(manager, language_code):
    """Wagtail's `LocaleManager.get_for_language`, answered from the request's locales."""
    if _memo.get() is None or manager.db != "default":
        return _wagtail_get_for_language(manager, language_code)
    code = get_supported_content_language_variant(language_code)  # LookupError, as Wagtail
    try:
        return locales_by_code()[code]
    except KeyError:
        raise Locale.DoesNotExist(f"No locale for the language {code!r}.") from None


def start(**kwargs):
    _memo.set({})


def finish(**kwargs):
    _memo.set(None)


def forget(**kwargs):
    memo = _memo.get()
    if memo:
        memo.clear()


def install():
    """Called once from `HomeConfig.ready()`."""
    # Wagtail offers no hook for these: its manager method is the one place every
    # `get_active()`/`get_default()` (Wagtail's own included) goes through, and its serve
    # view asks `get_view_restrictions()` of every page it serves.
    LocaleManager.get_for_language = get_for_language
    Page.get_view_restrictions = get_view_restrictions
    for model in apps.get_models():
        descriptor = model.__dict__.get("locale")
        if issubclass(model, TranslatableMixin) and type(descriptor) is ForwardManyToOneDescriptor:
            model.locale = RememberedLocaleDescriptor(descriptor.field)
    request_started.connect(start, dispatch_uid="home.request_memo.start")
    request_finished.connect(finish, dispatch_uid="home.request_memo.finish")
    for model in (Locale, PageViewRestriction):
        post_save.connect(forget, sender=model, dispatch_uid=f"home.request_memo.{model.__name__}")
        post_delete.connect(
            forget, sender=model, dispatch_uid=f"home.request_memo.{model.__name__}.delete"
        )
