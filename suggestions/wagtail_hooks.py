"""The editors' moderation queue: suggestions and problem reports, filtered by status.

Each row opens its edit page, which shows what the public sent, read-only (it is the record of
what was received), above the two things editors change: the status and their notes.
"""

from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permissions import register_permission_policy

from portal.permissions import WithoutActionsPolicy

from .admin_views import AcceptSuggestionView
from .dashboard import OpenProblemReportsPanel, PendingSuggestionsPanel, may_moderate
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


def moderation_panels(*submitted):
    """The submission's fields, read-only, then the editor's status and notes."""
    return [
        MultiFieldPanel(
            [FieldPanel(name, read_only=True) for name in submitted],
            heading=_("What was submitted"),
        ),
        FieldPanel("status"),
        FieldPanel("editor_notes"),
    ]


SUGGESTION_FIELDS = [
    "name",
    "kind",
    "summary",
    "needs",
    "areas",
    "languages",
    "website",
    "how_to_reach",
    "contact_email",
    "language",
    "created_at",
]
REPORT_FIELDS = ["listing", "problem", "details", "contact_email", "language", "created_at"]


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
    panels = moderation_panels(*SUGGESTION_FIELDS)
    copy_view_enabled = False  # a copy of what someone sent would be a fabrication
    inspect_view_enabled = True
    inspect_view_fields = [*SUGGESTION_FIELDS, "status", "listing", "editor_notes"]
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
    # The first column is the row's title: it opens the report (before, rows had no link).
    list_display = ["problem", ListingColumn("listing", label=_("Listing")), "status", "created_at"]
    list_filter = ["status", "problem"]
    search_fields = ["details"]
    panels = moderation_panels(*REPORT_FIELDS)
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [*REPORT_FIELDS, "status", "editor_notes"]


class SuggestionsGroup(ModelViewSetGroup):
    menu_label = _("Suggestions")
    menu_icon = "mail"
    menu_order = 310
    items = (ListingSuggestionViewSet, ProblemReportViewSet)


@hooks.register("register_admin_viewset")
def register_suggestions_viewsets():
    return SuggestionsGroup()


# Submissions come from the public forms: an editor reads, moderates and deletes them, and never
# makes one up (an "added" suggestion would look like a reader's).
for submission_model in (ListingSuggestion, ProblemReport):
    register_permission_policy(submission_model, WithoutActionsPolicy(submission_model, {"add"}))


@hooks.register("construct_homepage_panels")
def add_submission_panels(request, panels):
    if may_moderate(request.user, ListingSuggestion):
        panels.append(PendingSuggestionsPanel(request))
    if may_moderate(request.user, ProblemReport):
        panels.append(OpenProblemReportsPanel(request))
