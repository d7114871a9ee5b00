"""What readers, editors and translators do, end to end, in a real browser.

Each journey builds the data it needs in a fixture (before the browser opens: see conftest)
and then uses only what a person sees: links, labels, buttons and headings.
"""

import re

from django.contrib.auth import get_user_model

from wagtail.models import Locale

import pytest
from playwright.sync_api import expect

from articles.factories import ArticleIndexPageFactory
from directory.factories import (
    DirectoryIndexPageFactory,
    ExternalFormPageFactory,
    GroupPageFactory,
    NeedFactory,
)
from directory.models import FormLink, Language
from home.factories import HomePageFactory
from tests.browser.chromium import choose_language, sign_in

pytestmark = pytest.mark.browser

SPANISH_FORM_URL = "https://forms.example.org/solicitud-de-apoyo"
EDITOR = {"username": "editor", "password": "a-long-test-password"}


def publish(page):
    page.save_revision().publish()
    return page


def translate(page, locale, **fields):
    """A published copy of `page` in `locale`, as wagtail-localize would make it."""
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    return publish(translation)


@pytest.fixture
def site_tree(browser_db, live_server):
    """A home page, a directory and an article index, in the default site, in English."""
    from wagtail.models import Page, Site

    for code in ["en", "es"]:
        Locale.objects.get_or_create(language_code=code)
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="portal-home")
    Site.objects.filter(is_default_site=True).update(root_page=home)
    directory = DirectoryIndexPageFactory(parent=home)
    articles = ArticleIndexPageFactory(parent=home)
    return {"home": home, "directory": directory, "articles": articles}


@pytest.fixture
def spanish_request_form(site_tree):
    """The request-support form, listed in English and Spanish, with a link to its Spanish form."""
    spanish = Locale.objects.get(language_code="es")
    food = NeedFactory(slug="food", name="Food")
    form = ExternalFormPageFactory(
        parent=site_tree["directory"],
        title="Request support form",
        slug="request-support-form",
        summary="Ask neighbours for groceries and supplies.",
        direction="get",
        needs=[food],
    )
    language = Language.objects.create(
        code="es", name="Spanish", native_name="Español", locale=Locale.get_default()
    )
    FormLink.objects.create(page=form, language=language, url=SPANISH_FORM_URL)
    publish(form)
    translate(
        site_tree["home"],
        spanish,
        title="Ayuda mutua en el condado de King",
        get_help_title="Pedir ayuda",
        give_help_title="Dar ayuda",
    )
    translate(site_tree["directory"], spanish, title="Directorio")
    translate(
        form,
        spanish,
        title="Formulario para pedir apoyo",
        summary="Pida a sus vecinos comida y artículos básicos.",
    )


def test_reader_finds_the_request_support_form_in_spanish(spanish_request_form, page):
    page.goto("/en/")
    choose_language(page, "español")
    expect(page.locator("html")).to_have_attribute("lang", "es")

    page.get_by_role("link", name=re.compile("Pedir ayuda")).click()
    page.get_by_role("link", name="Formulario para pedir apoyo").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Formulario para pedir apoyo")
    form_link = page.get_by_role("main").get_by_role("link", name="Español")
    expect(form_link).to_have_attribute("href", SPANISH_FORM_URL)
    expect(form_link).to_have_attribute("hreflang", "es")


@pytest.fixture
def listings_for_two_needs(site_tree):
    food = NeedFactory(slug="food", name="Food")
    masks = NeedFactory(slug="masks", name="Masks")
    directory = site_tree["directory"]
    for title, need in [
        ("Neighbourhood grocery runs", food),
        ("Neighbourhood pantry shelf", food),
        ("Neighbourhood mask sewing circle", masks),
    ]:
        publish(GroupPageFactory(parent=directory, title=title, needs=[need]))


def test_reader_narrows_search_results_to_one_need(listings_for_two_needs, page):
    page.goto("/en/search/")
    page.get_by_label("What do you need, or want to offer?").fill("neighbourhood")
    page.get_by_role("search").get_by_role("button", name="Search").click()
    results = page.locator("main ol").get_by_role("heading")
    # Any order: the three are equally relevant.
    expect(results).to_have_count(3)
    assert sorted(results.all_inner_texts()) == [
        "Neighbourhood grocery runs",
        "Neighbourhood mask sewing circle",
        "Neighbourhood pantry shelf",
    ]

    facets = page.get_by_role("complementary", name="Narrow the results")
    facets.get_by_text("Filters").click()  # on a phone the facets are folded
    facets.get_by_role("link", name=re.compile("Food")).click()

    expect(facets.locator("summary")).to_contain_text("Food")  # the choice stays in sight
    facets.get_by_text("Filters").click()
    expect(facets.get_by_role("link", name=re.compile("Food"))).to_have_attribute(
        "aria-current", "true"
    )
    expect(results).to_have_count(2)
    assert sorted(results.all_inner_texts()) == [
        "Neighbourhood grocery runs",
        "Neighbourhood pantry shelf",
    ]
    expect(page.get_by_label("What do you need, or want to offer?")).to_have_value("neighbourhood")


@pytest.fixture
def editor(site_tree, settings):
    # Wagtail 8 autosaves a draft half a second after each change, which turns the create form
    # into an edit form mid-journey; off, the journey is the same on a fast or a loaded machine.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    get_user_model().objects.create_superuser(email="editor@example.org", **EDITOR)
    return site_tree["articles"]


def log_in(page):
    sign_in(page, EDITOR["username"], EDITOR["password"])


def open_menu(toggle):
    """Open one of the admin's dropdown menus. Its script marks the toggle `aria-expanded` once
    it has started; a click before that is lost on a slow machine, so wait for it first."""
    expect(toggle).to_have_attribute("aria-expanded", "false")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")


def test_editor_publishes_an_article_and_finds_it_in_search(editor, desktop_page):
    page = desktop_page
    log_in(page)
    page.goto(f"/admin/pages/add/articles/articlepage/{editor.pk}/")
    # The slug (on the Promote tab) is filled from the title by the editor's script when the
    # title changes, i.e. when the editor leaves the field: leave it, and wait for the slug, or
    # the form may be refused ("This field is required").
    page.wait_for_load_state("networkidle")
    title = page.get_by_role("textbox", name=re.compile("^Title"))
    title.fill("Tool libraries in Kent")
    title.press("Tab")
    expect(page.locator("#id_slug")).to_have_value("tool-libraries-in-kent")
    page.get_by_label(re.compile("^Summary")).fill("Borrow a drill, lend a ladder.")
    page.get_by_role("combobox", name=re.compile("Kind")).select_option(label="How-to")
    page.get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name=re.compile("Paragraph")).first.click()
    # Draftail, the rich text editor: a contenteditable box that takes typing, not fill().
    paragraph = page.locator("[contenteditable='true']").first
    paragraph.click()
    page.keyboard.type("Neighbours in Kent share power tools from a garage, one evening a week.")
    expect(paragraph).to_contain_text("one evening a week.")
    # Draftail writes what was typed into the form's hidden input a moment later (it debounces
    # its saves): a Publish click before that submits an empty paragraph, which is refused.
    expect(page.locator("input[name='body-0-value']")).to_have_value(
        re.compile("one evening a week")
    )
    open_menu(page.get_by_role("button", name="More actions"))
    page.get_by_role("button", name="Publish").click()
    # Wagtail returns to the article index's listing once the page is live, and says so. If it
    # refuses the form it says why instead: wait for either, so a refusal fails at once, readably.
    published = page.get_by_text("Page 'Tool libraries in Kent' created and published.")
    refused = page.locator(".messages .error, :not([hidden]):is(.error-message, .help-critical)")
    expect(published.or_(refused).first).to_be_visible()
    assert not refused.count(), refused.all_inner_texts()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{editor.pk}/$"))

    page.goto("/en/search/?q=tool+libraries")
    page.get_by_role("link", name="Tool libraries in Kent").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tool libraries in Kent")


def test_translator_opens_the_translation_editor(editor, desktop_page):
    page = desktop_page
    log_in(page)
    page.goto(f"/admin/pages/{editor.pk}/edit/")
    open_menu(page.get_by_role("button", name="Actions", exact=True))
    page.get_by_role("link", name="Translate").click()
    page.wait_for_url(re.compile(r"/admin/localize/submit/page/\d+/"))
    page.get_by_label(re.compile("Spanish|español", re.IGNORECASE)).check()
    page.get_by_role("button", name="Submit").click()

    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    expect(page).to_have_title(re.compile("Translation of .* into Spanish"))
