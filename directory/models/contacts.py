"""How a reader reaches a listing: its phones, and the one action shown first.

Phones are an inline on every listing (HSDS `phone`): a number validated and stored in E.164
(`phonenumbers`, US by default), its type, the languages it is answered in and an optional
label. Numbers are synchronized across translations; only labels are translated.

`primary_action` picks what a card and the listing page offer first; `contact_columns` and
`attach_contacts` bring the phones, form links and social links of a whole page of cards as
JSON in the listings' own rows (or one query), so cards never ask per card.
"""

import json
from dataclasses import dataclass

from django import forms
from django.db import models
from django.db.models import Aggregate, Exists, F, JSONField, OuterRef, Q, Subquery
from django.db.models.functions import JSONObject
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from phonenumber_field.modelfields import PhoneNumberField
from phonenumber_field.phonenumber import PhoneNumber, to_python

from .listing_types import FormLink
from .listings import ListingPage, SocialHandle, in_default_locale
from .taxonomy import Language


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
    def is_valid_number(self):
        """False only for text kept from before numbers were validated (the migration keeps
        what editors typed): shown as written, never dialled."""
        return isinstance(self.number, PhoneNumber) and self.number.is_valid()

    @property
    def is_callable(self):
        return self.phone_type in CALLABLE_TYPES and self.is_valid_number


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


class JSONArrayAgg(Aggregate):
    """The JSON array of an expression over the rows: SQLite's json_group_array,
    PostgreSQL's jsonb_agg (jsonb, not json: a DISTINCT over the rows can compare it).
    Django 5.2 has no portable one."""

    function = "JSON_GROUP_ARRAY"
    output_field = JSONField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="JSONB_AGG", **extra_context)


def json_rows(queryset, group_by, **fields):
    """A subquery: `fields` of each row of `queryset` as a JSON array of objects, for the
    outer row `group_by` points to (None when it has none)."""
    rows = JSONArrayAgg(JSONObject(**fields))
    grouped = queryset.order_by().values(group_by).annotate(rows=rows)
    return Subquery(grouped.values("rows")[:1], output_field=JSONField())


def json_list(value):
    """A JSON array as read back: a list, JSON text (SQLite nests arrays as text) or None."""
    if isinstance(value, str):
        value = json.loads(value)
    return value or []


def contact_columns():
    """Annotations giving each listing its phones (with their languages), form links (with
    their language) and social accounts' links as JSON, in the listing's own row: cards
    need no query of their own (`attach_contacts`)."""
    answered_in = json_rows(
        ListingPhone.languages.through.objects.filter(listingphone_id=OuterRef("pk")),
        "listingphone_id",
        id=F("language_id"),
        code=F("language__code"),
        name=F("language__name"),
        native_name=F("language__native_name"),
    )
    pk = OuterRef("pk")
    return {
        "contact_phones": json_rows(
            ListingPhone.objects.filter(page_id=pk),
            "page_id",
            id=F("pk"),
            number=F("number"),
            type=F("phone_type"),
            label=F("label"),
            sort=F("sort_order"),
            languages=answered_in,
        ),
        "contact_form_links": json_rows(
            FormLink.objects.filter(page_id=pk),
            "page_id",
            id=F("pk"),
            url=F("url"),
            sort=F("sort_order"),
            language_id=F("language_id"),
            code=F("language__code"),
            name=F("language__name"),
            native_name=F("language__native_name"),
        ),
        "contact_links": json_rows(
            SocialHandle.objects.filter(page_id=pk).exclude(url=""),
            "page_id",
            platform=F("platform"),
            handle=F("handle"),
            url=F("url"),
            sort=F("sort_order"),
        ),
    }


def by_order(row):
    return (row["sort"] is None, row["sort"] or 0, row.get("id") or 0)


def phones_from(rows, page_id):
    phones = []
    for row in sorted(json_list(rows), key=by_order):
        phone = ListingPhone(
            pk=row["id"],
            page_id=page_id,
            number=row["number"],
            phone_type=row["type"],
            label=row["label"],
            sort_order=row["sort"],
        )
        phone.languages = [
            Language(
                pk=lang["id"], code=lang["code"], name=lang["name"], native_name=lang["native_name"]
            )
            for lang in sorted(json_list(row["languages"]), key=lambda lang: lang["code"])
        ]
        phones.append(phone)
    return phones


def form_links_from(rows, page_id):
    return [
        FormLink(
            pk=row["id"],
            page_id=page_id,
            url=row["url"],
            sort_order=row["sort"],
            language=Language(
                pk=row["language_id"],
                code=row["code"],
                name=row["name"],
                native_name=row["native_name"],
            ),
        )
        for row in sorted(json_list(rows), key=by_order)
    ]


def links_from(rows):
    return [
        (row["url"], f"{SocialHandle.Platform(row['platform']).label}: {row['handle']}")
        for row in sorted(json_list(rows), key=by_order)
    ]


def attach_contacts(listings):
    """Keep on each of `listings` its phones, form links and social links for
    `primary_action` and the templates: from the listing's own row when it was read with
    `contact_columns()` (the directory's cards), else read in one query for all of them.
    Returns `listings`, as a list."""
    listings = list(listings)
    missing = [item.pk for item in listings if not hasattr(item, "contact_phones")]
    found = {}
    if missing:
        rows = ListingPage.objects.filter(pk__in=missing).annotate(**contact_columns())
        found = {
            pk: (phones, form_links, links)
            for pk, phones, form_links, links in rows.values_list(
                "pk", "contact_phones", "contact_form_links", "contact_links"
            )
        }
    for item in listings:
        if hasattr(item, "contact_phones"):
            phones, form_links, links = (
                item.contact_phones,
                item.contact_form_links,
                item.contact_links,
            )
        else:
            phones, form_links, links = found.get(item.pk, (None, None, None))
        item.__dict__["_contacts"] = (
            phones_from(phones, item.pk),
            form_links_from(form_links, item.pk),
            links_from(links),
        )
    return listings


def listing_contacts(listing):
    """(phones, form links, [(url, name)] of social accounts) of one listing: as attached,
    else read now."""
    if "_contacts" not in listing.__dict__:
        attach_contacts([listing])
    return listing.__dict__["_contacts"]


def primary_action(listing, language_code):
    """How a reader of `language_code` reaches `listing` first, or None when nothing is known.

    A form (what a form listing is for) in the reader's language comes first; then a phone,
    one answered in the reader's language before others; then a form in another language
    (named as such), the website, e-mail, and a mailing list or social account's link.
    """
    phones, links, social = listing_contacts(listing)
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
    texting = next(
        (phone for phone in phones if phone.phone_type == PhoneType.TEXT and phone.is_valid_number),
        None,
    )
    if texting is not None:
        return Action("text", f"sms:{texting.number.as_e164}", texting.display_number)
    if listing.website:
        return Action("website", listing.website, listing.website)
    if listing.email:
        return Action("email", f"mailto:{listing.email}", listing.email)
    if listing.mailing_list_url:
        return Action("link", listing.mailing_list_url, listing.mailing_list_name)
    if social:
        url, name = social[0]
        return Action("link", url, name)
    return None
