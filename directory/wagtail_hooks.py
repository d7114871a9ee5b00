"""Admin for the directory's taxonomies, grouped under one menu item."""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_views import StaleListingsReportView, VerifyListingView
from .dashboard import ListingsToReviewPanel, UnreachableListingsPanel, may_review_listings
from .models import Area, Holiday, Language, ListingPage, Need, Organization


class NeedViewSet(SnippetViewSet):
    model = Need
    icon = "tag"
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "description"]


class AreaViewSet(SnippetViewSet):
    model = Area
    icon = "site"
    list_display = ["name", "parent", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "description"]


class LanguageViewSet(SnippetViewSet):
    model = Language
    icon = "globe"
    list_display = ["name", "native_name", "code", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "native_name", "code"]


class OrganizationViewSet(SnippetViewSet):
    model = Organization
    icon = "group"
    list_display = ["name", "website", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "description"]


class HolidayViewSet(SnippetViewSet):
    model = Holiday
    icon = "date"
    list_display = ["date", "name"]
    search_fields = ["name"]


class DirectoryTaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Directory data")
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (NeedViewSet, AreaViewSet, LanguageViewSet, OrganizationViewSet, HolidayViewSet)


register_snippet(DirectoryTaxonomyGroup)


# --- Freshness: the "needs review" report and the one-click "verified today" -----------------
@hooks.register("register_admin_urls")
def register_freshness_urls():
    return [
        path(
            "reports/listings-to-review/",
            StaleListingsReportView.as_view(),
            name="directory_stale_listings",
        ),
        path(
            "reports/listings-to-review/results/",
            StaleListingsReportView.as_view(results_only=True),
            name="directory_stale_listings_results",
        ),
        path(
            "directory/listings/<int:page_id>/verify/",
            VerifyListingView.as_view(),
            name="directory_verify_listing",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_stale_listings_menu_item():
    return MenuItem(
        _("Listings to review"),
        reverse("directory_stale_listings"),
        name="listings-to-review",
        icon_name="time",
        order=50,
    )


@hooks.register("construct_homepage_panels")
def add_listing_panels(request, panels):
    if may_review_listings(request.user):
        panels.extend([ListingsToReviewPanel(request), UnreachableListingsPanel(request)])


@hooks.register("register_page_header_buttons")
def verify_listing_button(page, user, view_name, next_url=None):
    """On a listing's edit screen: one click records that someone checked it today."""
    if not isinstance(page.specific_deferred, ListingPage) or view_name != "edit":
        return
    if not page.permissions_for_user(user).can_publish():
        return
    yield Button(
        _("Mark verified today"),
        reverse("directory_verify_listing", args=[page.pk]),
        icon_name="tick",
        priority=60,
        attrs={"data-verify-listing": "true"},
    )


@hooks.register("after_publish_page")
def warn_when_unreachable(request, page):
    """Publishing a listing readers have no way to reach is allowed (the group may have none
    yet) but the editor is told, so it is a choice, not an oversight."""
    if not isinstance(page.specific_deferred, ListingPage):
        return
    if ListingPage.objects.filter(pk=page.pk).with_reachability().filter(reachable=True).exists():
        return
    messages.warning(
        request,
        _(
            "“%(title)s” is published without any way to reach it: readers see “No contact "
            "details yet” and it is listed last. Add a phone number, form link, website or "
            "e-mail address when the group confirms one."
        )
        % {"title": page.get_admin_display_title()},
    )
