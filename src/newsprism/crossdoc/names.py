"""Name normalisation for entity linking: keys that spelling variants share.

Outlets transliterate the same name differently (Zelensky, Zelenskiy,
Zelenskyy) and abbreviate well-known places (U.S., US, United States). The
linker compares names through the keys made here, never through raw strings.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

# The only abbreviations resolved by table: a handful so common that every
# outlet uses a different form. Keys are casefolded with dots and spaces
# removed. Deliberately not a knowledge base. "America" is the United States:
# news writes the continents as "North America", "South America" or "the
# Americas", which key differently.
ALIASES: dict[str, str] = {
    "america": "United States",
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

# Demonyms of the countries news names most, so that "American officials" and
# "the U.S." are one actor for positions and tone. Only the adjective forms that
# are not also a language or people with a state of their own elsewhere.
DEMONYMS: dict[str, str] = {
    "american": "United States",
    "americans": "United States",
    "british": "United Kingdom",
    "russian": "Russia",
    "russians": "Russia",
    "ukrainian": "Ukraine",
    "ukrainians": "Ukraine",
    "chinese": "China",
    "french": "France",
    "german": "Germany",
    "germans": "Germany",
    "italian": "Italy",
    "spanish": "Spain",
    "polish": "Poland",
    "japanese": "Japan",
    "israeli": "Israel",
    "israelis": "Israel",
    "iranian": "Iran",
    "iranians": "Iran",
    "turkish": "Turkey",
    "canadian": "Canada",
    "mexican": "Mexico",
    "brazilian": "Brazil",
    "syrian": "Syria",
    "iraqi": "Iraq",
    "afghan": "Afghanistan",
    "saudi": "Saudi Arabia",
    "egyptian": "Egypt",
    "north korean": "North Korea",
    "south korean": "South Korea",
    "belarusian": "Belarus",
    "finnish": "Finland",
    "swedish": "Sweden",
    "norwegian": "Norway",
    "danish": "Denmark",
    "dutch": "Netherlands",
    "hungarian": "Hungary",
    "australian": "Australia",
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


# Name strings repeat across a story's mentions: the keys below are pure functions of
# them, so each distinct string is keyed once (bounded, for long-lived processes).
_CACHE = 1 << 16


@lru_cache(maxsize=_CACHE)
def fold(text: str) -> str:
    """Casefolded ``text`` without diacritics: "Zelenskyj" and "Zélenskyj" agree."""
    if text.isascii():
        return text.casefold()  # NFKD leaves ASCII as it is, with no combining marks
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=_CACHE)
def word_key(word: str) -> str:
    """Spelling-variant key of one name word: Zelensky, Zelenskiy, Zelenskyy → zelenski."""
    key = _NON_WORD.sub("", fold(word))
    if len(key) < _TRANSLIT_MIN_LEN:
        return key
    key = key.replace("ck", "k").replace("ph", "f").replace("y", "i")
    return _DOUBLE.sub(r"\1", key)


@lru_cache(maxsize=_CACHE)
def name_key(text: str) -> tuple[str, ...]:
    """Key of a whole name: the word keys, empty words dropped."""
    words = (word_key(w) for w in text.split())
    return tuple(w for w in words if w)


@lru_cache(maxsize=_CACHE)
def alias_of(text: str) -> str | None:
    """The table name for a common abbreviation ("U.S." → "United States"), else None."""
    return ALIASES.get(re.sub(r"[\s.]+", "", fold(text)))


def demonym_of(text: str) -> str | None:
    """The country a demonym names ("American" → "United States"), else None."""
    return DEMONYMS.get(" ".join(fold(text).split()))


def similar_words(a: str, b: str) -> bool:
    """Whether two word keys are spelling variants of one name (see ``FUZZY_MIN_SCORE``)."""
    if a == b:
        return True
    if min(len(a), len(b)) < FUZZY_MIN_LEN or a[0] != b[0]:
        return False
    return bool(fuzz.ratio(a, b) >= FUZZY_MIN_SCORE)


# First names differ more across transliterations than surnames do: the
# vowels move (Oleksandr / Aleksandr), x stands for ks (Olexandr), and a final
# -iy / -ij / -y is added or dropped (Yuri / Yuriy). Two first names are
# variants when their consonant skeletons agree and they are this similar.
GIVEN_MIN_SCORE = 75.0
# Skeletons shorter than this say too little ("Maria" / "Mario": m-r).
GIVEN_MIN_SKELETON = 3
_VOWELS = re.compile(r"[aeiou]+")
_GIVEN_ENDING = re.compile(r"(?:ii|ij)$")


def given_key(word: str) -> str:
    """Transliteration key of a first name: Olexandr → oleksandr, Yuriy → yuri."""
    # y→i as in ``word_key``, so a key made by either function folds the same.
    key = _NON_WORD.sub("", fold(word)).replace("x", "ks").replace("y", "i")
    if len(key) > 3:
        key = _GIVEN_ENDING.sub("i", key)
    return _DOUBLE.sub(r"\1", key)


def similar_given_names(a: str, b: str) -> bool:
    """Whether two first names are transliterations of one name, not two names.

    John / Jane and Maria / Mario stay apart (different skeletons, or too short
    to tell), and so do Aleksandr / Aleksandra: a final -a against a consonant
    is a feminine form, another person.
    """
    ka, kb = given_key(a), given_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    if (ka[-1] == "a") != (kb[-1] == "a"):
        return False
    skel_a, skel_b = _VOWELS.sub("", ka[1:]), _VOWELS.sub("", kb[1:])
    # The first letter counts as a consonant unless both names start with a vowel.
    if ka[0] not in "aeiou" or kb[0] not in "aeiou":
        skel_a, skel_b = ka[0] + skel_a, kb[0] + skel_b
    if skel_a != skel_b or len(skel_a) < GIVEN_MIN_SKELETON:
        return False
    return bool(fuzz.ratio(ka, kb) >= GIVEN_MIN_SCORE)


def block_of(key: str) -> str:
    """Blocking key for fuzzy comparison: only words sharing it are compared."""
    return key[:2]
