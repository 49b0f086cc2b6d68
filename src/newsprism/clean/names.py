"""Does a short string look like a person's name?

Bylines and HTML author fields are full of things that are not people:
"Minute Read", "Staff", "Reuters", "Chief Editor", a date, the site's name.
An author is kept only when it has the shape of a personal name (two to four
capitalised words, initials and particles allowed) and none of its words is a
common non-name word. A missing author is better than a wrong one.
"""

from __future__ import annotations

import re

_PARTICLES = frozenset(
    ["al", "bin", "binti", "da", "das", "de", "del", "della", "der", "di", "do", "dos", "du",
     "el", "ibn", "la", "le", "van", "von", "y", "zu"]
)  # fmt: skip
# Words that show a line is a label, a heading or an organisation, not a person.
_NOT_NAME = frozenset(
    """
    a about ad admin advertisement agency ahead all am an analysis and april are as at august
    author authors breaking briefing by business chief comment comments conclusion contact
    contributor correspondent daily december desk digital editor editorial editors exclusive
    explainer february feature for friday from globe guest herald home in international
    introduction is january journal july june latest less links live march may media min minute
    minutes monday more news newsletter newsroom next no not november october of on online
    opinion or our post posted press previous quick read reader reading related report reporter
    reports review saturday says september share sponsored staff summary sunday team the this
    thursday times to today top tribune tuesday update updated updates us video view views
    wednesday week weekly what when where who why wire with world writer writers you your
    agree agrees back backs calls crisis deal election ends faces government hits holds meet
    meets minister plans president said says set sets slams summit talks urges vows war warns
    wins peace sport sports city council department ministry university institute group
    company developers inc ltd llc municipal office police club network channel radio tv magazine
    courier gazette ledger chronicle observer standard telegraph express mirror monitor guardian
    independent star mail record bulletin dispatch examiner inquirer register sentinel spectator
    """.split()  # noqa: SIM905 - a word list reads better as prose
)
_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ism", "ship", "ance", "ence", "ics")
_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")
_INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$|^[A-Z]$")
_SEPARATORS = re.compile(r"\s*(?:,|;|&|\band\b)\s*", re.I)


def is_person_name(text: str) -> bool:
    """True for "Jane Roe", "J. R. Smith", "Ana de la Cruz"; False for labels and sentences."""
    words = text.strip().split()
    core = [w for w in words if w.lower() not in _PARTICLES]
    if not 2 <= len(core) <= 4 or len(words) > 6:
        return False
    for word in words:
        low = word.lower().strip(".")
        if low in _PARTICLES and word is not words[0]:
            continue
        if _INITIALS.match(word):
            continue
        if not _WORD.match(word) or not word[0].isupper():
            return False
        parts = re.split(r"[-’']", low)
        if low in _NOT_NAME or any(p in _NOT_NAME for p in parts if len(p) > 2):
            return False
        if low.endswith(_SUFFIXES) or low.endswith(("'s", "’s")):
            return False
        # "CNN Editor": a short all-caps word among mixed-case words is an acronym.
        if word.isupper() and len(word) <= 4 and not all(w.isupper() for w in words):
            return False
    # A name has at least one word longer than an initial.
    return any(len(w.strip(".")) > 1 for w in core)


def split_names(text: str) -> list[str]:
    """People named in "Jane Roe, John Doe and Ann Poe" (non-names dropped), in order."""
    names: list[str] = []
    for part in _SEPARATORS.split(text):
        part = part.strip()
        if is_person_name(part) and part not in names:
            names.append(part)
    return names
