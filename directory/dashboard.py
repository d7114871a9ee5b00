"""Dashboard panels for listings: those due for a check, and those readers cannot reach."""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Locale
from wagtail.permission_policies.pages import PagePermissionPolicy

from portal.dashboard import QueueItem, WorkQueuePanel

from .models import ListingPage


def may_review_listings(user):
    """Who sees these panels: as for the "Listings to review" report."""
    return PagePermissionPolicy().user_has_any_permission(user, ["add", "change", "publish"])


class ListingPanel(WorkQueuePanel):
    def publishable(self):
        """Listings this editor may publish (the only ones they can mark verified)."""
        policy = PagePermissionPolicy()
        editable = policy.instances_user_has_permission_for(self.request.user, "publish")
        return ListingPage.objects.filter(pk__in=editable.values("pk"))

    def all_url(self):
        return reverse("directory_stale_listings")

    def item(self, listing):
        url = reverse("wagtailadmin_pages:edit", args=[listing.pk])
        return QueueItem(listing.title, url, self.detail(listing))

    def detail(self, listing):
        return listing.kind_label


class ListingsToReviewPanel(ListingPanel):
    """The "Listings to review" report in short: unreachable first, then the oldest checks."""

    name = "listings_to_review"
    icon = "time"
    order = 160
    heading = gettext_lazy("Listings to review")
    all_label = gettext_lazy("Open the report")
    empty_message = gettext_lazy("Every listing has been checked recently.")

    def get_queryset(self):
        return self.publishable().to_review()

    def detail(self, listing):
        if not listing.reachable:
            return _("No contact details")
        if listing.last_verified_on:
            date = date_format(listing.last_verified_on, "DATE_FORMAT")
            return _("Last verified on %(date)s") % {"date": date}
        return _("Never verified")


class UnreachableListingsPanel(ListingPanel):
    """Live listings with no phone, form, website, e-mail or social account: readers see
    "No contact details yet", whatever their date."""

    name = "unreachable_listings"
    icon = "warning"
    order = 170
    heading = gettext_lazy("Listings readers cannot reach")
    all_label = gettext_lazy("Open the report")
    empty_message = gettext_lazy("Every live listing has a way to reach it.")

    def get_queryset(self):
        return (
            self.publishable()
            .live()
            .filter(locale=Locale.get_default())
            .with_reachability()
            .filter(reachable=False)
            .order_by("title")
        )
