"""Name normalisation for entity linking: keys that spelling variants share.

Outlets transliterate the same name differently (Zelensky, Zelenskiy,
Zelenskyy) and abbreviate well-known places (U.S., US, United States). The
linker compares names through the keys made here, never through raw strings.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

# The only abbreviations resolved by table: a handful so common that every
# outlet uses a different form. Keys are casefolded with dots and spaces
# removed. Deliberately not a knowledge base: "America" is left alone (it is
# also a continent), as is every other name.
ALIASES: dict[str, str] = {
    "us": "United States",
    "usa": "United States",
    "unitedstates": "United States",
    "unitedstatesofamerica": "United States",
    "uk": "United Kingdom",
    "unitedkingdom": "United Kingdom",
    "britain": "United Kingdom",
    "greatbritain": "United Kingdom",
    "eu": "European Union",
    "europeanunion": "European Union",
    "un": "United Nations",
    "unitednations": "United Nations",
    "nato": "NATO",
}

# Fuzzy surname merges need both names at least this long ("Kim" vs "Kin" are
# different people) and at least this similar after keying; 94 lets one
# inserted letter through in names of eight or more letters ("Marchenko" /
# "Martchenko") but not a changed letter ("Johnson" / "Johnston" is 93).
FUZZY_MIN_LEN = 5
FUZZY_MIN_SCORE = 94.0

# Transliteration rules apply to words of at least this length: in short words
# a doubled letter or y/i is a different name ("Lee" / "Le").
_TRANSLIT_MIN_LEN = 5
_DOUBLE = re.compile(r"(.)\1+")
_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Casefolded ``text`` without diacritics: "Zelenskyj" and "Zélenskyj" agree."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def word_key(word: str) -> str:
    """Spelling-variant key of one name word: Zelensky, Zelenskiy, Zelenskyy → zelenski."""
    key = _NON_WORD.sub("", fold(word))
    if len(key) < _TRANSLIT_MIN_LEN:
        return key
    key = key.replace("ck", "k").replace("ph", "f").replace("y", "i")
    return _DOUBLE.sub(r"\1", key)


def name_key(text: str) -> tuple[str, ...]:
    """Key of a whole name: the word keys, empty words dropped."""
    words = (word_key(w) for w in text.split())
    return tuple(w for w in words if w)


def alias_of(text: str) -> str | None:
    """The table name for a common abbreviation ("U.S." → "United States"), else None."""
    return ALIASES.get(re.sub(r"[\s.]+", "", fold(text)))


def similar_words(a: str, b: str) -> bool:
    """Whether two word keys are spelling variants of one name (see ``FUZZY_MIN_SCORE``)."""
    if a == b:
        return True
    if min(len(a), len(b)) < FUZZY_MIN_LEN or a[0] != b[0]:
        return False
    return bool(fuzz.ratio(a, b) >= FUZZY_MIN_SCORE)


def block_of(key: str) -> str:
    """Blocking key for fuzzy comparison: only words sharing it are compared."""
    return key[:2]
