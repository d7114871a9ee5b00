import json
from pathlib import Path

import pytest

from directory.factories import (
    AreaFactory,
    ExternalFormPageFactory,
    GroupPageFactory,
    HotlinePageFactory,
    LanguageFactory,
    OpeningHoursFactory,
    OrganizationFactory,
    ResourcePageFactory,
)
from directory.models import ListingPhone, PhoneType
from tests.helpers import publish

# Open Referral's schema, vendored with the app (opendata/hsds_spec/README.md).
HSDS = Path(__file__).resolve().parent.parent.parent / "opendata" / "hsds_spec" / "schema"


@pytest.fixture(scope="session")
def service_schema():
    return json.loads((HSDS / "service_with_definitions.json").read_text())


@pytest.fixture
def catalogue(directory, food, spanish):
    """One listing of each type, one with everything filled in."""
    seattle = AreaFactory(slug="seattle", name="Seattle", description="The city of Seattle.")
    english = LanguageFactory(code="en", name="English", native_name="English")
    org = OrganizationFactory(name="Pantry Collective", website="https://pantry.example.org/")
    pantry = GroupPageFactory(
        parent=directory,
        title="Pantry",
        needs=[food],
        areas=[seattle],
        languages=[english, spanish],
        organization=org,
        website="https://pantry.example.org/",
        email="hello@pantry.example.org",
        phone="206 555 0100",
        description="<p>First.</p><p>Second.</p>",
        call_first=True,
    )
    OpeningHoursFactory(page=pantry, weekday=4, opens="22:00", closes="02:00")
    publish(pantry)
    return {
        "pantry": pantry,
        "hotline": HotlinePageFactory(
            parent=directory,
            title="Health line",
            languages=[spanish],
            phones=[
                ListingPhone(
                    number="206 555 0101", label="Nurse line", languages=[english, spanish]
                ),
                ListingPhone(number="(206) 555-0102", phone_type=PhoneType.TEXTPHONE),
            ],
        ),
        "form": ExternalFormPageFactory(parent=directory, title="Request form", needs=[food]),
        "fund": ResourcePageFactory(parent=directory, title="Survival fund"),
    }
