"""Opening hours: "open now" on Seattle's wall clock, across midnight, DST and holidays."""

from datetime import UTC, date, datetime

import pytest

from directory.factories import GroupPageFactory, HolidayFactory, OpeningHoursFactory
from directory.models.hours import CLOSED, OPEN
from tests.helpers import publish

MON, TUE, FRI, SAT, SUN = 0, 1, 4, 5, 6


def utc(*args):
    return datetime(*args, tzinfo=UTC)


@pytest.fixture
def listing(directory):
    return GroupPageFactory(parent=directory, title="Night pantry")


def test_no_hours_means_no_open_now(listing, client):
    assert listing.open_status(utc(2026, 3, 9, 18)) is None
    html = client.get(listing.url).content.decode()
    assert "Open now" not in html
    assert "Closed now" not in html


def test_range_across_midnight_belongs_to_the_day_it_starts(listing):
    OpeningHoursFactory(page=listing, weekday=FRI, opens="22:00", closes="02:00")
    # Friday 2026-03-13 and Saturday 2026-03-14, Los Angeles is UTC-7 (PDT).
    assert listing.open_status(utc(2026, 3, 14, 4, 30)) == CLOSED  # Fri 21:30
    assert listing.open_status(utc(2026, 3, 14, 5, 30)) == OPEN  # Fri 22:30
    assert listing.open_status(utc(2026, 3, 14, 8, 59)) == OPEN  # Sat 01:59
    assert listing.open_status(utc(2026, 3, 14, 9, 0)) == CLOSED  # Sat 02:00
    assert listing.open_status(utc(2026, 3, 15, 5, 30)) == CLOSED  # Sat 22:30: not a Friday


def test_spring_forward_uses_pacific_daylight_time(listing):
    OpeningHoursFactory(page=listing, weekday=SUN, opens="09:00", closes="17:00")
    # Sunday 2026-03-08: clocks go forward at 02:00, so 16:30 UTC is 09:30 PDT (open);
    # a fixed UTC-8 offset would say 08:30 (closed).
    assert listing.open_status(utc(2026, 3, 8, 16, 30)) == OPEN
    assert listing.open_status(utc(2026, 3, 8, 15, 30)) == CLOSED  # 08:30 PDT
    assert listing.open_status(utc(2026, 3, 9, 0, 30)) == CLOSED  # 17:30 PDT


def test_fall_back_uses_pacific_standard_time(listing):
    OpeningHoursFactory(page=listing, weekday=SUN, opens="09:00", closes="17:00")
    # Sunday 2026-11-01: clocks go back at 02:00, so 16:30 UTC is 08:30 PST (closed);
    # a UTC-7 offset would say 09:30 (open).
    assert listing.open_status(utc(2026, 11, 1, 16, 30)) == CLOSED
    assert listing.open_status(utc(2026, 11, 1, 17, 30)) == OPEN  # 09:30 PST
    assert listing.open_status(utc(2026, 11, 2, 0, 30)) == OPEN  # 16:30 PST
    assert listing.open_status(utc(2026, 11, 2, 1, 30)) == CLOSED  # 17:30 PST


def test_overnight_range_on_the_night_clocks_go_back(listing):
    OpeningHoursFactory(page=listing, weekday=SAT, opens="22:00", closes="03:00")
    # Saturday 2026-10-31 22:00 PDT to Sunday 03:00 PST; 10:30 UTC is 02:30 PST.
    assert listing.open_status(utc(2026, 11, 1, 10, 30)) == OPEN
    assert listing.open_status(utc(2026, 11, 1, 11, 30)) == CLOSED  # 03:30 PST


def test_several_ranges_a_day(listing):
    OpeningHoursFactory(page=listing, weekday=TUE, opens="09:00", closes="12:00")
    OpeningHoursFactory(page=listing, weekday=TUE, opens="14:00", closes="17:00")
    # Tuesday 2026-06-02, PDT.
    assert listing.open_status(utc(2026, 6, 2, 17)) == OPEN  # 10:00
    assert listing.open_status(utc(2026, 6, 2, 20)) == CLOSED  # 13:00
    assert listing.open_status(utc(2026, 6, 2, 22)) == OPEN  # 15:00


def test_closed_on_holidays(listing):
    OpeningHoursFactory(page=listing, weekday=MON, opens="09:00", closes="17:00")
    HolidayFactory(date=date(2026, 9, 7), name="Labor Day")
    labor_day_noon = utc(2026, 9, 7, 19)
    assert listing.open_status(labor_day_noon) == OPEN  # the listing has not opted in
    listing.closed_on_holidays = True
    listing.save()
    assert listing.open_status(labor_day_noon) == CLOSED
    assert listing.open_status(utc(2026, 9, 14, 19)) == OPEN


def test_page_shows_hours_and_open_now(listing, client):
    for day in range(7):  # open round the clock: "open now" whenever the test runs
        OpeningHoursFactory(page=listing, weekday=day, opens="00:00", closes="00:00")
    publish(listing, call_first=True)
    html = client.get(listing.url).content.decode()
    assert "Open now" in html
    assert "Monday" in html
    assert "Call before you go." in html
