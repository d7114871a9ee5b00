"""Demo fixtures: the demo built by `load_demo`, and the translator's small translated site
(shared with the translation health tests, which live beside that site in tests/translations)."""

import io

from django.core.management import call_command

import pytest

from tests.translations.conftest import in_locale, sample_data, site_objects, translate, translated

__all__ = ["in_locale", "sample_data", "site_objects", "translate", "translated"]


def load_demo(*args):
    """Run `load_demo`; return what it printed."""
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def demo(db):
    """The English demo: what most tests need, without the slower translation step."""
    load_demo("--no-translations")


@pytest.fixture
def full_demo(db):
    """The demo in the five languages."""
    load_demo()
