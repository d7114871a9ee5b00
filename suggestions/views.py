"""Shared handling of the public forms: honeypot, rate limit, save, thank-you."""

from django.shortcuts import redirect
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from . import ratelimit
from .models import RETENTION_DAYS


def handle_form(page, request, form_class, template, listing=None):
    form = form_class(request.POST or None, listing=listing)
    status = 200
    if request.method == "POST":
        if form.is_spam():
            # Look like success to the bot; store nothing.
            return redirect(page.url + page.reverse_subpage("thanks"))
        if ratelimit.is_limited(request):
            form.add_error(
                None,
                _(
                    "You have sent several messages in a short time. Please wait an hour "
                    "and try again."
                ),
            )
            status = 429
        elif form.is_valid():
            form.instance.language = get_language() or ""
            form.save()
            ratelimit.record(request)
            return redirect(page.url + page.reverse_subpage("thanks"))
        else:
            status = 400
    context = {"form": form, "listing": listing, "retention_days": RETENTION_DAYS}
    response = page.render(request, template=template, context_overrides=context)
    response.status_code = status
    return response
