"""Personal names: their parts, when two name one person, and the cues around a mention.

Linking people across outlets fails in two opposite ways: one person split in
two ("Chuck Schumer" / "Charles Schumer", "Roger Stone" / "Roger J. Stone
Jr.") and two people merged into one ("Mr. Trump" given to Melania Trump).
This module holds the pieces ``crossdoc.link`` decides with:

* ``parse_name``: a full name's given name, middle names or initials, surname
  and generational suffix, leading titles dropped ("Sen. Charles E. Schumer").
* ``given_match``: whether two given names can be one person's. Equal names,
  nicknames from the curated ``nicknames`` table (Chuck / Charles, Dick /
  Richard, Ed / Edward; not a hand list), transliterations (Oleksandr /
  Aleksandr, see ``names.similar_given_names``) are strong; an initial
  ("J. Smith") is weak: it joins only where it fits one person. Two different
  given names that are none of these never match (John / Jane).
* ``mention_cue``: what the words right before a mention say about the person:
  an honorific's gender ("Mr.", "Mrs.", "Ms."), a gendered role ("First
  Lady", "congresswoman"), and title words ("President", "Sen.").
* ``name_gender``: the gender a given name usually has, from the small lists
  in ``extract.cues``; unknown names say nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newsprism.crossdoc.names import fold, similar_given_names, word_key
from newsprism.extract.cues import FEMALE_NAMES, HONORIFIC_GENDER, MALE_NAMES, ROLE_NOUNS
from newsprism.extract.entities import TITLE_WORDS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Generational suffixes: "Roger J. Stone Jr." is "Roger Stone" unless one
# article names both (a father and his son).
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_INITIAL = re.compile(r"^(?:[A-Z]\.?){1,3}$|^(?:[A-Z]\.){1,3}$")

# Title words before a name that distinguish people of one surname. Adjectives
# of nationality or party ("Russian", "Democratic") are not titles of a person.
DISTINCT_TITLES = _words("""
    president senator representative congressman congresswoman governor mayor minister
    chancellor secretary speaker judge justice ambassador general lady king queen prince
    princess pope chairman chairwoman premier
    """)
# Abbreviations read as the title they stand for ("Sen." is "senator").
_TITLE_FORMS = {"sen": "senator", "rep": "representative", "gov": "governor", "gen": "general"}
# Titles that carry gender ("First Lady" is a woman; "Mr." a man).
GENDERED_TITLES: dict[str, str] = {
    "lady": "f",
    "congresswoman": "f",
    "congressman": "m",
    "chairwoman": "f",
    "chairman": "m",
    "spokeswoman": "f",
    "spokesman": "m",
    "queen": "f",
    "king": "m",
    "princess": "f",
    "prince": "m",
    "businesswoman": "f",
    "businessman": "m",
    # Kinship words right before a name ("his wife, Mira Voss"): the reason two
    # people share a surname in a story is mostly that they are family.
    "wife": "f",
    "husband": "m",
    "widow": "f",
    "widower": "m",
    "mother": "f",
    "father": "m",
    "daughter": "f",
    "son": "m",
    "sister": "f",
    "brother": "m",
    "aunt": "f",
    "uncle": "m",
    "niece": "f",
    "nephew": "m",
    "grandmother": "f",
    "grandfather": "m",
}
# How far before a mention title words are read ("Former Vice President").
_CUE_WORDS = 4


@dataclass(frozen=True)
class PersonName:
    """A parsed personal name; parts are name keys (``names.word_key``)."""

    given: str
    middles: tuple[str, ...]
    surname: str
    suffix: str
    given_initial: bool
    # The given name as written, folded ("chuck"): nickname tables need the
    # real spelling, not the spelling-variant key ("chuk").
    given_plain: str = ""

    @property
    def is_full(self) -> bool:
        return bool(self.given and self.surname)


def _is_title(word: str) -> bool:
    low = fold(word).rstrip(".")
    return low in TITLE_WORDS or low in HONORIFIC_GENDER or low + "." in HONORIFIC_GENDER


def parse_name(text: str) -> PersonName:
    """Parts of ``text`` read as a personal name ("Sen. Roger J. Stone Jr.")."""
    words = [w.strip(",") for w in text.split() if w.strip(",")]
    suffix = ""
    while len(words) > 1 and word_key(words[-1]) in SUFFIXES:
        suffix = suffix or word_key(words[-1])
        words.pop()
    while len(words) > 1 and _is_title(words[0]):
        words.pop(0)
    if not words:
        return PersonName("", (), "", suffix, False)
    surname = word_key(words[-1])
    if len(words) == 1:
        return PersonName("", (), surname, suffix, False)
    given = words[0]
    middles = tuple(word_key(w)[:1] for w in words[1:-1] if word_key(w))
    initial = bool(_INITIAL.match(given))
    plain = re.sub(r"[^a-z]", "", fold(given))
    return PersonName(word_key(given), middles, surname, suffix, initial, plain)


@lru_cache(maxsize=1)
def _nicknamer() -> Any:
    from nicknames import NickNamer

    return NickNamer()


@lru_cache(maxsize=4096)
def nickname_pair(a: str, b: str) -> bool:
    """Whether one of two given names is a nickname of the other (Chuck / Charles)."""
    namer = _nicknamer()
    fa, fb = fold(a), fold(b)
    return bool(fb in namer.nicknames_of(fa) or fa in namer.nicknames_of(fb))


def given_match(a: PersonName, b: PersonName) -> str:
    """ "strong", "weak" (an initial fits) or "" (different people) for two given names."""
    if not a.given or not b.given:
        return "weak"
    if a.given_initial or b.given_initial:
        ia, ib = a.given[: len(b.given)], b.given[: len(a.given)]
        return "weak" if ia == ib or a.given[:1] == b.given[:1] else ""
    if a.given == b.given or nickname_pair(a.given_plain, b.given_plain):
        return "strong"
    return "strong" if similar_given_names(a.given, b.given) else ""


def same_person(a: PersonName, b: PersonName) -> str:
    """How well two full names fit one person: "strong", "weak" or "" (never)."""
    if a.surname != b.surname:
        return ""
    fit = given_match(a, b)
    if not fit:
        return ""
    if a.middles and b.middles and a.middles[0] != b.middles[0]:
        return ""
    if a.suffix and b.suffix and a.suffix != b.suffix:
        return ""
    return fit


def name_gender(given: str) -> str:
    """ "m" or "f" for a given name the lists know, else ""."""
    low = fold(given)
    if low in MALE_NAMES:
        return "m"
    if low in FEMALE_NAMES:
        return "f"
    return ""


@dataclass(frozen=True)
class Cue:
    """What the words before a mention say: a gender and distinguishing titles."""

    gender: str = ""
    titles: frozenset[str] = frozenset()


NO_CUE = Cue()
_WORD = re.compile(r"[A-Za-z][A-Za-z.'’-]*")


def mention_cue(text: str, start: int) -> Cue:
    """Honorific, gendered role and title words right before ``text[start:]``.

    Reads back over at most ``_CUE_WORDS`` words on the same line, stopping at
    the first word that is not a title ("said Mr. Trump" → Mr.; "First Lady
    Melania Trump" → lady, first, f).
    """
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 60) : start]
    # "his wife, Mira Voss": an apposition's comma sits between cue and name.
    words = _WORD.findall(before.rstrip().removesuffix(","))
    gender = ""
    titles: set[str] = set()
    for word in reversed(words[-_CUE_WORDS:]):
        low = fold(word).rstrip(".")
        honor = HONORIFIC_GENDER.get(low) or HONORIFIC_GENDER.get(low + ".")
        if honor:
            gender = gender or honor
            continue
        if low not in TITLE_WORDS and low not in ROLE_NOUNS and low not in GENDERED_TITLES:
            break
        gender = gender or GENDERED_TITLES.get(low, "") or ROLE_NOUNS.get(low, "")
        low = _TITLE_FORMS.get(low, low)
        if low in DISTINCT_TITLES:
            titles.add(low)
        elif low == "vice" and "president" in titles:
            titles.discard("president")  # a vice president is not "the president"
            titles.add("vice president")
    return Cue(gender, frozenset(titles)) if gender or titles else NO_CUE
