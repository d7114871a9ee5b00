"""The demo translator's small translated site is shared with the translation health tests."""

from tests.i18n.conftest import in_locale, sample_data, site_objects, translate, translated

__all__ = ["in_locale", "sample_data", "site_objects", "translate", "translated"]
