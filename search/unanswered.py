"""Counting searches that found nothing (search.models.UnansweredSearch).

Readers' words are personal data when they name someone, so only what an editor can act on
is kept: the normalised words, the language and a count. Text that looks like contact
details, very long text, and new words once the table is full (a bot typing random strings)
are not kept. Counting never fails a search: a database error is logged and the reader still
gets the page.
"""

import logging
import re

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import UnansweredSearch
from .text import words

logger = logging.getLogger(__name__)

MAX_WORDS = 8
MAX_LENGTH = UnansweredSearch._meta.get_field("text").max_length
# An e-mail address, or seven digits in a row once spaces, dots, dashes and brackets go.
LOOKS_LIKE_CONTACT = re.compile(r"@|\d{7,}")


def normalised(text):
    """Lower case words in single spaces, or "" when the text is not worth keeping."""
    found = words(text.casefold())
    kept = " ".join(found)
    if not found or len(found) > MAX_WORDS or len(kept) > MAX_LENGTH:
        return ""
    if LOOKS_LIKE_CONTACT.search(re.sub(r"[\s().\-]", "", text)):
        return ""
    return kept


def count(text, language):
    """Count one search for `text` in `language` that found nothing."""
    text = normalised(text)
    if not text:
        return
    try:
        try:
            with transaction.atomic():
                if _add_one(text, language):
                    return
                if UnansweredSearch.objects.count() >= settings.SEARCH_UNANSWERED_MAX_ROWS:
                    return
                UnansweredSearch.objects.create(text=text, language=language)
        except IntegrityError:  # another worker created the row meanwhile: count on it
            with transaction.atomic():
                _add_one(text, language)
    except DatabaseError:
        logger.warning("Could not count a search that found nothing", exc_info=True)


def _add_one(text, language):
    return UnansweredSearch.objects.filter(text=text, language=language).update(
        count=F("count") + 1, last_searched_on=timezone.localdate()
    )
