"""Who can use a listing, what it costs, what to bring, accessibility (issue 12, section 3):
shown on the listing only when known, "no ID needed" said plainly beside the primary action,
badges on cards, and "Free" / "No ID needed" filters on the directory, search and the API.

Every number is a fictional 555-01xx one and every address is at example.org.
"""

import re

from django.urls import reverse
from django.utils import translation

import pytest

from directory.factories import GroupPageFactory
from tests.helpers import translate

CARD_START = re.compile(r'<li class="(?:card|result) ')


@pytest.fixture
def pantry(directory):
    return GroupPageFactory(
        parent=directory,
        title="Beacon pantry",
        summary="Groceries for anyone who asks.",
        description="<p>Volunteers pack bags every week.</p>",
        phone="206 555 0150",
        audience="Anyone in Beacon Hill who needs groceries",
        cost="free",
        cost_details="Donations welcome, never asked for",
        documents="none",
        documents_details="Bring a bag if you have one",
        accessibility="Step-free entrance; bags carried to your car on request",
    )


@pytest.fixture
def clinic(directory):
    return GroupPageFactory(
        parent=directory,
        title="Beacon clinic",
        summary="A nurse answers questions about your health.",
        phone="206 555 0151",
        cost="sliding_scale",
        cost_details="Pay what you can, from $5",
        documents="required",
        documents_details="Proof of address in King County, in any language",
    )


@pytest.fixture
def unknown(directory):
    return GroupPageFactory(
        parent=directory,
        title="Beacon tool library",
        summary="Tools to borrow.",
        phone="206 555 0152",
    )


def card(html, title):
    """The HTML of the directory card or search result whose title is `title`."""
    starts = [m.start() for m in CARD_START.finditer(html)] + [html.index("</main>")]
    at = html.index(f">{title}</a>")
    return html[max(s for s in starts if s < at) : min(s for s in starts if s > at)]


def eligibility_section(html):
    start = html.index('<section class="eligibility"')
    return html[start : html.index("</section>", start)]


def test_listing_says_who_can_use_it_what_it_costs_and_what_to_bring(client, clinic):
    section = eligibility_section(client.get(clinic.url).content.decode())

    assert "<h2" in section and "Who can use it and what to bring" in section
    assert "<dt>What it costs</dt>" in section
    assert "<strong>Sliding scale</strong><br>Pay what you can, from $5" in section
    assert "<dt>What to bring</dt>" in section
    assert (
        "<strong>Documents required</strong><br>Proof of address in King County, in any language"
    ) in section
    assert "Who can use it</dt>" not in section  # no audience given: not made up
    assert "Accessibility" not in section


def test_no_id_needed_is_said_plainly_beside_the_primary_action(client, pantry):
    html = client.get(pantry.url).content.decode()

    call = html.index('href="tel:+12065550150"')
    no_id = html.index('<li class="access-badge">No ID or documents needed</li>')
    free = html.index('<li class="access-badge">Free of charge</li>')
    assert call < no_id < free < html.index("Volunteers pack bags every week.")
    section = eligibility_section(html)
    assert "<dd>Anyone in Beacon Hill who needs groceries</dd>" in section
    assert "<strong>Free of charge</strong><br>Donations welcome, never asked for" in section
    assert "<strong>No ID or documents needed</strong><br>Bring a bag if you have one" in section
    assert "Step-free entrance; bags carried to your car on request" in section


def test_a_listing_with_nothing_known_says_nothing_about_it(client, unknown):
    html = client.get(unknown.url).content.decode()

    assert 'class="eligibility"' not in html
    assert "access-badge" not in html
    assert "No ID" not in html and "Free" not in html


def test_shown_in_a_translation(client, locales, directory, pantry):
    translate(directory, "es", copy_parents=True)
    spanish = translate(
        pantry,
        "es",
        title="Despensa Beacon",
        audience="Cualquier persona de Beacon Hill que necesite comida",
        documents_details="Traiga una bolsa si tiene una",
        accessibility="Entrada sin escalones",
    )

    html = client.get(spanish.url).content.decode()

    with translation.override("es"):
        no_id = translation.gettext("No ID or documents needed")
        free = translation.gettext("Free of charge")
        heading = translation.gettext("Who can use it and what to bring")
    assert free == "Gratis"  # the cost's label comes from the catalogue
    assert f'<li class="access-badge">{no_id}</li>' in html
    section = eligibility_section(html)
    assert heading in section
    assert "<dd>Cualquier persona de Beacon Hill que necesite comida</dd>" in section
    assert f"<strong>{no_id}</strong><br>Traiga una bolsa si tiene una" in section
    assert "Entrada sin escalones" in section
    assert "Bring a bag" not in html
    assert spanish.documents == "none" and spanish.cost == "free"  # synchronized


def test_directory_cards_badge_free_and_no_id_only_when_known(
    client, directory, pantry, clinic, unknown
):
    html = client.get(directory.url).content.decode()

    badges = card(html, "Beacon pantry")
    assert '<li class="access-badge">No ID needed</li>' in badges
    assert '<li class="access-badge">Free</li>' in badges
    assert "access-badge" not in card(html, "Beacon clinic")  # sliding scale, papers
    assert "access-badge" not in card(html, "Beacon tool library")


def test_directory_filters_free_and_no_id_needed(client, directory, pantry, clinic, unknown):
    html = client.get(directory.url + "?documents=none").content.decode()

    assert '<select name="documents">' in html
    assert '<option value="none" selected>No ID or documents needed</option>' in html
    assert "Beacon pantry" in html
    assert "Beacon clinic" not in html and "Beacon tool library" not in html

    html = client.get(directory.url + "?cost=free").content.decode()
    assert "Beacon pantry" in html and "Beacon clinic" not in html


def test_print_view_filters_by_documents(client, directory, pantry, clinic):
    url = directory.url + directory.reverse_subpage("print") + "?documents=required"
    html = client.get(url).content.decode()

    assert "Beacon clinic" in html and "Beacon pantry" not in html


def test_print_view_says_no_id_needed_and_free(client, directory, pantry, unknown):
    url = directory.url + directory.reverse_subpage("print")
    html = client.get(url).content.decode()

    pantry_entry = html[
        html.index("Beacon pantry") : html.index("</li>", html.index("Beacon pantry"))
    ]
    assert "<strong>No ID or documents needed · Free of charge</strong>" in pantry_entry
    library = html[html.index("Beacon tool library") :]
    assert "No ID" not in library[: library.index("</li>")]


def test_search_filters_counts_and_badges(client, locales, pantry, clinic, unknown):
    html = client.get("/en/search/", {"q": "beacon"}).content.decode()

    assert '<li class="access-badge">No ID needed</li>' in card(html, "Beacon pantry")
    assert '<li class="access-badge">Free</li>' in card(html, "Beacon pantry")
    assert "access-badge" not in card(html, "Beacon tool library")
    assert "documents=none" in html and "No ID or documents needed</a>" in html

    html = client.get("/en/search/", {"q": "beacon", "documents": "none"}).content.decode()
    assert "Beacon pantry" in html
    assert "Beacon clinic" not in html and "Beacon tool library" not in html

    answer = client.get("/api/v1/search/", {"q": "beacon", "cost": "free"}).json()
    assert [result["title"] for result in answer["results"]] == ["Beacon pantry"]
    assert {"value": "none", "label": "No ID or documents needed", "count": 1} in answer["facets"][
        "documents"
    ]


def test_search_refuses_an_unknown_documents_value(client, locales, pantry):
    answer = client.get("/api/v1/search/", {"q": "beacon", "documents": "passport"})

    assert answer.status_code == 400
    assert "is not a known value for this filter" in answer.json()["errors"]["documents"][0]


def test_open_data_api_filters_by_documents(client, pantry, clinic, unknown):
    url = reverse("opendata:listings")
    names = [s["name"] for s in client.get(url, {"documents": "none"}).json()["contents"]]

    assert names == ["Beacon pantry"]
