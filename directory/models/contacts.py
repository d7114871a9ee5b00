"""How a reader reaches a listing: its phones, and the one action shown first.

Phones are an inline on every listing (HSDS `phone`): a number validated and stored in E.164
(`phonenumbers`, US by default), its type, the languages it is answered in and an optional
label. Numbers are synchronized across translations; only labels are translated.

`primary_action` picks what a card and the listing page offer first; `attach_contacts` reads
the phones and form links of a whole page of cards in two queries, so cards never ask per card.
"""

from collections import defaultdict
from dataclasses import dataclass

from django import forms
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from phonenumber_field.modelfields import PhoneNumberField
from phonenumber_field.phonenumber import PhoneNumber, to_python

from .listing_types import FormLink
from .listings import SocialHandle, in_default_locale


class PhoneType(models.TextChoices):
    """HSDS 3.0's phone types a reader can use (its `cell` and `pager` add nothing here)."""

    VOICE = "voice", _("Voice calls")
    TEXT = "text", _("Text messages (SMS)")
    TEXTPHONE = "textphone", _("TTY (textphone)")
    VIDEO = "video", _("Video relay")
    FAX = "fax", _("Fax")


CALLABLE_TYPES = (PhoneType.VOICE, PhoneType.TEXTPHONE, PhoneType.VIDEO)


class ListingPhone(TranslatableMixin, Orderable, ClusterableModel):
    """A phone number a reader can use to reach a listing."""

    page = ParentalKey("directory.ListingPage", related_name="phones", on_delete=models.CASCADE)
    number = PhoneNumberField(
        _("number"),
        region="US",
        help_text=_(
            "As the group gives it, e.g. 206 555 0100; numbers outside the US start with + "
            "and the country code. Stored in international form for tap-to-call."
        ),
    )
    phone_type = models.CharField(
        _("type"), max_length=20, choices=PhoneType.choices, default=PhoneType.VOICE
    )
    languages = ParentalManyToManyField(
        "directory.Language",
        verbose_name=_("answered in"),
        blank=True,
        related_name="+",
        limit_choices_to=in_default_locale,
        help_text=_("The languages someone answering this number speaks. Leave empty if unknown."),
    )
    label = models.CharField(
        _("label"),
        max_length=100,
        blank=True,
        help_text=_("Optional, e.g. 'Intake line' or 'After hours'. Translated with the page."),
    )

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("phone_type"), FieldPanel("label")]),
        FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
    ]
    # Not overridable: a translation never dials another number than its source.
    translatable_fields = [
        SynchronizedField("number", overridable=False),
        SynchronizedField("phone_type", overridable=False),
        SynchronizedField("languages", overridable=False),
        SynchronizedField("sort_order", overridable=False),
        TranslatableField("label"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("phone number")
        verbose_name_plural = _("phone numbers")

    def __str__(self):
        return str(self.display_number)

    @property
    def display_number(self):
        return readable(self.number)

    @property
    def is_callable(self):
        return self.phone_type in CALLABLE_TYPES


def readable(number):
    """(206) 555-0100 for a US number, +44 20 7946 0958 for others; a `PhoneNumber` or its
    E.164 text. Text that is no valid number (kept from before validation) comes back as is."""
    number = to_python(number, region="US")
    if not isinstance(number, PhoneNumber) or not number.is_valid():
        return str(number or "")
    return number.as_national if number.country_code == 1 else number.as_international


# --- Reaching a listing -------------------------------------------------------------------
@dataclass
class Action:
    """What a reader does first: `kind` is call, text, form, website, email or link."""

    kind: str
    url: str
    text: str  # the number, the address or the form's language, as shown
    language_code: str = ""  # a form in another language than the reader's: which
    language_name: str = ""


def reachable_q():
    """True for listings a reader has some way to reach (a phone, a form link, a website, an
    e-mail address, a mailing list or a social account's link): an expression the ORM can
    filter and order by."""
    pk = OuterRef("pk")
    return (
        Exists(ListingPhone.objects.filter(page=pk).exclude(phone_type=PhoneType.FAX))
        | Exists(FormLink.objects.filter(page=pk))
        | Exists(SocialHandle.objects.filter(page=pk).exclude(url=""))
        | ~Q(website="")
        | ~Q(email="")
        | ~Q(mailing_list_url="")
    )


def attach_contacts(listings):
    """Read the phones (with their languages) and form links of `listings` in two queries and
    keep them on each listing for `primary_action`. Returns `listings`, as a list."""
    listings = list(listings)
    ids = [listing.pk for listing in listings]
    phones = defaultdict(list)
    form_links = defaultdict(list)
    if ids:
        found = ListingPhone.objects.filter(page_id__in=ids).prefetch_related("languages")
        for phone in found.order_by("sort_order", "pk"):
            phones[phone.page_id].append(phone)
        links = FormLink.objects.filter(page_id__in=ids).select_related("language")
        for link in links.order_by("sort_order", "pk"):
            form_links[link.page_id].append(link)
    for listing in listings:
        listing.__dict__["_contacts"] = (phones[listing.pk], form_links[listing.pk])
    return listings


def listing_contacts(listing):
    """(phones, form links) of one listing: as attached, else read now."""
    if "_contacts" not in listing.__dict__:
        attach_contacts([listing])
    return listing.__dict__["_contacts"]


def primary_action(listing, language_code):
    """How a reader of `language_code` reaches `listing` first, or None when nothing is known.

    A form (what a form listing is for) in the reader's language comes first; then a phone,
    one answered in the reader's language before others; then a form in another language
    (named as such), the website, e-mail, and a mailing list or social account's link.
    """
    phones, links = listing_contacts(listing)
    link = next((link for link in links if link.language.code == language_code), None)
    if link is not None:
        return Action("form", link.url, link.language.native_name, link.language.code)
    callable_phones = [phone for phone in phones if phone.is_callable]
    in_language = [
        phone
        for phone in callable_phones
        if any(language.code == language_code for language in phone.languages.all())
    ]
    phone = next(iter(in_language or callable_phones), None)
    if phone is not None:
        return Action("call", f"tel:{phone.number.as_e164}", phone.display_number)
    if links:
        other = links[0].language
        return Action("form", links[0].url, other.native_name, other.code, other.name)
    texting = next((phone for phone in phones if phone.phone_type == PhoneType.TEXT), None)
    if texting is not None:
        return Action("text", f"sms:{texting.number.as_e164}", texting.display_number)
    if listing.website:
        return Action("website", listing.website, listing.website)
    if listing.email:
        return Action("email", f"mailto:{listing.email}", listing.email)
    if listing.mailing_list_url:
        return Action("link", listing.mailing_list_url, listing.mailing_list_name)
    return None
