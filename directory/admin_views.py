"""Editors' tools for keeping listings fresh: the "needs review" report and "verified today"."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import PageReportView

from .freshness import mark_verified
from .models import ListingPage
from .models.listings import VerifiedHow


class StaleListingsReportView(PageReportView):
    """Live listings readers cannot reach, first, then those nobody has confirmed for
    LISTING_STALE_AFTER_DAYS days, oldest first."""

    page_title = gettext_lazy("Listings that need review")
    header_icon = "time"
    results_template_name = "directory/admin/stale_listings_results.html"
    index_url_name = "directory_stale_listings"
    index_results_url_name = "directory_stale_listings_results"
    any_permission_required = ["add", "change", "publish"]
    list_export = [
        "title",
        "kind",
        "reachable",
        "last_verified_on",
        "last_verified_by",
        "get_last_verified_how_display",
        "last_verified_note",
        "url",
    ]
    export_headings = {
        "title": gettext_lazy("Title"),
        "kind": gettext_lazy("Kind"),
        "reachable": gettext_lazy("Has contact details"),
        "last_verified_on": gettext_lazy("Last verified on"),
        "last_verified_by": gettext_lazy("Last verified by"),
        "get_last_verified_how_display": gettext_lazy("Verified how"),
        "last_verified_note": gettext_lazy("Verification note"),
        "url": gettext_lazy("Address"),
    }

    def get_queryset(self):
        editable = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "publish"
        )
        return ListingPage.objects.to_review().filter(pk__in=editable.values("pk"))

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["stale_after_days"] = settings.LISTING_STALE_AFTER_DAYS
        return context


class VerifyForm(forms.Form):
    """How the details were confirmed (required: a date alone does not say how much to trust
    it) and an optional note for the next editor."""

    how = forms.ChoiceField(
        label=gettext_lazy("How did you confirm the details?"),
        choices=VerifiedHow.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=gettext_lazy("Note for editors (optional)"),
        max_length=ListingPage._meta.get_field("last_verified_note").max_length,
        required=False,
        help_text=gettext_lazy("E.g. 'Spoke with the intake coordinator'. Readers never see it."),
    )


class VerifyListingView(WagtailAdminTemplateMixin, FormView):
    """Mark a listing (and its translations) verified today by the current editor.

    GET shows the form (how, and a note) with the confirmation; a valid POST records it; an
    invalid one shows the form again with its errors and changes nothing.
    """

    template_name = "directory/admin/confirm_verify.html"
    form_class = VerifyForm
    page_title = gettext_lazy("Mark verified today")
    header_icon = "tick"

    def dispatch(self, request, page_id):
        self.listing = get_object_or_404(ListingPage, pk=page_id).specific
        if not self.listing.permissions_for_user(request.user).can_publish():
            raise PermissionDenied
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.listing.title

    def get_breadcrumbs_items(self):
        edit_url = reverse("wagtailadmin_pages:edit", args=[self.listing.pk])
        return self.breadcrumbs_items + [
            {"url": edit_url, "label": self.listing.get_admin_display_title()},
            {"url": "", "label": self.get_page_title(), "sublabel": self.listing.title},
        ]

    def next_url(self):
        next_url = self.request.POST.get("next") or self.request.GET.get("next", "")
        if url_has_allowed_host_and_scheme(next_url, allowed_hosts={self.request.get_host()}):
            return next_url
        return reverse("wagtailadmin_pages:edit", args=[self.listing.pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(listing=self.listing, next_url=self.next_url())
        return context

    def form_valid(self, form):
        mark_verified(
            self.listing, self.request.user, form.cleaned_data["how"], form.cleaned_data["note"]
        )
        messages.success(
            self.request,
            _("“%(title)s” marked as verified today.") % {"title": self.listing.title},
        )
        return redirect(self.next_url())
