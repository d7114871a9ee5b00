"""`import_hsds`: HSDS 3.0 datasets become draft listings with their provenance; bad files
are refused whole, naming the record and the field; matched listings get a new draft."""

import io
import json
from pathlib import Path

from django.core.management import CommandError, call_command

from wagtail.models import PageLogEntry, ReferenceIndex

import pytest

from directory.factories import GroupPageFactory, LanguageFactory, OrganizationFactory
from directory.models import ListingPage, Organization, SocialHandle
from tests.helpers import publish

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
    org = draft.organization
    assert (org.name, str(org.hsds_id)) == (
        "Example Organization Inc.",
        "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610",
    )
    assert org.imported_from == "service_full.json"
    assert "latitude" in out and "out of range" in out  # the example's latitude is 100


@pytest.mark.django_db
def test_the_hsds_example_organization_brings_its_services_and_itself(
    directory, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the indexing task, after commit
        out = run(EXAMPLES / "organization_full.json")

    assert "Imported as drafts: 1 created" in out
    page = ListingPage.objects.get()
    org = Organization.objects.get()
    assert page.organization == org
    assert str(org.hsds_id) == json.loads((EXAMPLES / "organization_full.json").read_text())["id"]
    # The organization's "Usage" in the admin lists the imported draft (the reference index).
    usage = ReferenceIndex.get_references_to(org).values_list("object_id", flat=True)
    assert str(page.pk) in list(usage)


@pytest.mark.django_db
def test_a_dry_run_reports_and_changes_nothing(directory, tmp_path, food):
    path = write(tmp_path, {"services": [service(1), service(2)]})

    out = run(path, "--dry-run")

    assert "2 to create, 0 to update" in out
    assert "create: Pantry 1 (id 00000000-0000-4000-8000-000000000001)" in out
    assert "Dry run: nothing was changed." in out
    assert not ListingPage.objects.exists()


@pytest.mark.django_db
def test_a_hostile_file_is_refused_whole_naming_each_record_and_field(directory, tmp_path):
    good = [service(number) for number in range(1, 10_001)]
    bad = [
        {"id": "no-name"},  # missing name
        service(10_002, name=["not", "text"]),  # wrong type
        service(10_003, phones=[{"number": "555"}]),  # not a phone number
        service(10_004, email="nobody"),
        dict(good[0]),  # duplicate id
        "not a service",
    ]
    path = write(tmp_path, good + bad)

    with pytest.raises(CommandError, match="6 error"):
        run(path)

    assert not ListingPage.objects.exists() and not Organization.objects.exists()


@pytest.mark.django_db
def test_each_error_names_the_record_its_id_and_the_field(directory, tmp_path):
    path = write(
        tmp_path,
        [
            service(1),
            {"id": "no-name"},
            service(3, name=["not", "text"]),
            service(4, phones=[{"number": "555"}]),
            service(5, assured_date="last spring"),
            service(1),
        ],
    )
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_hsds", str(path), stdout=out, stderr=io.StringIO())

    report = out.getvalue()
    assert "record 2 (id no-name), name: required, missing" in report
    assert "record 3 (id 00000000-0000-4000-8000-000000000003), name: expected text, got list" in (
        report
    )
    assert "phones[0].number: not a valid phone number: '555'" in report
    assert "assured_date: not a date (YYYY-MM-DD): 'last spring'" in report
    assert "record 6 (id 00000000-0000-4000-8000-000000000001), id: the same id as record 1" in (
        report
    )
    assert "nothing will be imported" in report


@pytest.mark.django_db
def test_an_unreadable_file_says_why(directory, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{not json")
    with pytest.raises(CommandError, match="broken.json is not JSON"):
        run(path)
    with pytest.raises(CommandError, match="Only http and https"):
        run("ftp://example.org/services.json")
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_hsds", str(write(tmp_path, [service(1)])), "--locale", "xx", stdout=out
        )
    assert "the portal has no locale 'xx'" in out.getvalue()


@pytest.mark.django_db
def test_unknown_terms_are_reported_not_created(directory, tmp_path, food):
    attribute = {
        "id": "a1",
        "taxonomy_term": {"id": "t1", "code": "food", "name": "Food", "taxonomy": "other"},
    }
    unknown = {
        "id": "a2",
        "taxonomy_term": {"id": "t2", "code": "zz", "name": "Basket weaving", "taxonomy": "x"},
    }
    path = write(tmp_path, [service(1, attributes=[attribute, unknown])])

    out = run(path)

    page = ListingPage.objects.get()
    assert [need.slug for need in page.get_latest_revision_as_object().needs.all()] == ["food"]
    assert "unknown taxonomy term 'Basket weaving' (x): left out" in out


@pytest.mark.django_db
def test_a_matched_listing_gets_a_new_draft_and_its_live_version_stays(directory, tmp_path):
    live = GroupPageFactory(
        parent=directory, title="Pantry 1", website="https://pantry.example.org/"
    )
    SocialHandle.objects.create(page=live, platform="instagram", handle="@pantry")
    publish(live)
    path = write(tmp_path, [service(1, url="https://pantry.example.org", email="a@example.org")])

    out = run(path)

    assert "0 created, 1 updated" in out
    live.refresh_from_db()
    assert live.live and live.has_unpublished_changes
    assert live.email == ""  # the live page is unchanged
    draft = live.get_latest_revision_as_object()
    assert draft.email == "a@example.org"
    assert [handle.handle for handle in draft.social_handles.all()] == ["@pantry"]  # kept
    assert live.imported_record_id == "00000000-0000-4000-8000-000000000001"
    history = PageLogEntry.objects.filter(page=live).order_by("-timestamp")
    assert history[0].action == "wagtail.edit" and history[0].revision == live.latest_revision


@pytest.mark.django_db
def test_a_matched_listing_by_name_and_phone(directory, tmp_path):
    from directory.models import ListingPhone

    live = GroupPageFactory(parent=directory, title="Pantry 1")
    ListingPhone.objects.create(page=live, number="+12065550100", locale=live.locale)
    publish(live)
    path = write(tmp_path, [service(1, phones=[{"id": "p", "number": "(206) 555-0100"}])])

    assert "1 to update" in run(path, "--dry-run")


@pytest.mark.django_db
def test_an_editors_unpublished_changes_are_not_overwritten(directory, tmp_path):
    path = write(tmp_path, [service(1)])
    run(path)
    page = ListingPage.objects.get().specific
    # A second import saves on top of the importer's own draft...
    assert "0 created, 1 updated" in run(write(tmp_path, [service(1, email="b@example.org")]))
    # ...but not on top of an editor's.
    draft = page.get_latest_revision_as_object()
    draft.summary = "An editor's words"
    draft.save_revision()

    out = run(write(tmp_path, [service(1, email="c@example.org")]))

    assert "1 skipped" in out and "unpublished changes by an editor" in out
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().summary == "An editor's words"


@pytest.mark.django_db
def test_an_organization_is_matched_by_id_before_one_is_created(directory, tmp_path):
    org = OrganizationFactory(name="Pantry Collective")
    data = service(1, organization={"id": str(org.hsds_id), "name": "Another name"})

    out = run(write(tmp_path, [data]))

    assert "0 organization(s) created" in out
    assert ListingPage.objects.get().get_latest_revision_as_object().organization == org
