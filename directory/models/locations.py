"""Where a listing can be visited (HSDS `location` with its physical `address`).

A listing may have none: many groups are online, answer the phone or deliver. Coordinates are
optional too; a location with them can be sorted by distance from a reader and shown on the
map. Addresses and coordinates are synchronized across translations; the place's name,
accessibility notes and transit hint are translated.
"""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


def coordinate(verbose_name, limit):
    return models.DecimalField(
        verbose_name,
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-limit)), MaxValueValidator(Decimal(limit))],
    )


class ListingLocation(TranslatableMixin, Orderable, ClusterableModel):
    """A place where a listing's service is given (a pantry, a clinic, a pick-up point)."""

    page = ParentalKey("directory.ListingPage", related_name="locations", on_delete=models.CASCADE)
    name = models.CharField(
        _("name"), max_length=200, blank=True, help_text=_("E.g. 'Community hall'. Optional.")
    )
    address_1 = models.CharField(_("street address"), max_length=200, blank=True)
    address_2 = models.CharField(_("address line 2"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    state_province = models.CharField(_("state"), max_length=50, blank=True, default="WA")
    postal_code = models.CharField(_("ZIP code"), max_length=10, blank=True)
    latitude = coordinate(_("latitude"), 90)
    longitude = coordinate(_("longitude"), 180)
    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_("E.g. 'Step-free entrance on the side street; accessible restroom'."),
    )
    transit = models.CharField(
        _("getting there"),
        max_length=255,
        blank=True,
        help_text=_("A transit hint, e.g. 'Bus 7 to Rainier & Henderson'."),
    )

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [
                FieldPanel("address_1"),
                FieldPanel("address_2"),
                FieldRowPanel(
                    [
                        FieldPanel("city"),
                        FieldPanel("state_province"),
                        FieldPanel("postal_code"),
                    ]
                ),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=pgettext_lazy("a place's street address", "Address"),
            help_text=_(
                "Only an address the group has confirmed. Latitude and longitude place it on "
                "the map and sort it by distance; leave them empty if unsure."
            ),
        ),
        FieldPanel("accessibility"),
        FieldPanel("transit"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("address_1", overridable=False),
        SynchronizedField("address_2", overridable=False),
        SynchronizedField("city", overridable=False),
        SynchronizedField("state_province", overridable=False),
        SynchronizedField("postal_code", overridable=False),
        SynchronizedField("latitude", overridable=False),
        SynchronizedField("longitude", overridable=False),
        SynchronizedField("sort_order", overridable=False),
        TranslatableField("accessibility"),
        TranslatableField("transit"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("location")
        verbose_name_plural = _("locations")

    def __str__(self):
        return self.name or self.one_line_address or str(_("Location"))

    @property
    def one_line_address(self):
        parts = [self.address_1, self.address_2, self.city]
        region = " ".join(part for part in (self.state_province, self.postal_code) if part)
        return ", ".join(part for part in [*parts, region] if part)

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None
