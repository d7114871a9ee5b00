"""Editors' tools for keeping listings fresh: the "needs review" report and "verified today"."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import PageReportView

from .freshness import mark_verified
from .models import ListingPage


class StaleListingsReportView(PageReportView):
    """Live listings readers cannot reach, first, then those nobody has confirmed for
    LISTING_STALE_AFTER_DAYS days, oldest first."""

    page_title = gettext_lazy("Listings that need review")
    header_icon = "time"
    results_template_name = "directory/admin/stale_listings_results.html"
    index_url_name = "directory_stale_listings"
    index_results_url_name = "directory_stale_listings_results"
    any_permission_required = ["add", "change", "publish"]
    list_export = ["title", "kind", "reachable", "last_verified_on", "last_verified_by", "url"]
    export_headings = {
        "title": gettext_lazy("Title"),
        "kind": gettext_lazy("Kind"),
        "reachable": gettext_lazy("Has contact details"),
        "last_verified_on": gettext_lazy("Last verified on"),
        "last_verified_by": gettext_lazy("Last verified by"),
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


class VerifyListingView(WagtailAdminTemplateMixin, TemplateView):
    """Mark a listing (and its translations) verified today by the current editor.

    GET asks for confirmation (the edit screen's header button is a link); POST records it.
    """

    template_name = "directory/admin/confirm_verify.html"
    page_title = gettext_lazy("Mark verified today")
    header_icon = "tick"

    def dispatch(self, request, page_id):
        self.listing = get_object_or_404(ListingPage, pk=page_id).specific
        if not self.listing.permissions_for_user(request.user).can_publish():
            raise PermissionDenied
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.listing.title

    def next_url(self):
        next_url = self.request.POST.get("next") or self.request.GET.get("next", "")
        if url_has_allowed_host_and_scheme(next_url, allowed_hosts={self.request.get_host()}):
            return next_url
        return reverse("wagtailadmin_pages:edit", args=[self.listing.pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(listing=self.listing, next_url=self.next_url())
        return context

    def post(self, request, page_id):
        mark_verified(self.listing, request.user)
        messages.success(
            request, _("“%(title)s” marked as verified today.") % {"title": self.listing.title}
        )
        return redirect(self.next_url())
