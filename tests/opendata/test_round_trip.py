"""Round trip: the portal's HSDS export, imported into an empty directory and published by
an editor, exports the same services: ids, fields, taxonomy, schedules, phones, locations.

"Empty" here: the listings and organizations are deleted after the export; the taxonomies
(needs, areas, languages) stay, as an install set up from the same demo has them."""

import io
import json

from django.core.management import call_command

from wagtail.models import Locale

import pytest

from directory.factories import OpeningHoursFactory
from directory.models import ListingLocation, ListingPage, Organization
from opendata import package
from opendata.hsds import services
from opendata.queries import listings_in
from tests.helpers import publish

# Times of the export itself, not of the service: publishing the import changes them.
VOLATILE = {"last_modified"}


def export():
    data = services(list(listings_in(Locale.get_default())), language="en")
    return sorted(data, key=lambda service: service["id"])


def without_volatile(data):
    return [{k: v for k, v in service.items() if k not in VOLATILE} for service in data]


def differences(before, after):
    """(service id, field, exported, exported after the round trip) where they differ."""
    after_by_id = {service["id"]: service for service in without_volatile(after)}
    found = []
    for service in without_volatile(before):
        again = after_by_id.get(service["id"], {})
        for key in sorted(set(service) | set(again)):
            if service.get(key) != again.get(key):
                found.append((service["id"], key, service.get(key), again.get(key)))
    return found


def empty_the_directory():
    for page in ListingPage.objects.all():
        page.delete()
    Organization.objects.all().delete()


def import_and_publish(source):
    out = io.StringIO()
    call_command("import_hsds", str(source), stdout=out, stderr=io.StringIO())
    for page in ListingPage.objects.all():
        page.get_latest_revision().publish()  # the editor publishes the drafts
    return out.getvalue()


@pytest.fixture
def exported(catalogue, directory):
    pantry = catalogue["pantry"]
    OpeningHoursFactory(page=pantry, weekday=0, opens="09:00", closes="12:00")
    ListingLocation.objects.create(
        page=pantry,
        locale=pantry.locale,
        name="Community hall",
        address_1="100 Example Way S",
        city="Seattle",
        postal_code="98118",
        latitude="47.540000",
        longitude="-122.270000",
        transit="Bus 7",
    )
    for page in ListingPage.objects.all():
        publish(page.specific, cost="free", cost_details="Always", documents="none")
    data = export()
    assert len(data) == 4
    return data


@pytest.mark.django_db
def test_the_json_export_comes_back_the_same(exported, tmp_path):
    path = tmp_path / "directory.json"
    path.write_text(json.dumps(exported))
    empty_the_directory()
    assert not export()

    out = import_and_publish(path)

    assert "4 created" in out
    after = export()
    assert differences(exported, after) == []
    assert [service["id"] for service in after] == [service["id"] for service in exported]


@pytest.mark.django_db
def test_the_tabular_package_comes_back_the_same(exported, tmp_path):
    path = tmp_path / "directory.zip"
    with path.open("wb") as target:
        package.write_zip(target, Locale.get_default())
    empty_the_directory()

    out = import_and_publish(path)

    assert "4 created" in out
    after = export()
    assert differences(exported, after) == []
    assert [service["id"] for service in after] == [service["id"] for service in exported]
