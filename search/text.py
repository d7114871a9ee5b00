"""Text helpers shared by both backends: folding, words, and highlighting for the database path."""

import re
import unicodedata
from html import unescape

from django.utils.html import escape, strip_tags

WORD = re.compile(r"\w+", re.UNICODE)
MARKED = re.compile(r"<mark>(.*?)</mark>")
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


def term_key(term):
    """(what a highlighted word is compared with, whether to fold the word first): a term
    with no accents of its own matches words with any accents, one with accents only them."""
    folded = fold(term)
    plain = unicodedata.normalize("NFC", term).casefold()
    return (folded, True) if folded == plain else (plain, False)


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

    A word matches when it starts with a term ("meals" lights up for "meal"). A term typed
    without accents matches accented words ("thuc" lights up "thực"); a term with accents
    matches those accents only: "đồ ăn" marks "đồ ăn", never "do" or "đỡ", which fold the
    same way but are other words. Returns "" when nothing matches.
    """
    keys = {term_key(t) for term in terms for t in words(term)}
    keys = {(key, folded) for key, folded in keys if key}
    if not text or not keys:
        return ""

    def matches(word):
        forms = {True: fold(word), False: word.casefold()}
        return any(
            forms[folded] == key or (len(key) >= MIN_PREFIX and forms[folded].startswith(key))
            for key, folded in keys
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


def unmark_other_accents(fragment, terms):
    """A highlighted fragment (escaped HTML with <mark>s, as the cluster returns it) with the
    marks taken off words that only fold like an accented term: the cluster matches "đồ" with
    "đỡ" (both fold to "do"), but the reader asked for "đồ". Marks it made for other reasons
    (stems, synonyms, typos) stay."""
    keys = {term_key(t) for term in terms for t in words(term)}
    accented = {fold(key) for key, folded in keys if key and not folded}
    if not accented:
        return fragment

    def matched(word):
        folded, plain = fold(word), word.casefold()
        return any(
            (folded if fold_word else plain) == key
            or (len(key) >= MIN_PREFIX and (folded if fold_word else plain).startswith(key))
            for key, fold_word in keys
        )

    def check(mark):
        word = unescape(mark.group(1))
        if fold(word) in accented and not matched(word):
            return mark.group(1)
        return mark.group(0)

    return MARKED.sub(check, fragment)
