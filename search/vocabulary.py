"""Words of SQLite's index that a reader's word stands for, though spelled otherwise (issue 13).

FTS5 matches whole tokens as they are: no stemming, no typo tolerance. The cluster has both
(stemmers, fuzziness); here the index's own vocabulary (an `fts5vocab` table over Wagtail's
FTS5 table) is asked which of its words a reader's word may mean:

- a Ge'ez word: the index's words with the same stem (search/geez.py): "ምግቦች" finds "ምግብ",
  "ወለንተኛ" finds "ብወለንታ" and "ወለንታውያን";
- another word: its plural or singular by a light Spanish and English rule, when the index
  has it: "mascarilla" finds "mascarillas", "masks" finds "mask";
- a word the index does not hold at all (nor any accented spelling of it), four letters or
  more: the index's closest words of the same first letter and about the same length
  (difflib, ratio 0.8): "volunter" finds "volunteer". A word the index holds is never
  "corrected", so a rare word keeps its own few results.

Each costs a few range reads of the vocabulary, which is ordered by word.
"""

import difflib

from django.db import connection

from home.request_memo import remember

from . import geez
from .fts_common import entry_table
from .spellings import vietnamese_spellings
from .text import fold

TYPO_MIN_LENGTH = 4
TYPO_CUTOFF = 0.8
TYPO_MATCHES = 3
VOWELS = "aeiouáéíóú"


def vocabulary_table():
    """The vocabulary of the index's FTS5 table, made once per connection (a temp table)."""

    def create():
        fts = f"{entry_table()}_fts"
        with connection.cursor() as cursor:
            cursor.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{fts}_vocab "
                f"USING fts5vocab(main, '{fts}', 'row')"
            )
        return f"temp.{fts}_vocab"

    return remember("sqlite-fts5-vocabulary", create)


def known(terms):
    """The `terms` the index holds."""
    terms = list(dict.fromkeys(terms))
    if not terms:
        return set()
    marks = ", ".join(["%s"] * len(terms))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT term FROM {vocabulary_table()} WHERE term IN ({marks})", terms)
        return {row[0] for row in cursor.fetchall()}


def starting_with(prefix):
    """The index's words that start with `prefix` (a range read: the vocabulary is sorted)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT term FROM {vocabulary_table()} WHERE term >= %s AND term < %s",
            [prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)],
        )
        return [row[0] for row in cursor.fetchall()]


def same_stem(word):
    """The index's Ge'ez words with the stem of `word`: they start with the stem's letters but
    its last (whose vowel the stem drops), after at most one prefix letter."""
    stem = geez.stem(word)
    core = stem[:-1] or stem
    found = []
    for start in [core, *(p + core for p in geez.PREFIXES)]:
        found += [t for t in starting_with(start) if geez.stem(t) == stem]
    return found


def number_forms(word):
    """The singular and plural a light rule gives ("mascarilla" / "mascarillas", "red" /
    "redes"): Spanish and English add -s after a vowel, Spanish -es after a consonant."""
    forms = []
    if len(word) > 3 and word.endswith("es"):
        forms += [word[:-2], word[:-1]]
    elif len(word) > 3 and word.endswith("s"):
        forms.append(word[:-1])
    else:
        forms.append(word + ("s" if word[-1] in VOWELS else "es"))
    return forms


def close_spellings(word):
    """The index's words closest to `word`, of its first letter and about its length."""
    candidates = [t for t in starting_with(word[0]) if abs(len(t) - len(word)) <= 2]
    return difflib.get_close_matches(word, candidates, n=TYPO_MATCHES, cutoff=TYPO_CUTOFF)


def other_forms(word):
    """The index's words `word` may stand for (see the module's docstring), not `word`."""
    word = word.casefold()
    if geez.is_geez(word):
        return [t for t in same_stem(word) if t != word]
    forms = sorted(known(number_forms(word)))
    if forms or known({word, fold(word), *vietnamese_spellings(word)}):
        return forms
    if len(word) >= TYPO_MIN_LENGTH and word.isalpha():
        return close_spellings(word)
    return []
