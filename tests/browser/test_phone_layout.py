"""Phone-first directory and search (issue 12): on a 390×844 screen the first result shows
without scrolling, the filters fold behind one control that names what is chosen, and the
search box keeps its width while suggestions show."""

from pathlib import Path

from playwright.sync_api import expect

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def test_first_listing_is_above_the_fold_on_directory_pages(demo_site, page):
    for url in [
        "/en/directory/",
        "/en/directory/get-help/",
        "/am/directory/needs/food/",
        "/vi/directory/give-help/",
    ]:
        page.goto(url)
        first = page.locator(".card-list .card__title").first
        expect(first, url).to_be_in_viewport(ratio=1)
        # The filters are folded: one control, and the result count is in sight.
        expect(page.locator(".filters-panel select").first, url).to_be_hidden()
        expect(page.locator(".result-count"), url).to_be_in_viewport(ratio=1)
        shoot(page, "phone-" + url.strip("/").replace("/", "-"))


def test_directory_filters_unfold_and_name_what_is_chosen(demo_site, page):
    page.goto("/en/directory/get-help/?need=food")
    summary = page.locator(".filters-panel__summary")
    expect(summary).to_contain_text("Food")
    expect(summary).to_be_in_viewport(ratio=1)
    summary.click()  # a <details>: no JavaScript involved
    expect(page.locator("select[name=need]")).to_be_visible()


def test_first_search_result_is_above_the_fold(demo_site, page):
    page.goto("/en/search/?q=food")
    expect(page.locator(".results .result h2").first).to_be_in_viewport(ratio=1)
    expect(page.locator(".result-count")).to_be_in_viewport(ratio=1)
    shoot(page, "phone-search-food")


def test_suggestions_do_not_squash_the_search_box(demo_site, page):
    page.goto("/en/search/")
    box = page.locator("#q")
    width = box.bounding_box()["width"]
    box.press_sequentially("food")
    expect(page.locator("#q-suggestions")).to_be_visible()
    assert box.bounding_box()["width"] == width
    shoot(page, "phone-search-suggestions")


def test_vietnamese_typed_without_accents_gets_suggestions(demo_site, page):
    """A phone keyboard without Vietnamese marks: "thuc" suggests the request form for food
    ("thực phẩm"), under a search box that keeps its width."""
    page.goto("/vi/search/")
    box = page.locator("#q")
    width = box.bounding_box()["width"]
    box.press_sequentially("thuc")
    first = page.locator("#q-suggestions a").first
    expect(first).to_contain_text("thực phẩm")
    expect(first).to_be_in_viewport(ratio=1)
    assert box.bounding_box()["width"] == width
    shoot(page, "phone-search-suggestions-vi")
