"""The printable directory: filtered by need or area, on one plain page."""

import pytest

from directory.factories import AreaFactory, GroupPageFactory, HotlinePageFactory


@pytest.fixture
def listings(directory, food):
    seattle = AreaFactory(slug="seattle", name="Seattle")
    return [
        GroupPageFactory(
            parent=directory, title="Pantry", needs=[food], areas=[seattle], phone="206 555 0100"
        ),
        HotlinePageFactory(parent=directory, title="Health line"),
    ]


def test_print_by_need(client, directory, listings):
    response = client.get(directory.url + "print/?need=food")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Pantry" in html and "Voice calls: (206) 555-0100" in html
    assert "Health line" not in html
    assert "· Food" in html  # the heading says what the flyer is about
    assert "print.css" in html
    assert 'class="site-nav"' not in html  # no navigation on paper


def test_print_by_area_and_everything(client, directory, listings):
    assert "Health line" not in client.get(directory.url + "print/?area=seattle").content.decode()
    html = client.get(directory.url + "print/").content.decode()
    assert "Pantry" in html and "Health line" in html


def test_need_page_links_to_its_printable_list(client, directory, listings):
    html = client.get(directory.url + "needs/food/").content.decode()
    assert "print/?need=food" in html
