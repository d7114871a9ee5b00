"""Language metadata Django lacks.

Django ships no metadata for Amharic or Tigrinya, so `get_language_info("ti")` (used by the
language switcher and the admin) would fail. We register both here, names in their own script.
"""

from django.conf.locale import LANG_INFO

EXTRA_LANG_INFO = {
    "am": {"bidi": False, "code": "am", "name": "Amharic", "name_local": "አማርኛ"},
    "ti": {"bidi": False, "code": "ti", "name": "Tigrinya", "name_local": "ትግርኛ"},
}


def register_language_info():
    for code, info in EXTRA_LANG_INFO.items():
        LANG_INFO.setdefault(code, info)
