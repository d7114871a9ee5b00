# Tigrinya: the same as Amharic (Gregorian dates in figures, day first, no month names, which
# Django's catalogues lack in both languages).
from portal.formats.am.formats import *  # noqa: F403
