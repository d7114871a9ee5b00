"""The hotlines every directory page shows are kept between requests (home/site_structure.py):
an editor's change still shows on the next page read."""

from directory.factories import GroupPageFactory, HotlinePageFactory
from tests.helpers import publish, restrict


def test_a_changed_hotline_shows_on_the_next_read(client, directory):
    hotline = HotlinePageFactory(parent=directory, title="Crisis line", phone="206-555-0100")
    group = GroupPageFactory(parent=directory, title="Pantry")
    assert "Crisis line" in client.get(group.url).content.decode()

    publish(hotline, title="Crisis Connections")
    html = client.get(directory.url).content.decode()
    assert "Crisis Connections" in html and "Crisis line" not in html

    restrict(hotline)
    assert "Crisis Connections" not in client.get(group.url).content.decode()


def test_a_hotline_is_left_out_of_its_own_page(client, directory):
    hotline = HotlinePageFactory(parent=directory, title="Crisis line")
    HotlinePageFactory(parent=directory, title="Food line")
    assert "Crisis line" in hotlines_section(client.get(directory.url))

    listed = hotlines_section(client.get(hotline.url))  # the same cached list, minus itself
    assert "Food line" in listed and "Crisis line" not in listed


def hotlines_section(response):
    html = response.content.decode()
    start = html.index('<section class="hotlines')  # the full list, or the names only
    return html[start : html.index("</section>", start)]
