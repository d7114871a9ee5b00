"""The accented Vietnamese spellings of a syllable typed without accents, for the database backend.

Phones often type Vietnamese without its marks: "thuc pham" for "thực phẩm". The cluster folds
both sides (ICU), but neither database folds them: SQLite's FTS5 index drops a single mark
("é") but keeps letters with two ("ự", "ẩ") and "đ", and PostgreSQL keeps every mark. So the
database backend also searches the spellings a plain syllable may stand for: "thuc" is
"thuc", "thúc", "thục", "thức", "thực"... (its vowels with each quality mark, a tone on one of
them, and "đ" for an initial "d"), a few dozen words at most, looked up in the index as any
other word.

Only words shaped like a Vietnamese syllable get spellings ("food", "rent" and "sewing" do
not): they cost nothing to other languages.
"""

import functools
import itertools
import re
import unicodedata

SYLLABLE = re.compile(
    r"(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?([aeiouy]{1,3})(ch|ng|nh|[cmnpt])?"
)
# Each plain vowel, and the marks that make the other Vietnamese vowels of it: ă â, ê, ô ơ, ư.
QUALITIES = {
    "a": ["", "\u0306", "\u0302"],
    "e": ["", "\u0302"],
    "o": ["", "\u0302", "\u031b"],
    "u": ["", "\u031b"],
    "i": [""],
    "y": [""],
}
TONES = ["\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]  # sắc, huyền, hỏi, ngã, nặng


@functools.lru_cache(maxsize=4096)
def vietnamese_spellings(word):
    """The spellings of a plain lower-case `word` that fold to it, the word itself first; just
    the word when it cannot be a Vietnamese syllable (or already carries marks)."""
    match = SYLLABLE.fullmatch(word)
    if match is None:
        return (word,)
    initial, nucleus, final = (part or "" for part in match.groups())
    initials = [initial, "đ"] if initial == "d" else [initial]
    spellings = [word]
    for start, marks in itertools.product(
        initials, itertools.product(*map(QUALITIES.get, nucleus))
    ):
        vowels = [v + m for v, m in zip(nucleus, marks, strict=True)]
        for tone_at in range(-1, len(vowels)):  # -1: no tone (ngang)
            for tone in TONES if tone_at >= 0 else [""]:
                toned = [v + tone if i == tone_at else v for i, v in enumerate(vowels)]
                spelled = unicodedata.normalize("NFC", start + "".join(toned) + final)
                if spelled not in spellings:
                    spellings.append(spelled)
    return tuple(spellings)
