"""The CSV export never hands a spreadsheet a formula (OWASP: CSV injection)."""

import csv
import io

import pytest

from directory.factories import GroupPageFactory
from opendata.tabular import neutralized

FORMULA = '=HYPERLINK("http://x","y")'


def csv_rows(client):
    response = client.get("/open-data/directory.csv")
    assert response["Content-Type"].startswith("text/csv")
    return response.content.decode(), list(csv.DictReader(io.StringIO(response.content.decode())))


def test_formula_title_is_exported_as_text(client, directory):
    GroupPageFactory(parent=directory, title=FORMULA, description="<p>@SUM(1+1)</p>")
    text, (row,) = csv_rows(client)
    assert row["name"] == "'" + FORMULA
    # Every cell is quoted, quotes inside doubled: the raw line a spreadsheet parses.
    assert '"\'=HYPERLINK(""http://x"",""y"")"' in text
    assert not any(value.startswith(("=", "+", "-", "@")) for value in row.values())


def test_json_export_keeps_the_title_as_written(client, directory):
    GroupPageFactory(parent=directory, title=FORMULA)
    (service,) = client.get("/open-data/directory.json").json()["services"]
    assert service["name"] == FORMULA


def test_ordinary_values_are_unchanged(client, directory):
    GroupPageFactory(parent=directory, title="Rainier Valley Pantry", phone="206 555 0100")
    _text, (row,) = csv_rows(client)
    assert (row["name"], row["phone"]) == ("Rainier Valley Pantry", "(206) 555-0100")


@pytest.mark.parametrize(
    "value",
    ["=1+1", "+1 206 555 0100", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"],
)
def test_every_formula_trigger_is_prefixed(value):
    assert neutralized(value) == "'" + value


@pytest.mark.parametrize("value", ["Food", "a=b", "", "2026-01-01", 42])
def test_other_values_pass_through(value):
    assert neutralized(value) == str(value)
