"""Dashboard panels for what the public sent: new suggestions and open problem reports.

They name the listing or resource only: never who sent it or their e-mail address.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy

from wagtail.permissions import policy_registry

from portal.dashboard import QueueItem, WorkQueuePanel

from .models import ListingSuggestion, ProblemReport, Status


def may_moderate(user, model):
    return policy_registry.get_by_type(model).user_has_permission(user, "change")


class SubmissionPanel(WorkQueuePanel):
    model = None
    url_namespace = ""

    def get_queryset(self):
        return self.model.objects.filter(status=Status.NEW).order_by("created_at")

    def all_url(self):
        return reverse(f"{self.url_namespace}:index") + f"?status={Status.NEW}"

    def item(self, submission):
        url = reverse(f"{self.url_namespace}:edit", args=[submission.pk])
        received = date_format(timezone.localtime(submission.created_at), "DATE_FORMAT")
        return QueueItem(self.title(submission), url, received)

    def title(self, submission):
        return str(submission)


class PendingSuggestionsPanel(SubmissionPanel):
    """New suggestions, oldest first: the longest waiting get an answer first."""

    name = "pending_suggestions"
    icon = "plus-inverse"
    order = 140
    model = ListingSuggestion
    url_namespace = "suggestions_listingsuggestion"
    heading = gettext_lazy("Suggested listings")
    all_label = gettext_lazy("See all new suggestions")
    empty_message = gettext_lazy("No new suggestions.")

    def title(self, suggestion):
        return f"{suggestion.name} ({suggestion.get_kind_display()})"


class OpenProblemReportsPanel(SubmissionPanel):
    """New reports that a listing is wrong, oldest first."""

    name = "open_problem_reports"
    icon = "warning"
    order = 150
    model = ProblemReport
    url_namespace = "suggestions_problemreport"
    heading = gettext_lazy("Problem reports")
    all_label = gettext_lazy("See all new reports")
    empty_message = gettext_lazy("No new problem reports.")

    def get_queryset(self):
        return super().get_queryset().select_related("listing")
