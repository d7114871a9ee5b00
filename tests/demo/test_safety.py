"""`load_demo` fills an empty site only: on a site with any content, `make run` changes nothing.

The proof the trust issue asks for: build the demo, work on it as editors would (drafts, an
unpublished listing, a password, a new page, a Spanish draft, an accepted suggestion), run
`load_demo` again and compare the whole database, table by table.
"""

import io
import json

from django.core.management import call_command

from wagtail.models import Locale, Page

import pytest

from articles.models import ArticlePage
from directory.factories import GroupPageFactory, NeedFactory
from directory.models import DirectoryIndexPage, ListingPage
from suggestions.accept import accept_suggestion
from suggestions.factories import ListingSuggestionFactory
from tests.helpers import load_demo, publish, restrict

REFUSAL = "Demo not loaded, nothing was changed: {} (load_demo only fills an empty site).\n"


def whole_database():
    """Every row of every table Django knows (sessions aside), as `dumpdata` writes them."""
    out = io.StringIO()
    call_command("dumpdata", exclude=["sessions"], stdout=out)
    return json.loads(out.getvalue())


def test_loads_into_the_fresh_site_wagtail_migrations_leave(db):
    assert Page.objects.get(depth=2).title == "Welcome to your new Wagtail site!"
    assert load_demo("--no-translations").startswith("Demo content:")
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()


@pytest.mark.parametrize(
    ("prepare", "reason"),
    [
        ("home", "the site already has 1 page(s)"),
        ("edited_placeholder", "the site already has 1 page(s)"),
        ("need", "the site already has needs"),
    ],
)
def test_a_site_with_any_content_is_left_alone(request, db, prepare, reason):
    if prepare == "home":
        request.getfixturevalue("home")  # our home page, as the tests' other fixtures make it
    elif prepare == "edited_placeholder":
        placeholder = Page.objects.get(depth=2)
        publish(placeholder, title="Our site")
    else:
        NeedFactory(slug="food", name="Food")
    before = whole_database()
    printed = load_demo()
    assert whole_database() == before
    assert printed == REFUSAL.format(reason)


def act_as_editors(editor):
    """What editors do to a demo site in its first week; returns the pages that must stay hidden."""
    english, spanish = Locale.get_default(), Locale.objects.get(language_code="es")
    article = ArticlePage.objects.get(locale=english, slug="what-is-mutual-aid")
    article.summary = "An editor's draft, not yet published."
    article.save_revision(user=editor)

    unpublished = ListingPage.objects.get(locale=english, slug="seattle-volunteer-form").specific
    unpublished.unpublish(user=editor)

    restricted = ListingPage.objects.get(locale=english, slug="king-county-public-health-hotline")
    restrict(restricted, password="neighbours")

    directory = DirectoryIndexPage.objects.get(locale=english)
    never_published = GroupPageFactory(
        parent=directory, slug="new-group", title="A group not yet published", live=False
    )
    never_published.save_revision(user=editor)

    form_es = ListingPage.objects.get(locale=english, slug="seattle-request-support-form")
    form_es = form_es.get_translation(spanish).specific
    form_es.summary = "Borrador de una editora, aún sin publicar."
    form_es.save_revision(user=editor)

    accepted = accept_suggestion(ListingSuggestionFactory(name="Neighbourhood pantry"), editor)
    return [article, unpublished, never_published, form_es, accepted]


def test_a_second_run_on_a_site_editors_used_changes_nothing(full_demo, django_user_model):
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    hidden = act_as_editors(editor)
    live_before = set(Page.objects.live().values_list("pk", flat=True))
    before = whole_database()

    printed = load_demo()

    assert whole_database() == before
    assert printed == REFUSAL.format(f"the site already has {Page.objects.count() - 1} page(s)")
    assert set(Page.objects.live().values_list("pk", flat=True)) == live_before
    # No draft became live, in any language: what editors hid or have not published stays so.
    article, unpublished, never_published, form_es, accepted = hidden
    assert ArticlePage.objects.get(pk=article.pk).summary != "An editor's draft, not yet published."
    for page in [unpublished, never_published, accepted]:
        assert not Page.objects.get(pk=page.pk).live
    for page in [never_published, accepted]:
        assert not Page.objects.filter(translation_key=page.translation_key, live=True).exists()
    assert "Borrador" not in Page.objects.get(pk=form_es.pk).specific.summary
    assert Page.objects.get(pk=form_es.pk).has_unpublished_changes
