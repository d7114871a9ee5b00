"""Text helpers shared by both backends: folding, words, and highlighting for the database path."""

import re
import unicodedata
from html import unescape

from django.utils.html import escape, strip_tags

WORD = re.compile(r"\w+", re.UNICODE)
BLOCK_END = re.compile(r"</(p|li|h\d)>|<br\s*/?>")
# Letters that Unicode does not decompose into base letter + mark, folded by hand.
EXTRA_FOLDS = str.maketrans({"đ": "d", "Đ": "d", "ø": "o", "ł": "l", "ß": "ss"})
MIN_PREFIX = 3  # shorter words must match whole: "a" must not light up every word


def fold(text):
    """Lower case without diacritics, so "Thực Phẩm" and "thuc pham" compare equal.

    Ge'ez syllables have no decomposition, so Amharic and Tigrinya pass through unchanged.
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(EXTRA_FOLDS))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).casefold()


def words(text):
    return WORD.findall(text)


def plain_text(html):
    """Rich text as one line of plain text, for indexes, excerpts and exports.

    Block ends become spaces ("<p>Food</p><p>Rent</p>" is "Food Rent", not "FoodRent") and
    entities are decoded, so the text is escaped once, where it is shown.
    """
    spaced = BLOCK_END.sub(" ", html or "")
    return " ".join(unescape(strip_tags(spaced)).split())


def highlight(text, terms, length=200):
    """An escaped excerpt of `text` around the first match, matches wrapped in <mark>.

    A word matches when its folded form starts with a folded term (so "meals" lights up for
    "meal", "thực" for "thuc"). Returns "" when nothing matches.
    """
    folded_terms = {fold(t) for term in terms for t in words(term)}
    folded_terms = {t for t in folded_terms if t}
    if not text or not folded_terms:
        return ""

    def matches(word):
        folded = fold(word)
        return any(
            folded == term or (len(term) >= MIN_PREFIX and folded.startswith(term))
            for term in folded_terms
        )

    spans = [m.span() for m in WORD.finditer(text) if matches(m.group())]
    if not spans:
        return ""
    start = max(0, spans[0][0] - length // 4)
    if start:  # begin at a word boundary
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < spans[0][0] else start
    end = min(len(text), start + length)
    out, cursor = [], start
    for s, e in spans:
        if s < start or e > end:
            continue
        out.append(escape(text[cursor:s]))
        out.append(f"<mark>{escape(text[s:e])}</mark>")
        cursor = e
    out.append(escape(text[cursor:end]))
    prefix = "…" if start else ""
    suffix = "…" if end < len(text) else ""
    return prefix + "".join(out) + suffix
