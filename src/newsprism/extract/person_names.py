"""Names of people inside one document: the words that name, and surnames two people share.

Kept apart from the resolver so that its rules read on their own: a name's
words without honorifics, possessives and generational suffixes, and the
surnames that two people with different given names carry in one document.
"""

from __future__ import annotations

from typing import Any, Protocol

from newsprism.extract.cues import HONORIFIC_GENDER


class _Mention(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def label(self) -> str: ...


# Generational suffixes: "Roger Hale Jr." is keyed by "hale", not "jr.".
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def name_words(words: list[str]) -> list[str]:
    # "Trump's" and "Trump" are the same person; honorifics and suffixes are not names.
    clean = [w.lower().removesuffix("\u2019s").removesuffix("'s") for w in words]
    clean = [w for w in clean if w not in HONORIFIC_GENDER and w.strip(",") not in _SUFFIXES]
    return [w.strip(",") for w in clean if w.strip(",")]


def surname_of(words: list[str]) -> str:
    clean = name_words(words)
    return clean[-1] if clean else ""


def shared_surnames(sdoc: Any, mentions: list[_Mention]) -> set[str]:
    """Surnames that two people with different given names carry in this document.

    A bare "Reyes" beside "Tomas Reyes" and "Lucia Reyes" names neither by
    itself; such surnames are keyed per full name, and their bare mentions
    stand for themselves (entity linking decides them, or leaves them open).
    """
    givens: dict[str, set[str]] = {}
    persons: set[str] = set()
    for m in mentions:
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        words = name_words([t.text for t in span or ()])
        if len(words) >= 2:
            givens.setdefault(words[-1], set()).add(words[0])
            if m.label == "PERSON":
                persons.add(words[-1])
    # A two-word name the NER typed ORG ("Ana Pike") still names a relative of
    # the person of that surname ("Lily Pike").
    return {name for name, firsts in givens.items() if len(firsts) > 1 and name in persons}
