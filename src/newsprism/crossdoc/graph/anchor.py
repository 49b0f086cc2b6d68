"""The story's anchor in time, and the claims about other incidents (background).

A news story reports one main event, and its articles mention others in
passing: "last year's shooting at the same school", "the 2009 attack", "a
separate drive-by". Aligning those with the story's own event makes spurious
conflicts (another incident's toll against this one's), so they are set apart
as **background**: shown as context, never aligned with or disputing the story.

A claim is background when

* it names another incident by a cue ("last year's", "a separate", "an
  earlier", "a previous", "three years ago"), or
* it dates something it reports to a year that is neither the story's year nor
  its document's publication year ("in 2019", "the 2009 attack"); "since 2019"
  is a span reaching the present, not another incident, or
* the story's year is unknown and the sentence opens on a bare year ("In 2021,
  a man was wounded …"): reports date their own event by weekday or day of the
  month, so a fronted year recounts the past.

The cue or year must scope the claim: it sits in the sentence's first segment
(before the first comma, semicolon or dash). "A 17-year-old was killed …, the
latest violence at a tavern that saw a shooting three years ago" reports this
incident; the aside about the earlier one does not make it background.

The story's year is the most common publication year, else the most common
year of dated events (a date slot tied to an event word, dated to the month at
least) across documents, the latest on a tie. A bare year ("in 2021") never
votes: a report dates its own event to the day, a bare year is history.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Protocol

from newsprism.extract.claims import ExtractedClaim
from newsprism.models import Document

_OTHER_INCIDENT = re.compile(
    r"\b(?:last|previous|prior) (?:year|month|week|summer|winter|spring|fall|autumn)['’]s\b"
    r"|\b(?:a|an|another) (?:separate|unrelated|earlier|previous|prior|similar|former)\b"
    r"|\b(?:years|decades) (?:ago|earlier|before)\b",
    re.IGNORECASE,
)
# A year that dates something: "in 2019", "in May 2019", "the 2009 attack".
_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?")
_YEAR = re.compile(
    r"\b(?P<prep>(?i:since|until|by|before|after|from|through|in|of|the|a|an|its|their|during))?"
    r"\s*(?:(?:early|late|mid-?)\s*)?(?:" + _MONTH + r" (?:\d{1,2},? )?)?"
    r"(?P<year>(?:1[6-9]|20)\d\d)\b"
    r"(?![-–/]\d)(?:\s+(?P<noun>[a-z]+))?"
)
# Every ``_YEAR`` match holds one of these: most sentences have none, and the scan for
# them is far cheaper than trying ``_YEAR``'s optional words at every word boundary.
_ANY_YEAR = re.compile(r"(?:1[6-9]|20)\d\d")
# After a determiner, a year names another incident only before an incident noun:
# "the 2009 attack" does, "the 2024 sanctions" (still in force) does not.
_INCIDENTS = frozenset(
    """
    attack attacks shooting shootings bombing bombings crash crashes fire fires earthquake
    quake flood floods massacre riot riots invasion summit meeting election elections war
    storm hurricane outbreak strike strikes killing killings murder murders explosion blast
    incident accident collapse coup protest protests talks game final
    """.split()  # noqa: SIM905
)
_SPAN_PREPS = frozenset({"since", "until", "by", "before", "after", "from", "through"})


# Where a sentence's first segment ends: a comma, semicolon or dash between clauses.
_SEGMENT = re.compile(r"[,;:]\s|\s[—–-]+\s|—")
# "In 2021, …", "In March 2019, …": a sentence that opens on a bare year.
_FRONTED_YEAR = re.compile(
    r"^\W*(?:In|By|During|Back in)\s+(?:(?:early|late|mid-?)\s*)?(?:" + _MONTH + r"\s+)?"
    r"(?:1[6-9]|20)\d\d\b"
)


def first_segment_end(text: str) -> int:
    """Offset where the sentence's first segment (its opening clause) ends."""
    m = _SEGMENT.search(text)
    return m.start() if m else len(text)


def _year(iso: str | None) -> int | None:
    if iso and len(iso) >= 4 and iso[:4].isdigit():
        return int(iso[:4])
    return None


def story_year(claims: Sequence[ExtractedClaim], documents: Sequence[Document]) -> int | None:
    """The year of the story: most common publication year, else of dated events."""
    pub = Counter(y for d in documents if (y := _year(d.published)) is not None)
    if pub:
        return sorted(pub.items(), key=lambda kv: (-kv[1], -kv[0]))[0][0]
    votes: Counter[int] = Counter()
    for doc_id, years in _event_years(claims).items():
        del doc_id
        votes.update(years)
    if not votes:
        return None
    # Ties go to the latest year: a report dates its own event last, older ones are context.
    (year, _), *_rest = sorted(votes.items(), key=lambda kv: (-kv[1], -kv[0]))
    return year


def _event_years(claims: Sequence[ExtractedClaim]) -> dict[str, set[int]]:
    out: dict[str, set[int]] = {}
    for c in claims:
        for slot, head in zip(c.slots, c.heads, strict=False):
            if (slot.kind == "date" and head is not None and isinstance(slot.value, str)
                    and len(slot.value) >= 7):
                y = _year(slot.value)
                if y is not None:
                    out.setdefault(c.document, set()).add(y)
    return out


def _other_years(text: str, limit: int | None = None) -> set[int]:
    years: set[int] = set()
    if _ANY_YEAR.search(text) is None:
        return years
    for m in _YEAR.finditer(text):
        if limit is not None and m.start("year") >= limit:
            break
        prep = (m.group("prep") or "").lower()
        if prep in _SPAN_PREPS:
            continue
        if prep in ("the", "a", "an", "its", "their") and m.group("noun") not in _INCIDENTS:
            continue
        years.add(int(m.group("year")))
    return years


class Sentence(Protocol):
    """What the background test reads of a claim (an ``ExtractedClaim`` or a ``Claim``)."""

    @property
    def id(self) -> str: ...
    @property
    def document(self) -> str: ...
    @property
    def text(self) -> str: ...


def year_of(documents: Sequence[Document], dates: Sequence[str]) -> int | None:
    """The story's year from publication dates, else from resolved event dates (to the
    month at least): for readers of the facts, which carry no parse."""
    pub = Counter(y for d in documents if (y := _year(d.published)) is not None)
    votes = pub or Counter(y for v in dates if len(v) >= 7 and (y := _year(v)) is not None)
    if not votes:
        return None
    return sorted(votes.items(), key=lambda kv: (-kv[1], -kv[0]))[0][0]


def background_claims(
    claims: Sequence[Sentence], published: Mapping[str, str | None], year: int | None
) -> frozenset[str]:
    """Ids of the claims about another incident than the story's own."""
    out = set()
    for c in claims:
        limit = first_segment_end(c.text)
        # No cue spans a segment boundary (cues hold no comma, colon, semicolon or
        # dash), so one that starts in the first segment ends there too.
        cue = _OTHER_INCIDENT.search(c.text, 0, limit)
        if cue is not None:
            out.add(c.id)
            continue
        allowed = {year} if year is not None else set()
        own = _year(published.get(c.document))
        if own is not None:
            allowed.add(own)
        if not allowed:
            if _FRONTED_YEAR.match(c.text):
                out.add(c.id)
            continue
        stated = _other_years(c.text, limit)
        if stated and not (stated & allowed):
            out.add(c.id)
    return frozenset(out)


def _segments(text: str) -> list[tuple[int, int]]:
    """The sentence's segments (clauses between commas, semicolons and dashes)."""
    out, start = [], 0
    for m in _SEGMENT.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def background_slots(
    claims: Sequence[ExtractedClaim], published: Mapping[str, str | None], year: int | None
) -> frozenset[tuple[str, int, int]]:
    """(claim id, slot span) of values whose own clause is about another incident:
    "…, but the violence recalled the riots of December 2008, when a teenager was
    killed" — the count sits beside the other year, whatever the sentence opens on."""
    out = set()
    for c in claims:
        if not c.slots:
            continue  # nothing to mark, whatever its clauses say
        allowed = {year} if year is not None else set()
        own = _year(published.get(c.document))
        if own is not None:
            allowed.add(own)
        starts = [slot.span[0] - c.span[0] for slot in c.slots]
        for start, end in _segments(c.text)[1:]:
            if not any(start <= at < end for at in starts):
                continue  # a clause without a value marks nothing
            piece = c.text[start:end]
            cue = _OTHER_INCIDENT.search(piece) is not None
            stated = _other_years(piece) if allowed else set()
            if not cue and not (stated and not stated & allowed):
                continue
            for slot in c.slots:
                at = slot.span[0] - c.span[0]
                if start <= at < end:
                    out.add((c.id, *slot.span))
    return frozenset(out)


def other_year(value: str, year: int | None, published: str | None) -> bool:
    """Whether a resolved date slot dates an earlier time than the story's ("2022" in a
    2025 story): its value is background whatever the rest of the sentence is about."""
    y = _year(value)
    if y is None or year is None:
        return False
    own = _year(published)
    # Only an earlier year: "elections in 2027" is a plan of this story, not another incident.
    return y < year and (own is None or y < own)
