"""The story's anchor in time, and the claims about other incidents (background).

A news story reports one main event, and its articles mention others in
passing: "last year's shooting at the same school", "the 2009 attack", "a
separate drive-by". Aligning those with the story's own event makes spurious
conflicts (another incident's toll against this one's), so they are set apart
as **background**: shown as context, never aligned with or disputing the story.

A claim is background when

* it names another incident by a cue ("last year's", "a separate", "an
  earlier", "a previous"), or
* it dates something it reports to a year that is neither the story's year nor
  its document's publication year ("in 2019", "the 2009 attack"); "since 2019"
  is a span reaching the present, not another incident.

The story's year is the most common publication year, else the most common
year of dated events (a date slot tied to an event word) across documents, the
latest on a tie.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

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
            if slot.kind == "date" and head is not None and isinstance(slot.value, str):
                y = _year(slot.value)
                if y is not None:
                    out.setdefault(c.document, set()).add(y)
    return out


def _other_years(text: str) -> set[int]:
    years = set()
    for m in _YEAR.finditer(text):
        prep = (m.group("prep") or "").lower()
        if prep in _SPAN_PREPS:
            continue
        if prep in ("the", "a", "an", "its", "their") and m.group("noun") not in _INCIDENTS:
            continue
        years.add(int(m.group("year")))
    return years


def background_claims(
    claims: Sequence[ExtractedClaim], published: Mapping[str, str | None], year: int | None
) -> frozenset[str]:
    """Ids of the claims about another incident than the story's own."""
    out = set()
    for c in claims:
        if _OTHER_INCIDENT.search(c.text):
            out.add(c.id)
            continue
        if year is None:
            continue
        allowed = {year}
        own = _year(published.get(c.document))
        if own is not None:
            allowed.add(own)
        stated = _other_years(c.text)
        if stated and not (stated & allowed):
            out.add(c.id)
    return frozenset(out)
