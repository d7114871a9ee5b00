"""Raising and clearing a page translation's review flag from the page editor (issue 12).

The edit screen of a page in any language but the default one gets two header actions
(translations/wagtail_hooks.py): "Flag translation for review", for anyone who may edit the
page, and "Mark translation reviewed", for anyone who may publish it, since clearing the flag
tells readers a fluent person has checked the text. Both are written to the page's history.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import LogFormatter, log
from wagtail.models import Locale, Page

from .models import ReviewFlag

FLAGGED = "translations.review_flagged"
REVIEWED = "translations.review_cleared"


def raise_flag(page, user, reason, note=""):
    flag = ReviewFlag.flag(page, page.locale, reason, note)
    log(instance=page, action=FLAGGED, user=user, data={"reason": reason, "note": note})
    return flag


def clear_flags(page, user):
    """Delete every open flag on this translation; returns the reasons that were open."""
    flags = ReviewFlag.for_instance(page)
    reasons = sorted(flags.values_list("reason", flat=True))
    if reasons:
        flags.delete()
        log(instance=page, action=REVIEWED, user=user, data={"reasons": reasons})
    return reasons


def reason_label(reason):
    try:
        return ReviewFlag.Reason(reason).label
    except ValueError:  # a reason since removed from the choices
        return reason


class FlaggedFormatter(LogFormatter):
    label = gettext_lazy("Flag translation for review")

    def format_message(self, log_entry):
        return _("Translation flagged for review: %(reason)s") % {
            "reason": reason_label(log_entry.data.get("reason", ""))
        }

    def format_comment(self, log_entry):
        return log_entry.data.get("note", "")


class ReviewedFormatter(LogFormatter):
    label = gettext_lazy("Mark translation reviewed")
    message = gettext_lazy("Translation marked reviewed by a fluent reader")


class ReviewFlagForm(forms.Form):
    reason = forms.ChoiceField(
        label=gettext_lazy("Reason"),
        choices=ReviewFlag.Reason.choices,
        initial=ReviewFlag.Reason.MACHINE_ASSISTED,
    )
    note = forms.CharField(
        label=gettext_lazy("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("What the reviewer should check. Readers never see this note."),
    )


class PageTranslationMixin(WagtailAdminTemplateMixin):
    """Loads the page, refuses the default language's pages (the source: nothing to review)
    and users without `permission` on the page."""

    permission = "can_edit"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, pk=page_id).specific_deferred
        if not getattr(self.page.permissions_for_user(request.user), self.permission)():
            raise PermissionDenied
        if self.page.locale_id == Locale.get_default().pk:
            messages.error(
                request,
                _(
                    "“%(title)s” is in the default language: it is the source of the "
                    "translations, so there is no translation of it to review."
                )
                % {"title": self.page.get_admin_display_title()},
            )
            return redirect(self.edit_url())
        return super().dispatch(request, page_id)

    def edit_url(self):
        return reverse("wagtailadmin_pages:edit", args=[self.page.pk])

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            page=self.page,
            language=self.page.locale.get_display_name(),
            open_flags=ReviewFlag.for_instance(self.page),
            edit_url=self.edit_url(),
        )
        return context


class FlagTranslationView(PageTranslationMixin, FormView):
    template_name = "translations/admin/flag_translation.html"
    page_title = gettext_lazy("Flag translation for review")
    header_icon = "flag"
    form_class = ReviewFlagForm

    def form_valid(self, form):
        raise_flag(
            self.page, self.request.user, form.cleaned_data["reason"], form.cleaned_data["note"]
        )
        messages.success(
            self.request,
            _(
                "The %(language)s translation “%(title)s” is flagged for review until "
                "someone fluent marks it reviewed."
            )
            % {
                "language": self.page.locale.get_display_name(),
                "title": self.page.get_admin_display_title(),
            },
        )
        return redirect(self.edit_url())


class MarkReviewedView(PageTranslationMixin, TemplateView):
    template_name = "translations/admin/mark_reviewed.html"
    page_title = gettext_lazy("Mark translation reviewed")
    header_icon = "tick"
    permission = "can_publish"

    def post(self, request, page_id):
        if clear_flags(self.page, request.user):
            messages.success(
                request,
                _(
                    "The %(language)s translation “%(title)s” is marked reviewed: readers "
                    "no longer see the note."
                )
                % {
                    "language": self.page.locale.get_display_name(),
                    "title": self.page.get_admin_display_title(),
                },
            )
        else:
            messages.warning(
                request, _("This translation had no open review flag: nothing was changed.")
            )
        return redirect(self.edit_url())
