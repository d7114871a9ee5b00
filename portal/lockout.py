"""What a locked-out client sees (django-axes' AXES_LOCKOUT_CALLABLE).

Two doors are guarded by axes: the admin login and the view passwords of pages and document
collections (portal/view_passwords.py). A locked admin login gets a page in the admin's own
style; a locked view password gets a page
in the site's style. Both answer 429 Too Many Requests with Retry-After when the lock expires
by itself, and say how long it lasts, so a reader knows to wait rather than retry.
"""

from django.shortcuts import render

from axes.conf import settings as axes_settings
from axes.helpers import get_cool_off, get_failure_limit
from axes.models import AccessAttempt

from portal.view_passwords import is_view_password

STATUS = 429


def lockout_response(request, original_response=None, credentials=None):
    cool_off = get_cool_off(request)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "cool_off_minutes": int(cool_off.total_seconds() // 60) if cool_off else None,
    }
    if is_view_password(credentials):
        template = "portal/lockout.html"
    else:
        template = "portal/admin/lockout.html"
    response = render(request, template, context, status=STATUS)
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response


USERNAME_MAX_LENGTH = AccessAttempt._meta.get_field("username").max_length


def username(request, credentials=None):
    """The username axes counts a failure against (AXES_USERNAME_CALLABLE): axes' own choice,
    cut to what its table holds, since PostgreSQL refuses a longer value and a 5,000-character
    username must be a wrong password, not a server error."""
    field = axes_settings.AXES_USERNAME_FORM_FIELD
    source = credentials if credentials else getattr(request, "data", request.POST)
    value = source.get(field)
    return value[:USERNAME_MAX_LENGTH] if isinstance(value, str) else value
