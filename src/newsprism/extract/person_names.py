"""Names of people inside one document: the words that name, and surnames two people share.

Kept apart from the resolver so that its rules read on their own: a name's
words without honorifics, possessives and generational suffixes, and the
surnames that two people with different given names carry in one document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Protocol

from newsprism.extract.cues import HONORIFIC_GENDER
from newsprism.nlp.columns import TokenColumns
from newsprism.nlp.parsed import Parsed


class _Mention(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def label(self) -> str: ...


class _Typed(_Mention, Protocol):
    @property
    def context_place(self) -> bool: ...

    @property
    def context_person(self) -> bool: ...


# Generational suffixes: "Roger Hale Jr." is keyed by "hale", not "jr.".
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


# ``name_words`` by its input: the same names recur within and across documents, and
# the mention voters, the shared-surname test and the resolver all ask for them.
_NAME_WORDS: dict[tuple[str, ...], tuple[str, ...]] = {}
_NAME_WORDS_MAX = 100_000


def name_words(words: list[str]) -> list[str]:
    key = tuple(words)
    found = _NAME_WORDS.get(key)
    if found is None:
        if len(_NAME_WORDS) >= _NAME_WORDS_MAX:
            _NAME_WORDS.clear()  # a bound for long-running servers
        # "Trump's" and "Trump" are the same person; honorifics and suffixes are not names.
        clean = [w.lower().removesuffix("\u2019s").removesuffix("'s") for w in words]
        clean = [w for w in clean if w not in HONORIFIC_GENDER and w.strip(",") not in _SUFFIXES]
        found = _NAME_WORDS[key] = tuple(w.strip(",") for w in clean if w.strip(","))
    return list(found)


def surname_of(words: list[str]) -> str:
    clean = name_words(words)
    return clean[-1] if clean else ""


def _span_texts(cols: TokenColumns, start: int, end: int) -> list[str]:
    """Token texts of ``sdoc.char_span(start, end, alignment_mode="expand")`` (none for None)."""
    toks = cols.span(start, end)
    return cols.text[toks[0] : toks[1]] if toks is not None else []


def shared_surnames(
    sdoc: Any, mentions: list[_Mention], cols: TokenColumns | None = None
) -> set[str]:
    """Surnames that two people with different given names carry in this document.

    A bare "Reyes" beside "Tomas Reyes" and "Lucia Reyes" names neither by
    itself; such surnames are keyed per full name, and their bare mentions
    stand for themselves (entity linking decides them, or leaves them open).
    ``cols`` are ``sdoc``'s token columns where the caller has them.
    """
    cols = cols if cols is not None else Parsed.of(sdoc).columns
    givens: dict[str, set[str]] = {}
    persons: set[str] = set()
    for m in mentions:
        words = name_words(_span_texts(cols, m.start, m.end))
        if len(words) >= 2:
            givens.setdefault(words[-1], set()).add(words[0])
            if m.label == "PERSON":
                persons.add(words[-1])
    # A two-word name the NER typed ORG ("Ana Pike") still names a relative of
    # the person of that surname ("Lily Pike").
    return {name for name, firsts in givens.items() if len(firsts) > 1 and name in persons}


# Labels the small NER model gives names of people by mistake ("Marcus Delaney"
# as ORG, "Marcus" as GPE, "Delaney" as LAW).
_MISTYPED = frozenset(
    {"ORG", "GPE", "LOC", "LAW", "NORP", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT"}
)
# ", 19," right after a name: only people get an age in apposition.
_AGE = re.compile(r",\s*\d{1,3}\s*,")


def person_votes(
    sdoc: Any,
    text: str,
    mentions: Sequence[_Typed],
    places: frozenset[str],
    cols: TokenColumns | None = None,
) -> dict[tuple[int, int], str]:
    """Mentions of this document that name a person whatever NER typed them: span → PERSON.

    A document's vote: a two- or three-word proper name is a person when it
    follows a person's title or has an age in apposition ("Marcus Delaney,
    19,"), or when its surname is that of a name tagged PERSON here (the brother
    of "Andre Delaney" typed ORG). A lone word is a person when it is the given
    name or the surname of such a person, unless it stands where only places go
    or GeoNames knows it as a place ("Jordan", "Georgia"). ``cols`` are
    ``sdoc``'s token columns where the caller has them.
    """
    cols = cols if cols is not None else Parsed.of(sdoc).columns
    full: list[tuple[_Typed, list[str]]] = []
    surnames: set[str] = set()
    for m in mentions:
        words = name_words(_span_texts(cols, m.start, m.end))
        if 2 <= len(words) <= 3:
            full.append((m, words))
            if m.label == "PERSON":
                surnames.add(words[-1])
    people: set[str] = set()
    out: dict[tuple[int, int], str] = {}
    for m, words in full:
        if m.label == "PERSON":
            people.update(words)
            continue
        toks = cols.span(m.start, m.end)
        proper = toks is not None and all(cols.pos[i] == "PROPN" for i in range(*toks))
        cue = m.context_person or bool(_AGE.match(text, m.end)) or words[-1] in surnames
        if m.label in _MISTYPED and proper and cue and not m.context_place:
            out[(m.start, m.end)] = "PERSON"
            people.update(words)
    for m in mentions:
        if m.label == "PERSON" or m.label not in _MISTYPED or m.context_place:
            continue
        words = name_words(text[m.start : m.end].split())
        if len(words) == 1 and words[0] in people and text[m.start : m.end] not in places:
            out[(m.start, m.end)] = "PERSON"
    return out
