from wagtail.models import Locale

import factory
import wagtail_factories

from directory.models import (
    Area,
    DirectoryIndexPage,
    ExternalFormPage,
    GroupPage,
    Holiday,
    HotlinePage,
    Language,
    ListingPhone,
    Need,
    OpeningHours,
    Organization,
    ResourcePage,
)


class TranslatableSnippetFactory(factory.django.DjangoModelFactory):
    locale = factory.LazyFunction(Locale.get_default)


class NeedFactory(TranslatableSnippetFactory):
    name = factory.Sequence(lambda n: f"Need {n}")
    slug = factory.Sequence(lambda n: f"need-{n}")

    class Meta:
        model = Need
        django_get_or_create = ("slug", "locale")


class AreaFactory(TranslatableSnippetFactory):
    name = factory.Sequence(lambda n: f"Area {n}")
    slug = factory.Sequence(lambda n: f"area-{n}")

    class Meta:
        model = Area
        django_get_or_create = ("slug", "locale")


class LanguageFactory(TranslatableSnippetFactory):
    code = "es"
    name = "Spanish"
    native_name = "Español"

    class Meta:
        model = Language
        django_get_or_create = ("code", "locale")


class OrganizationFactory(TranslatableSnippetFactory):
    name = factory.Sequence(lambda n: f"Organization {n}")
    slug = factory.Sequence(lambda n: f"organization-{n}")

    class Meta:
        model = Organization


class DirectoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Directory"
    slug = "directory"

    class Meta:
        model = DirectoryIndexPage


class ListingPageFactory(wagtail_factories.PageFactory):
    """A listing. Pass its relations as lists, e.g. `needs=[food]`, `areas=[seattle]`,
    `languages=[...]`, `social_handles=[SocialHandle(platform=..., handle=...)]`: the model
    (a modelcluster) keeps them until the page is saved, so the page is saved only once."""

    title = factory.Sequence(lambda n: f"Listing {n}")
    slug = factory.Sequence(lambda n: f"listing-{n}")
    summary = "Groceries delivered to your door."
    # `phone="206 555 0100"`: one voice number, the shorthand for `phones=[ListingPhone(...)]`.
    phones = factory.LazyAttribute(lambda o: [ListingPhone(number=o.phone)] if o.phone else [])

    class Params:
        phone = ""

    class Meta:
        abstract = True


class GroupPageFactory(ListingPageFactory):
    class Meta:
        model = GroupPage


class ExternalFormPageFactory(ListingPageFactory):
    purpose = ExternalFormPage.Purpose.REQUEST_SUPPORT

    class Meta:
        model = ExternalFormPage


class HotlinePageFactory(ListingPageFactory):
    call_about = "Questions about your health."

    class Meta:
        model = HotlinePage


class ResourcePageFactory(ListingPageFactory):
    resource_kind = ResourcePage.ResourceKind.FUND

    class Meta:
        model = ResourcePage


class OpeningHoursFactory(factory.django.DjangoModelFactory):
    weekday = 0
    opens = "09:00"
    closes = "17:00"

    class Meta:
        model = OpeningHours


class HolidayFactory(factory.django.DjangoModelFactory):
    name = "Holiday"

    class Meta:
        model = Holiday
        django_get_or_create = ("date",)
