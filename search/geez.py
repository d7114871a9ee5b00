"""A light stemmer for Amharic and Tigrinya words (Ge'ez script), the same at index and query time.

No stemmer for either language ships with the databases or the cluster, and readers type the
plural ("ምግቦች", foods) or a derived word ("ወለንተኛ", a volunteer) of what a page says ("ምግብ",
"ብወለንታ", "ወለንታውያን"). A Ge'ez letter is a syllable: a consonant row of eight vowel orders
(በ ቡ ቢ ባ ቤ ብ ቦ ቧ), the sixth (ብ) being the consonant alone. So a suffix often fuses with the
last consonant ("ምግብ" + "ኦች" is "ምግቦች"), and a stem is compared without its last vowel.

`stem` takes off, in this order, and only while enough of the word is left:

1. one plural suffix, when two syllables remain: Amharic ዎች, ቶች and ኦች (fused: "ቦች"); Tigrinya
   ታት, ውያን, ያን and ኣት (fused: "ራት"); then the agent suffix ኛ ("ወለንተኛ") when three remain;
2. one preposition prefix, when three syllables remain (after the suffix, so "ለጋሽ" and
   "ለጋሾች", donor and donors, keep their ለ alike): Amharic በ (in, by), የ (of), ለ (for),
   ከ (from); Tigrinya ብ (by), ን (for). Not እና or -ና ("and"): -ና ends too many plain words
   ("መኪና", a car);
3. the last syllable's vowel: "ወለንታ" and "ወለንተ" are both "ወለንት", "ምግቢ" is "ምግብ".

Collisions this makes are between words of one root, which is what a reader asks for; a rule
that would strip a plain word's own ending more often than a suffix (-ና) is left out.
The database applies it to its index's vocabulary (search/fts.py), the cluster to a stored
field of stems (search/documents.py, search/cluster/queries.py).
"""

import functools
import re
import unicodedata

from .text import words

FIRST, LAST = 0x1200, 0x137F
SIXTH, SEVENTH = 5, 6  # vowel orders, counted from 0: ብ is 5, ቦ is 6
PREFIXES = "በየለከብን"
PLURALS = ("ውያን", "ዎች", "ቶች", "ታት", "ያን")
AGENT = "ኛ"
GEEZ_WORD = re.compile(f"[{chr(FIRST)}-{chr(LAST)}]+")


def _regular_rows():
    """Rows of eight whose orders are all named after one consonant (ለ ሉ ... ሎ): the
    labialised rows (ቈ) have gaps and are left alone."""
    rows = set()
    for start in range(FIRST, LAST, 8):
        names = [unicodedata.name(chr(start + n), "") for n in range(7)]
        if all(n.startswith("ETHIOPIC SYLLABLE ") for n in names):
            first, sixth = names[0], names[SIXTH]
            if first.endswith("A") and sixth.endswith("E") and first[:-1] == sixth[:-1]:
                rows.add(start)
    return rows


REGULAR_ROWS = frozenset(_regular_rows())


def order(letter):
    """The letter's vowel order (0-6) in a regular row, or None."""
    code = ord(letter)
    start = code - (code - FIRST) % 8
    return (code - start) if start in REGULAR_ROWS and code - start < 7 else None


def with_order(letter, n):
    code = ord(letter)
    return chr(code - (code - FIRST) % 8 + n)


def same_row(letter, other):
    return (ord(letter) - FIRST) // 8 == (ord(other) - FIRST) // 8


def is_geez(word):
    return GEEZ_WORD.fullmatch(word) is not None


@functools.lru_cache(maxsize=8192)
def stem(word):
    """The stem of one Ge'ez `word` (see the module's docstring); other words unchanged."""
    if not is_geez(word) or len(word) < 2:
        return word
    for suffix in PLURALS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            word = word[: -len(suffix)]
            break
    else:
        # A fused plural: -ኦች after a consonant is its seventh order + ች, -ኣት its fourth + ት.
        fused = {"ች": SEVENTH, "ት": 3}
        if len(word) >= 3 and word[-1] in fused and order(word[-2]) == fused[word[-1]]:
            word = word[:-1]
    if same_row(word[-1], AGENT) and len(word) - 1 >= 3:  # ኛ, or ኞ before a fused ች
        word = word[:-1]
    if word[0] in PREFIXES and len(word) - 1 >= 3:
        word = word[1:]
    if len(word) >= 2 and order(word[-1]) is not None:
        word = word[:-1] + with_order(word[-1], SIXTH)
    return word


def forms(word):
    """The spellings sharing the stem of `word` that `stem` undoes: the last letter in each
    vowel order, a plural or agent suffix, a prefix. For a database whose index cannot list
    its words (PostgreSQL); a few hundred, looked up in the index as any other word."""
    root = stem(word)
    if not is_geez(root) or len(root) < 2 or order(root[-1]) is None:
        return [word]
    core, last = root[:-1], root[-1]
    bare = [core + with_order(last, n) for n in range(7)]
    suffixed = [b + end for b in bare for end in ("", AGENT, *PLURALS)]
    suffixed += [core + with_order(last, SEVENTH) + "ች", core + with_order(last, 3) + "ት"]
    suffixed += [b + with_order(AGENT, SEVENTH) + "ች" for b in bare]
    found = dict.fromkeys(p + f for p in ("", *PREFIXES) for f in suffixed)
    return [word, *(f for f in found if f != word and stem(f) == root)]


def stems(text):
    """The stems of the Ge'ez words in `text`, space-separated ("" when it has none)."""
    return " ".join(stem(w) for w in words(text) if is_geez(w))
