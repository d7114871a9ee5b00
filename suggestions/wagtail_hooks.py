"""The editors' moderation queue: suggestions and problem reports, filtered by status."""

from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from .admin_views import AcceptSuggestionView
from .models import ListingSuggestion, ProblemReport


class AcceptColumn(Column):
    """ "Accept" for new suggestions; a link to the draft once accepted."""

    def get_value(self, instance):
        if instance.listing_id:
            url = reverse("wagtailadmin_pages:edit", args=[instance.listing_id])
            return format_html('<a href="{}">{}</a>', url, _("Open the draft listing"))
        url = reverse("suggestions_listingsuggestion:accept", args=[instance.pk])
        return format_html('<a class="button button-small" href="{}">{}</a>', url, _("Accept"))


class ListingColumn(Column):
    """The listing a problem report is about, linked to its editor."""

    def get_value(self, instance):
        url = reverse("wagtailadmin_pages:edit", args=[instance.listing_id])
        return format_html('<a href="{}">{}</a>', url, instance.listing.title)


class ListingSuggestionViewSet(ModelViewSet):
    model = ListingSuggestion
    icon = "plus-inverse"
    url_prefix = "suggestions/listings"
    url_namespace = "suggestions_listingsuggestion"
    list_display = [
        "name",
        "kind",
        "status",
        "created_at",
        AcceptColumn("accept", label=_("Action")),
    ]
    list_filter = ["status", "kind"]
    search_fields = ["name", "summary"]
    form_fields = ["status", "editor_notes"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "name",
        "kind",
        "summary",
        "needs",
        "areas",
        "website",
        "how_to_reach",
        "contact_email",
        "language",
        "status",
        "listing",
        "created_at",
    ]
    add_to_admin_menu = False

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("accept/<int:pk>/", AcceptSuggestionView.as_view(), name="accept"),
        ]


class ProblemReportViewSet(ModelViewSet):
    model = ProblemReport
    icon = "warning"
    url_prefix = "suggestions/problems"
    url_namespace = "suggestions_problemreport"
    list_display = [ListingColumn("listing", label=_("Listing")), "problem", "status", "created_at"]
    list_filter = ["status", "problem"]
    search_fields = ["details"]
    form_fields = ["status", "editor_notes"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "listing",
        "problem",
        "details",
        "contact_email",
        "language",
        "status",
        "created_at",
    ]


class SuggestionsGroup(ModelViewSetGroup):
    menu_label = _("Suggestions")
    menu_icon = "mail"
    menu_order = 310
    items = (ListingSuggestionViewSet, ProblemReportViewSet)


@hooks.register("register_admin_viewset")
def register_suggestions_viewsets():
    return SuggestionsGroup()
