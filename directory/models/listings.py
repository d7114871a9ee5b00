"""Listing pages: one concrete base with every field a reader relies on, one subclass per kind.

Listings are pages (not snippets) so that each has a URL, revisions, moderation, a place in
the sitemap and translations. `ListingPage` is concrete (multi-table inheritance) so that the
directory, search and the open-data export can query every kind of listing in one queryset.

Funds, studies and other ways to help share one type, `ResourcePage`, with a `resource_kind`:
they have the same shape (what it is, who it is for, what to do) and differ only in label, so
separate types would duplicate fields and templates without giving editors anything.
"""

from datetime import timedelta

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Case, F, Q, When, prefetch_related_objects
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    TitleFieldPanel,
)
from wagtail.fields import RichTextField
from wagtail.models import Locale, Orderable, Page, PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.page_forms import SlugFromTitlePageForm
from home.querysets import PortalPageQuerySet
from home.translatable import PAGE_TRANSLATABLE_FIELDS

from .hours import OpeningHoursPanel, hours_by_day, open_status
from .identity import OpenDataIdentity, identity_translatable_fields
from .taxonomy import in_reader_language, translate_together


def in_default_locale():
    """Taxonomy choices are made once, in the default locale, and shown translated."""
    return {"locale__language_code": settings.LANGUAGE_CODE}


class Direction(models.TextChoices):
    GET = "get", _("For people who need help")
    GIVE = "give", _("For people who want to help")
    BOTH = "both", _("Both: get help and give help")


class Cost(models.TextChoices):
    """What using it costs (HSDS's cost options, in a reader's words)."""

    FREE = "free", _("Free of charge")
    SLIDING_SCALE = "sliding_scale", _("Sliding scale")
    FEE = "fee", _("Fee")


class Documents(models.TextChoices):
    """Whether a reader must bring ID or papers (HSDS `required_document`): "none needed" is
    worth saying plainly, since fear of being asked for ID keeps people away."""

    NONE = "none", _("No ID or documents needed")
    REQUIRED = "required", _("Documents required")


class VerifiedHow(models.TextChoices):
    """How someone last confirmed a listing's details."""

    PHONE = "phone", _("By phone")
    VISIT = "visit", _("In person")
    WEBSITE = "website", _("On its website")
    GROUP = "group", _("The group itself told us")


class ListingKind(models.TextChoices):
    """What a reader filters by. Stored on every listing so one query can facet on it."""

    GROUP = "group", _("Mutual-aid group")
    FORM = "form", _("Form")
    HOTLINE = "hotline", _("Hotline")
    FUND = "fund", _("Fund")
    WAY_TO_HELP = "way_to_help", _("Way to help")
    STUDY = "study", _("Study or survey")


def listing_panels(*kind_panels):
    """The editor's form for every listing: what it is, the kind's own fields, then contact."""
    checkboxes = forms.CheckboxSelectMultiple
    return [
        TitleFieldPanel("title"),  # fills the slug on the Promote tab as the editor types
        FieldPanel("summary"),
        FieldPanel("description"),
        *kind_panels,
        MultiFieldPanel(
            [
                FieldPanel("direction"),
                FieldPanel("audience"),
                FieldRowPanel([FieldPanel("cost"), FieldPanel("cost_details")]),
                FieldRowPanel([FieldPanel("documents"), FieldPanel("documents_details")]),
                FieldPanel("accessibility"),
                FieldPanel("needs", widget=checkboxes),
                FieldPanel("areas", widget=checkboxes),
                FieldPanel("languages", widget=checkboxes),
            ],
            heading=_("Who and what it serves"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organization"),
                InlinePanel(
                    "phones",
                    label=_("Phone number"),
                    heading=_("Phone numbers"),
                    help_text=_(
                        "Only numbers the group has confirmed. The first one answered in a "
                        "reader's language is offered first, as tap-to-call."
                    ),
                ),
                FieldRowPanel([FieldPanel("website"), FieldPanel("email")]),
                FieldRowPanel([FieldPanel("mailing_list_name"), FieldPanel("mailing_list_url")]),
                InlinePanel("social_handles", label=_("Social media"), heading=_("Social media")),
            ],
            heading=_("Contact"),
        ),
        InlinePanel(
            "locations",
            label=_("Location"),
            heading=_("Locations"),
            help_text=_(
                "Where readers can go. Leave empty for groups that are online, answer the "
                "phone or deliver."
            ),
        ),
        MultiFieldPanel(
            [
                OpeningHoursPanel("opening_hours", label=_("Opening hours")),
                FieldRowPanel(
                    [
                        FieldPanel("by_appointment"),
                        FieldPanel("call_first"),
                        FieldPanel("closed_on_holidays"),
                    ]
                ),
            ],
            heading=_("Hours"),
            help_text=_("Leave empty unless confirmed: no hours means readers see no hours."),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("last_verified_on"), FieldPanel("last_verified_by")]),
                FieldPanel("last_verified_how"),
                FieldPanel("last_verified_note"),
            ],
            heading=_("Verification"),
            help_text=_("Update these each time someone confirms the details with the group."),
        ),
    ]


def stale_cutoff(today=None):
    """Verified before this date means stale."""
    today = today or timezone.localdate()
    return today - timedelta(days=settings.LISTING_STALE_AFTER_DAYS)


class ListingPageQuerySet(PortalPageQuerySet):
    def with_reachability(self):
        """Each listing's `reachable`: False when a reader has no way to reach it
        (contacts.reachable_q), so lists can put those last and editors first."""
        from .contacts import reachable_q

        return self.annotate(reachable=Case(When(reachable_q(), then=True), default=False))

    def reachable_first(self, *order):
        return self.with_reachability().order_by(F("reachable").desc(), *order)

    def to_review(self, today=None):
        """What the "Listings to review" report lists: live listings in the default locale
        that no reader can reach (first, whatever their date) or that are stale (`stale`)."""
        cutoff = stale_cutoff(today)
        return (
            self.live()
            .filter(locale=Locale.get_default())
            .with_reachability()
            .filter(
                Q(reachable=False)
                | Q(last_verified_on__isnull=True)
                | Q(last_verified_on__lt=cutoff)
            )
            .select_related("last_verified_by")
            .order_by("reachable", F("last_verified_on").asc(nulls_first=True), "title")
        )

    def stale(self, today=None):
        """Live listings in the default locale nobody has confirmed with the group for
        LISTING_STALE_AFTER_DAYS days, or ever; oldest first. Verification is synchronized
        across translations, so the default locale speaks for all of them."""
        cutoff = stale_cutoff(today)
        return (
            self.live()
            .filter(locale=Locale.get_default())
            .filter(Q(last_verified_on__isnull=True) | Q(last_verified_on__lt=cutoff))
            .select_related("last_verified_by")
            .order_by(F("last_verified_on").asc(nulls_first=True), "title")
        )


class ListingPage(OpenDataIdentity, Page):
    objects = PageManager.from_queryset(ListingPageQuerySet)()
    base_form_class = SlugFromTitlePageForm

    summary = models.CharField(
        _("summary"),
        max_length=255,
        help_text=_("One sentence shown in lists and search results."),
    )
    description = RichTextField(
        _("description"), features=["bold", "italic", "link", "ul", "ol"], blank=True
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ListingKind.choices, editable=False)
    direction = models.CharField(
        _("who it serves"),
        max_length=10,
        choices=Direction.choices,
        default=Direction.GET,
        help_text=_("Sorts the listing under 'Get help', 'Give help' or both."),
    )
    audience = models.CharField(
        _("who can use it"),
        max_length=255,
        blank=True,
        help_text=_(
            "Who is eligible, e.g. 'Anyone in Seattle who needs groceries delivered'. "
            "Exported as HSDS's eligibility description."
        ),
    )
    needs = ParentalManyToManyField(
        "directory.Need",
        verbose_name=_("needs served"),
        blank=True,
        related_name="listings",
        limit_choices_to=in_default_locale,
    )
    areas = ParentalManyToManyField(
        "directory.Area",
        verbose_name=_("areas served"),
        blank=True,
        related_name="listings",
        limit_choices_to=in_default_locale,
    )
    languages = ParentalManyToManyField(
        "directory.Language",
        verbose_name=_("languages offered"),
        blank=True,
        related_name="listings",
        limit_choices_to=in_default_locale,
    )
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("run by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="listings",
        help_text=_("The group, agency or project behind this listing."),
    )
    website = models.URLField(
        _("website"), blank=True, help_text=_("Leave empty unless confirmed.")
    )
    email = models.EmailField(_("email"), blank=True, help_text=_("Leave empty unless confirmed."))
    mailing_list_name = models.CharField(_("mailing list"), max_length=200, blank=True)
    mailing_list_url = models.URLField(_("mailing list address"), blank=True)
    last_verified_on = models.DateField(
        _("last verified on"),
        null=True,
        blank=True,
        help_text=_("When someone last confirmed these details with the group itself."),
    )
    last_verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    by_appointment = models.BooleanField(
        _("by appointment"), default=False, help_text=_("Visits only by appointment.")
    )
    call_first = models.BooleanField(
        _("call first"), default=False, help_text=_("Readers should call before they go.")
    )
    cost = models.CharField(
        _("cost"),
        max_length=20,
        choices=Cost.choices,
        blank=True,
        help_text=_("Leave empty unless confirmed."),
    )
    cost_details = models.CharField(
        _("cost details"),
        max_length=255,
        blank=True,
        help_text=_("E.g. 'Pay what you can, from $5'. Leave empty unless confirmed."),
    )
    documents = models.CharField(
        _("ID or documents"),
        max_length=20,
        choices=Documents.choices,
        blank=True,
        help_text=_("Leave empty unless confirmed: readers filter on 'No ID needed'."),
    )
    documents_details = models.CharField(
        _("what to bring"),
        max_length=255,
        blank=True,
        help_text=_("E.g. 'Proof of address in King County, any language'."),
    )
    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_("E.g. 'Interpreters on request; deliveries to people who cannot go out'."),
    )
    last_verified_how = models.CharField(
        _("verified how"), max_length=20, choices=VerifiedHow.choices, blank=True
    )
    last_verified_note = models.CharField(
        _("verification note"),
        max_length=255,
        blank=True,
        help_text=_("For editors only, e.g. 'Spoke with the intake coordinator'."),
    )
    closed_on_holidays = models.BooleanField(
        _("closed on holidays"),
        default=False,
        help_text=_("Closed on the dates listed under Directory data > Holidays."),
    )

    # Set by each subclass; ResourcePage derives it from its resource kind.
    listing_kind = None

    @classmethod
    def get_indexed_objects(cls):
        # modelsearch prefetches the RelatedFields below but not ParentalManyToManyFields, and
        # the index reads each listing's taxonomies several times: without this a rebuild asks
        # a dozen queries per listing (hours at 100,000 listings).
        return (
            super()
            .get_indexed_objects()
            .select_related("locale", "organization")
            .prefetch_related("needs", "areas", "languages")
        )

    def need_names_here(self):
        """The needs' names in this listing's language, for the search index."""
        return " ".join(n.name for n in in_reader_language(self.needs.all(), self.locale))

    def area_names_here(self):
        """The areas' names in this listing's language, for the search index."""
        return " ".join(a.name for a in in_reader_language(self.areas.all(), self.locale))

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=3),
        index.SearchField("description"),
        index.SearchField("audience"),
        index.FilterField("kind"),
        index.FilterField("direction"),
        index.FilterField("locale_id"),
        # Needs and areas by their names in the listing's own language (a translation's are
        # the original snippets), as the cluster's documents have them: a Vietnamese reader's
        # "thực phẩm" finds the Vietnamese listings of Food on every backend.
        index.SearchField("need_names_here", boost=2),
        index.SearchField("area_names_here"),
        index.RelatedFields("needs", [index.FilterField("slug")]),
        index.RelatedFields("areas", [index.FilterField("slug")]),
        index.RelatedFields("languages", [index.SearchField("name"), index.FilterField("code")]),
        index.RelatedFields("organization", [index.SearchField("name")]),
    ]

    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("summary"),
        TranslatableField("description"),
        TranslatableField("audience"),
        TranslatableField("mailing_list_name"),
        SynchronizedField("direction"),
        SynchronizedField("cost"),
        TranslatableField("cost_details"),
        SynchronizedField("documents"),
        TranslatableField("documents_details"),
        TranslatableField("accessibility"),
        TranslatableField("locations"),
        SynchronizedField("needs"),
        SynchronizedField("areas"),
        SynchronizedField("languages"),
        SynchronizedField("organization"),
        SynchronizedField("website"),
        SynchronizedField("email"),
        # Numbers, types and languages synchronized; labels translated (contacts.py).
        TranslatableField("phones"),
        SynchronizedField("social_handles"),
        SynchronizedField("mailing_list_url"),
        SynchronizedField("last_verified_on"),
        SynchronizedField("last_verified_how"),
        SynchronizedField("last_verified_note"),
        SynchronizedField("opening_hours"),
        SynchronizedField("by_appointment"),
        SynchronizedField("call_first"),
        SynchronizedField("closed_on_holidays"),
        *identity_translatable_fields(),
    ]

    parent_page_types = ["directory.DirectoryIndexPage"]
    subpage_types = []
    is_creatable = False
    # Fetched with the page when it is served (home/routing.py): every listing shows it.
    select_related_when_served = ["organization"]

    class Meta:
        verbose_name = _("listing")
        verbose_name_plural = _("listings")

    def save(self, *args, **kwargs):
        # A ListingPage met through the base class (e.g. `.unpublish()` on a plain queryset's
        # page) has no kind of its own: keep the one its subclass stored.
        self.kind = self.listing_kind or self.kind
        super().save(*args, **kwargs)

    def open_status(self, at=None):
        """ "open", "closed", or None when no hours are known (see `hours.open_status`)."""
        return open_status(self.opening_hours.all(), self.closed_on_holidays, at)

    def primary_action(self, language_code):
        """How a reader of `language_code` reaches this listing first (contacts.Action: call,
        form, website, e-mail...), or None when no way to reach it is known."""
        from .contacts import primary_action

        return primary_action(self, language_code)

    @property
    def kind_label(self):
        return ListingKind(self.kind).label if self.kind else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The hours decide "open now", which is part of every render's key (home/fragments.py);
        # the rest is read only when the page's kept rendering is missing, hence lazily.
        prefetch_related_objects([self], "opening_hours")
        terms = SimpleLazyObject(self.translated_terms)
        context["directory"] = SimpleLazyObject(lambda: self.get_parent().specific_deferred)
        context["needs"] = SimpleLazyObject(lambda: terms["needs"])
        context["areas"] = SimpleLazyObject(lambda: terms["areas"])
        context["languages_offered"] = SimpleLazyObject(lambda: terms["languages"])
        context["organization"] = SimpleLazyObject(lambda: terms["organization"])
        context.update(self.hours_context())
        return context

    def translated_terms(self):
        """Needs, areas, languages and organisation in the reader's language, read together
        (with the social accounts the same details show)."""
        prefetch_related_objects([self], "needs", "areas", "languages", "social_handles")
        needs, areas, languages, organization = translate_together(
            self.needs.all(),
            self.areas.all(),
            self.languages.all(),
            [self.organization] if self.organization_id else [],
        )
        organization = organization[0] if organization else None
        return {
            "needs": needs,
            "areas": areas,
            "languages": languages,
            "organization": organization,
        }

    def hours_context(self):
        """Hours by day and "open now", only when structured hours are known."""
        status = self.open_status()
        return {
            "open_status": status,
            "hours_by_day": hours_by_day(self.opening_hours.all()) if status is not None else [],
        }


class SocialHandle(Orderable):
    """An account on a social network; groups often have no website, only these."""

    class Platform(models.TextChoices):
        FACEBOOK = "facebook", "Facebook"
        INSTAGRAM = "instagram", "Instagram"
        TWITTER = "twitter", "X (Twitter)"
        OTHER = "other", _("Other")

    page = ParentalKey(ListingPage, related_name="social_handles", on_delete=models.CASCADE)
    platform = models.CharField(_("platform"), max_length=20, choices=Platform.choices)
    handle = models.CharField(
        _("handle or name"), max_length=200, help_text=_("'@covid19mutualaid' or a page's name.")
    )
    url = models.URLField(_("link"), blank=True, help_text=_("Leave empty unless confirmed."))

    panels = [FieldRowPanel([FieldPanel("platform"), FieldPanel("handle"), FieldPanel("url")])]

    class Meta(Orderable.Meta):
        verbose_name = _("social media account")
        verbose_name_plural = _("social media accounts")

    def __str__(self):
        return f"{self.get_platform_display()}: {self.handle}"
