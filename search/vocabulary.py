"""Words of SQLite's index that a reader's word stands for, though spelled otherwise (issue 13).

FTS5 matches whole tokens as they are: no stemming, no typo tolerance. The cluster has both
(stemmers, fuzziness); here the index's own vocabulary (an `fts5vocab` table over Wagtail's
FTS5 table) is asked which of its words a reader's word may mean:

- a Ge'ez word: the index's words with the same stem (search/geez.py): "ምግቦች" finds "ምግብ",
  "ወለንተኛ" finds "ብወለንታ" and "ወለንታውያን";
- another word: its plural or singular by a light Spanish and English rule, and its English
  -ing form, when the index has it: "mascarilla" finds "mascarillas", "masks" finds "mask",
  "volunteer" finds "volunteers", "test" finds "testing";
- a word the index does not hold at all (nor any accented spelling of it), four letters or
  more: the index's closest words of the same first letter and about the same length
  (difflib, ratio 0.8): "volunter" finds "volunteer". A word the index holds is never
  "corrected", so a rare word keeps its own few results.

Each costs a few range reads of the vocabulary, which is ordered by word.
"""

import difflib

from django.db import OperationalError, connection

from . import geez
from .fts_common import entry_table
from .spellings import vietnamese_spellings
from .text import fold

TYPO_MIN_LENGTH = 4
TYPO_CUTOFF = 0.8
TYPO_MATCHES = 3
VOWELS = "aeiouáéíóú"
ING_STEM_LENGTH = 4


def vocabulary_table():
    return f"{entry_table()}_fts_vocab"


def read(where, params):
    """The vocabulary's words `where` a condition holds. The table is a temp one (made per
    connection, when first missing): it reads the FTS5 index live and stores nothing."""
    table = vocabulary_table()
    sql = f"SELECT term FROM temp.{table} WHERE {where}"
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [row[0] for row in cursor.fetchall()]
    except OperationalError:  # no such table on this connection yet
        with connection.cursor() as cursor:
            cursor.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{table} "
                f"USING fts5vocab(main, '{entry_table()}_fts', 'row')"
            )
            cursor.execute(sql, params)
            return [row[0] for row in cursor.fetchall()]


def known(terms):
    """The `terms` the index holds."""
    terms = list(dict.fromkeys(terms))
    if not terms:
        return set()
    return set(read(f"term IN ({', '.join(['%s'] * len(terms))})", terms))


def starting_with(prefix):
    """The index's words that start with `prefix` (a range read: the vocabulary is sorted)."""
    return read("term >= %s AND term < %s", [prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)])


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
    "redes", "volunteer" / "volunteers"): Spanish and English add -s after a vowel, English
    -s and Spanish -es after a consonant; and the English -ing form ("test" / "testing")."""
    forms = []
    if len(word) > 3 and word.endswith("es"):
        forms += [word[:-2], word[:-1]]
    elif len(word) > 3 and word.endswith("s"):
        forms.append(word[:-1])
    elif word[-1] in VOWELS:
        forms.append(word + "s")
    else:
        forms += [word + "s", word + "es"]
    if word.endswith("ing") and len(word) >= ING_STEM_LENGTH + 3:
        forms.append(word[:-3])  # not "king" nor "bring"
    elif len(word) >= ING_STEM_LENGTH:
        forms.append(word + "ing")
    return forms


def close_spellings(word):
    """The index's words closest to `word`, of its first letter and about its length."""
    candidates = [t for t in starting_with(word[0]) if abs(len(t) - len(word)) <= 2]
    return difflib.get_close_matches(word, candidates, n=TYPO_MATCHES, cutoff=TYPO_CUTOFF)


def other_forms(words):
    """{word: the index's words it may stand for} (see the module's docstring), not the word
    itself; one read of the vocabulary for every word's plural and spellings together."""
    words = [w.casefold() for w in words]
    plain = [w for w in words if not geez.is_geez(w)]
    spelled = {w: {w, fold(w), *vietnamese_spellings(w)} for w in plain}
    numbers = {w: number_forms(w) for w in plain}
    held = known([t for w in plain for t in (*spelled[w], *numbers[w])])
    found = {}
    for word in words:
        if geez.is_geez(word):
            found[word] = [t for t in same_stem(word) if t != word]
        elif forms := [t for t in numbers[word] if t in held]:
            found[word] = forms
        elif not spelled[word] & held and len(word) >= TYPO_MIN_LENGTH and word.isalpha():
            found[word] = close_spellings(word)
        else:
            found[word] = []
    return found
