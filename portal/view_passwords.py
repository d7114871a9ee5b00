"""Wagtail's view passwords (on pages, and on document collections) guarded against guessing by
django-axes.

Wagtail takes a page's password at `_util/authenticate_with_password/<restriction>/<page>/` and a
document collection's at `documents/authenticate_with_password/<restriction>/`, with no limit on
tries. These views take those URLs (same names, registered first in portal/urls.py) and hand
every request to Wagtail's own view, adding two things: each wrong password fires Django's
`user_login_failed` signal with credentials naming the restriction, so axes counts it exactly as
it counts a wrong admin password (per restriction and per client address, see
AXES_LOCKOUT_PARAMETERS); and a locked-out client is answered 429 before its password is looked
at, so even the right password is refused until the cool-off ends or an administrator unlocks it.
"""

from django.contrib.auth.signals import user_login_failed
from django.shortcuts import get_object_or_404

from wagtail import views as wagtail_views
from wagtail.documents.views import serve as document_views
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import CollectionViewRestriction, PageViewRestriction

from axes.conf import settings as axes_settings
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response

# Axes' "username" for a view password: no account can be called this (it has a colon and a
# space), and the admin's lockout list shows which restriction was attacked.
PAGE_PREFIX = "page password: "
DOCUMENTS_PREFIX = "documents password: "


def credentials_for(restriction, prefix):
    return {axes_settings.AXES_USERNAME_FORM_FIELD: f"{prefix}{restriction.pk}"}


def is_view_password(credentials):
    username = (credentials or {}).get(axes_settings.AXES_USERNAME_FORM_FIELD) or ""
    return username.startswith((PAGE_PREFIX, DOCUMENTS_PREFIX))


def guarded(request, restriction, prefix, wagtail_view):
    """Wagtail's view for this restriction's password form, behind axes' count of wrong ones."""
    if request.method != "POST":
        return wagtail_view()
    credentials = credentials_for(restriction, prefix)
    if not AxesProxyHandler.is_allowed(request, credentials):
        return get_lockout_response(request, credentials=credentials)
    form = PasswordViewRestrictionForm(request.POST, instance=restriction)
    if not form.is_valid() and form.has_error("password"):
        # Counted; at the limit axes marks the request and its middleware answers the lockout.
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
    # Wagtail's view shows the form again with its error, or lets the reader in.
    return wagtail_view()


def authenticate_with_password(request, page_view_restriction_id, page_id):
    restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
    return guarded(
        request,
        restriction,
        PAGE_PREFIX,
        lambda: wagtail_views.authenticate_with_password(
            request, page_view_restriction_id, page_id
        ),
    )


def authenticate_document_password(request, restriction_id):
    restriction = get_object_or_404(CollectionViewRestriction, id=restriction_id)
    return guarded(
        request,
        restriction,
        DOCUMENTS_PREFIX,
        lambda: document_views.authenticate_with_password(request, restriction_id),
    )
