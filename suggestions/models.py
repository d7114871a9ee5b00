"""What the public sends editors: new listings to add and problems with existing ones.

We store only what an editor needs to act: facts about a group or listing (public anyway) and,
optionally, an e-mail address so an editor can ask a question. Nothing here is shown publicly,
nothing is about people who ask for help, and everything is deleted after RETENTION_DAYS by
`manage.py purge_suggestions`.
"""

from django.conf import settings
from django.db import models, transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail_localize.fields import TranslatableField

from directory.models.listings import ListingKind, in_default_locale
from home.mixins import IntroPageMixin
from home.querysets import PortalPageManager

from . import ids  # noqa: F401  (registers the <page_id:> URL converter)
from .ratelimit import allow_post

# Shown when a client has sent too many posts this hour.
RATE_LIMITED_MESSAGE = _(
    "You have sent several messages in a short time. Please wait an hour and try again."
)
# How long submissions are kept, stated on the forms and enforced by purge_suggestions.
RETENTION_DAYS = getattr(settings, "SUGGESTIONS_RETENTION_DAYS", 180)


class Status(models.TextChoices):
    NEW = "new", _("New")
    ACCEPTED = "accepted", _("Accepted")
    RESOLVED = "resolved", _("Resolved")
    DECLINED = "declined", _("Declined")


class Submission(models.Model):
    contact_email = models.EmailField(
        _("your e-mail (optional)"),
        blank=True,
        help_text=_("Only if you are happy for an editor to write to you with a question."),
    )
    language = models.CharField(
        _("language"), max_length=10, editable=False, help_text=_("The form's language.")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.NEW)
    editor_notes = models.TextField(_("editor's notes"), blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["-created_at"]


class ListingSuggestion(Submission):
    """Someone knows a group, form, hotline or fund that the directory lacks."""

    name = models.CharField(_("name of the group or resource"), max_length=200)
    kind = models.CharField(_("what it is"), max_length=20, choices=ListingKind.choices)
    summary = models.TextField(
        _("what it offers"), max_length=1000, help_text=_("Who it helps and how, in a sentence.")
    )
    needs = models.ManyToManyField(
        "directory.Need",
        verbose_name=_("needs it serves"),
        blank=True,
        related_name="+",
        limit_choices_to=in_default_locale,
    )
    areas = models.ManyToManyField(
        "directory.Area",
        verbose_name=_("areas it serves"),
        blank=True,
        related_name="+",
        limit_choices_to=in_default_locale,
    )
    languages = models.ManyToManyField(
        "directory.Language",
        verbose_name=_("languages it is offered in"),
        blank=True,
        related_name="+",
        limit_choices_to=in_default_locale,
    )
    website = models.URLField(_("its website or social media page"), blank=True)
    how_to_reach = models.TextField(
        _("how to reach it"),
        max_length=1000,
        blank=True,
        help_text=_("The group's public phone, e-mail or meeting place, if you know them."),
    )
    listing = models.ForeignKey(
        "directory.ListingPage",
        verbose_name=_("draft listing"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        help_text=_("The draft created when an editor accepted this suggestion."),
    )

    class Meta(Submission.Meta):
        verbose_name = _("listing suggestion")
        verbose_name_plural = _("listing suggestions")

    def __str__(self):
        return self.name


class ProblemReport(Submission):
    """Something is wrong with a listing: it closed, moved, or its details changed."""

    class Problem(models.TextChoices):
        CLOSED = "closed", _("It has closed or stopped")
        CONTACT = "contact", _("The contact details are wrong")
        HOURS = "hours", _("The hours are wrong")
        DETAILS = "details", _("Something else in the description is wrong")
        OTHER = "other", _("Other")

    listing = models.ForeignKey(
        "directory.ListingPage",
        verbose_name=_("listing"),
        on_delete=models.CASCADE,
        related_name="problem_reports",
    )
    problem = models.CharField(_("what is wrong"), max_length=10, choices=Problem.choices)
    details = models.TextField(
        _("details"),
        max_length=2000,
        help_text=_("What should it say instead? How do you know?"),
    )

    class Meta(Submission.Meta):
        verbose_name = _("problem report")
        verbose_name_plural = _("problem reports")

    def __str__(self):
        return f"{self.listing.title}: {self.get_problem_display()}"


class SuggestListingPage(RoutablePageMixin, IntroPageMixin, Page):
    """The public forms: suggest a listing (the page itself) and report a problem (a route)."""

    objects = PortalPageManager()
    page_description = _("The public forms to suggest a listing and to report a problem.")

    thank_you = models.TextField(
        _("thank-you message"),
        blank=True,
        help_text=_("Shown after someone sends a suggestion or a report."),
    )

    content_panels = IntroPageMixin.content_panels + [FieldPanel("thank_you")]
    translatable_fields = IntroPageMixin.translatable_fields + [TranslatableField("thank_you")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("suggest-a-listing page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["retention_days"] = RETENTION_DAYS
        return context

    # --- Routes ---------------------------------------------------------------------------
    # The forms are ModelForms of the submissions above, so forms.py imports this module and
    # the routes import forms.py when they run.
    @path("", name="suggest")
    def suggest(self, request):
        from .forms import ListingSuggestionForm

        return self.serve_form(request, ListingSuggestionForm, "suggestions/suggest_form.html")

    @path("report/<page_id:listing_id>/", name="report")
    def report_problem(self, request, listing_id):
        from directory.models import ListingPage

        from .forms import ProblemReportForm

        # Only a listing readers may see can be reported (the form shows its title).
        listing = get_object_or_404(ListingPage.objects.visible(), pk=listing_id)
        return self.serve_form(
            request, ProblemReportForm, "suggestions/report_form.html", listing=listing.specific
        )

    @path("thanks/", name="thanks")
    def thanks(self, request):
        return self.render(request, template="suggestions/thanks.html")

    # --- Form handling --------------------------------------------------------------------
    def serve_form(self, request, form_class, template, listing=None):
        """Rate limit, honeypot, then save in one transaction and thank; else explain."""
        form = form_class(request.POST or None, listing=listing)
        status = 200
        if request.method == "POST":
            # Counted first, valid or not, so probing the form uses up the allowance too.
            if not allow_post(request):
                form.add_error(None, RATE_LIMITED_MESSAGE)
                status = 429
            elif form.is_spam():
                return redirect(self.thanks_url())  # look like success to the bot; store nothing
            elif form.is_valid():
                form.instance.language = get_language() or ""
                # The row and its needs and areas (save_m2m) are stored together or not at all.
                with transaction.atomic():
                    form.save()
                return redirect(self.thanks_url())
            else:
                status = 400
        context = {"form": form, "listing": listing, "retention_days": RETENTION_DAYS}
        response = self.render(request, template=template, context_overrides=context)
        response.status_code = status
        return response

    def thanks_url(self):
        return self.url + self.reverse_subpage("thanks")
