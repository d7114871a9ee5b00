"""Issue 14: a listing's and an organization's open-data id is stored, one per translation set.

Consumers of the HSDS export sync by id, so the id must be the same in every language, stay
when the page is edited or translated, and be new for a duplicated page.
"""

from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from directory.factories import GroupPageFactory, OrganizationFactory
from directory.models import ListingPage, Organization
from tests.helpers import publish, translate


def test_every_translation_of_a_listing_has_its_sources_id(directory, locales):
    group = publish(GroupPageFactory(parent=directory, title="Pantry"))
    assert group.hsds_id is not None

    translate(directory, "es", copy_parents=True)
    by_copy = translate(group, "es")  # Wagtail's own copy for translation
    source, _created = TranslationSource.get_or_create_from_instance(group)
    vietnamese = Locale.objects.get(language_code="vi")
    translate(directory, "vi", copy_parents=True)
    (by_localize,) = source.create_or_update_translation(vietnamese, fallback=True)[:1]

    ids = set(
        ListingPage.objects.filter(translation_key=group.translation_key).values_list(
            "hsds_id", flat=True
        )
    )
    assert ids == {group.hsds_id}
    assert by_copy.hsds_id == by_localize.hsds_id == group.hsds_id

    publish(group, title="Pantry on Rainier")  # an edit keeps it
    assert ListingPage.objects.get(pk=group.pk).hsds_id == by_copy.hsds_id


def test_a_duplicated_listing_is_a_new_record(directory):
    group = publish(GroupPageFactory(parent=directory, title="Pantry"))
    duplicate = group.copy(update_attrs={"title": "Pantry (2)", "slug": "pantry-2"})
    assert duplicate.hsds_id not in (None, group.hsds_id)


def test_organizations_keep_one_id_across_languages(locales):
    organization = OrganizationFactory(name="Rainier Valley Mutual Aid")
    spanish = organization.copy_for_translation(Locale.objects.get(language_code="es"))
    spanish.save()
    assert organization.hsds_id is not None
    assert Organization.objects.get(pk=spanish.pk).hsds_id == organization.hsds_id
