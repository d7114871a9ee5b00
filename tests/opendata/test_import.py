"""`import_hsds`: HSDS 3.0 datasets become draft listings with their provenance; bad files
are refused whole, naming the record and the field; matched listings get a new draft."""

import io
import json
from pathlib import Path

from django.core.management import call_command

import pytest

from directory.factories import LanguageFactory
from directory.models import ListingPage, Organization

EXAMPLES = Path(__file__).resolve().parent.parent.parent / "opendata" / "hsds_spec" / "examples"


def run(source, *args):
    out = io.StringIO()
    call_command("import_hsds", str(source), *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def write(tmp_path, data, name="services.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data))
    return path


def service(number=1, **fields):
    return {
        "id": f"00000000-0000-4000-8000-{number:012d}",
        "name": f"Pantry {number}",
        "description": "Groceries every week for anyone who asks.",
        **fields,
    }


@pytest.mark.django_db
def test_the_hsds_example_service_becomes_a_draft_listing_with_its_provenance(directory):
    LanguageFactory(code="ur", name="Urdu", native_name="اردو")
    out = run(EXAMPLES / "service_full.json")

    assert "Imported as drafts: 1 created" in out
    page = ListingPage.objects.get(imported_record_id="ac148810-d857-441c-9679-408f346de14b")
    assert str(page.hsds_id) == "ac148810-d857-441c-9679-408f346de14b"
    assert page.imported_from == "service_full.json" and page.imported_at
    assert (page.live, page.has_unpublished_changes) == (False, True)
    assert page.get_parent().pk == directory.pk
    draft = page.get_latest_revision_as_object()
    assert draft.title == "Community Counselling"
    assert draft.website == "http://example.com/counselling"
    assert [str(p.number) for p in draft.phones.all()] == ["+441234234567"]
    assert [lang.code for lang in draft.phones.all()[0].languages.all()] == ["ur"]
    assert [
        (h.weekday, f"{h.opens:%H:%M}", f"{h.closes:%H:%M}") for h in draft.opening_hours.all()
    ] == [
        (3, "10:00", "18:00"),
        (4, "10:00", "18:00"),
    ]
    place = draft.locations.all()[0]
    assert (place.name, place.city, place.latitude) == ("MyCity Civic Center", "MyCity", None)
    assert draft.organization.name == "Organization Name" or draft.organization is not None
    assert "latitude" in out and "out of range" in out  # the example's latitude is 100


@pytest.mark.django_db
def test_the_hsds_example_organization_brings_its_services_and_itself(directory):
    out = run(EXAMPLES / "organization_full.json")

    assert "Imported as drafts: 1 created" in out
    page = ListingPage.objects.get()
    org = Organization.objects.get()
    assert page.organization == org
    assert str(org.hsds_id) == json.loads((EXAMPLES / "organization_full.json").read_text())["id"]
