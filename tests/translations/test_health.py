"""The translation health report editors use: status per page/snippet and language."""

import csv
import io
import re

from django.urls import reverse

import pytest

from tests.helpers import publish
from translations.models import ReviewFlag

pytestmark = pytest.mark.django_db


def report(query=""):
    return reverse("translation_health") + query


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.invalid", "pw")
    client.force_login(user)
    return client


def status(html, title, code):
    row = html[html.index(f">{title}</a></th>") :]
    row = row[: row.index("</tr>")]
    return re.search(rf'data-locale="{code}" data-status="(\w+)"', row).group(1)


def summary_of(html):
    return html[html.index('id="translation-summary"') : html.index('id="translation-health"')]


def test_report_shows_translated_missing_and_flagged(translated, editor_client):
    response = editor_client.get(report())
    assert response.status_code == 200
    html = response.content.decode()
    assert status(html, "Volunteer form", "es") == "translated"
    assert status(html, "Neighbours group", "am") == "missing"
    assert status(html, "Neighbours group", "vi") == "missing"
    assert "Flagged: Machine-assisted: needs a fluent reviewer" in html
    group = translated["group"]  # the "translate" link of its missing Amharic cell
    assert reverse("wagtail_localize:submit_page_translation", args=[group.pk]) in html


def test_editing_the_english_marks_translations_out_of_date(translated, editor_client):
    form = translated["form"]
    publish(form, summary="Sign up to deliver groceries on Saturdays.")
    html = editor_client.get(report()).content.decode()
    assert status(html, "Volunteer form", "es") == "outdated"
    assert status(html, "Neighbours group", "es") == "translated"


def test_filters_narrow_the_report_and_ignore_nonsense(translated, editor_client):
    html = editor_client.get(report("?locale=am&status=missing"))
    html = html.content.decode()
    assert "Neighbours group" in html and "Volunteer form" not in html
    odd = editor_client.get(report("?locale=xx&status=nope"))
    assert odd.status_code == 200 and "Volunteer form" in odd.content.decode()


def test_a_language_filter_shows_one_column_and_its_summary(translated, editor_client):
    html = editor_client.get(report("?locale=es")).content.decode()
    assert 'data-locale="es"' in html and 'data-locale="am"' not in html
    assert "Spanish" in summary_of(html) and "Amharic" not in summary_of(html)


def test_the_status_filter_narrows_rows_not_the_summary(translated, editor_client):
    everything = editor_client.get(report()).content.decode()
    flagged = editor_client.get(report("?status=flagged")).content.decode()
    assert summary_of(flagged) == summary_of(everything)
    assert "Volunteer form" in flagged  # its Amharic translation is machine-assisted
    assert ">Welcome to your new Wagtail site!</a>" in everything  # never translated...
    assert ">Welcome to your new Wagtail site!</a>" not in flagged  # ...so never flagged


def test_the_filtered_results_refresh_on_their_own(translated, editor_client):
    """Wagtail's filter drawer reloads only the results: that view answers too."""
    html = editor_client.get(reverse("translation_health_results") + "?locale=am&status=missing")
    html = html.content.decode()
    assert "<html" not in html
    assert status(html, "Neighbours group", "am") == "missing"
    assert "Volunteer form" not in html


def test_export_has_a_column_per_language_with_status_and_flags(translated, editor_client):
    response = editor_client.get(report("?export=csv"))
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert response["Content-Disposition"] == 'attachment; filename="translation-health.csv"'
    form = next(row for row in rows if row["Page or snippet"] == "Volunteer form")
    assert form["Spanish"] == "Translated"
    assert form["Amharic"].startswith("Translated; Machine-assisted")
    group = next(row for row in rows if row["Page or snippet"] == "Neighbours group")
    assert group["Vietnamese"] == "Missing" and group["Type"] == "Mutual-aid group"

    xlsx = editor_client.get(report("?locale=am&status=missing&export=xlsx"))
    assert xlsx["Content-Disposition"].endswith('filename="translation-health.xlsx"')
    assert b"".join(xlsx.streaming_content).startswith(b"PK")  # a zip: an .xlsx workbook


def test_review_flags_are_listed_in_the_admin_and_cannot_be_typed_in(translated, editor_client):
    flags = ReviewFlag.objects.all()
    assert flags.count() > 0
    listing = editor_client.get(reverse("translations_review_flag:index")).content.decode()
    assert "Machine-assisted" in listing
    for flag in flags:
        assert reverse("translations_review_flag:edit", args=[flag.pk]) in listing
    add = reverse("translations_review_flag:add")
    assert add not in listing  # no "Add" button...

    refused = editor_client.get(add, follow=True)  # ...and typing its address is refused
    assert "Sorry, you do not have permission to access this area." in refused.content.decode()
    assert refused.redirect_chain[-1][0] == reverse("wagtailadmin_home")
    assert 'name="reason"' not in refused.content.decode()
