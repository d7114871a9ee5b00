"""Demo fixtures: the translator's small translated site (shared with the translation health
tests, which live beside that site in tests/translations). The demo itself, built by
`load_demo`, is a fixture of tests/conftest.py: `demo`, `full_demo` and `shared_demo`."""

from tests.translations.conftest import in_locale, sample_data, site_objects, translate, translated

__all__ = ["in_locale", "sample_data", "site_objects", "translate", "translated"]
