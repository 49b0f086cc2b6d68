"""Value facts: numbers, dates and amounts aligned across documents, with their verdict.

A *fact unit* is one normalised value in one claim (a slot); statements
without values are aligned by ``align`` instead. Units are aligned in two
steps, never all pairs:

1. **Blocking** by a key that two statements of the same fact must share: the
   slot kind, the dimension of its unit (time, currency, people killed, share …),
   the class of the word the value describes ("meeting", "talks", "met" and
   "negotiations" are all ``talks``), and for dates whether the sentence speaks
   of the future ("will meet on Monday" is not the day of the talks).
2. **Leader clustering** inside a block, in a fixed order: a unit joins the most
   similar existing cluster whose named entities do not contradict it (both name
   entities and share none → different facts) and, when the block has no event
   word to lean on, whose wording is close (TF-IDF cosine over content lemmas).
   Cost is O(units × clusters per block), sub-quadratic in documents.

Similarity is lexical TF-IDF, not embeddings: measured on ECB+ (see
``docs/evaluation.md``) it separates the events well once blocking has done its
part, it adds no dependency, and it is fast enough for 1,000-document stories.

A fact's verdict compares values as intervals: "about" widens a value by 25 %
("nearly three hours" ≈ 2.25–3.75 h), "at least"/"at most" open one side,
ranges keep both ends, and an exact value keeps a 2 % rounding margin. Two
values *conflict* when their intervals are disjoint and different sources state
them; "three hours" and "nearly three hours" overlap, "nearly three" and
"seven" do not. Independent sources come from ``sources.source_keys`` (copies,
one outlet, one byline count once). Claims about another incident (``anchor``)
are blocked apart: their values form background facts and never conflict with
the story's own.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from newsprism.crossdoc.graph.places import CARE as _CARE
from newsprism.crossdoc.graph.places import name_words
from newsprism.crossdoc.graph.vectors import (
    Vector,
    cosine,
    cosine_normed,
    idf_table,
    norm,
    tfidf,
)
from newsprism.crossdoc.graph.vectors import tfidf_vectors as tfidf_vectors  # re-exported
from newsprism.extract.claims import ExtractedClaim, claim_entities
from newsprism.extract.slot_context import EVENT_CLASSES
from newsprism.extract.values import AGE_UNIT
from newsprism.models import Entity, Fact, FactValue, Slot

Index = Mapping[tuple[str, int, int], str]

_KIND_PHRASE = {
    "duration": "length of", "count": "number of", "quantity": "amount of",
    "money": "amount of", "percent": "share of", "date": "date of", "time": "time of",
}
_DURATION_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800,
                     "month": 2_629_800, "year": 31_557_600, "decade": 315_576_000}
ABOUT_MARGIN = 0.25
EXACT_MARGIN = 0.02
# Without an event word in common, wording must be this close to align …
LEXICAL_MIN = 0.3
# … or the labels of what the values measure this close (word Jaccard).
LABEL_MIN = 0.5
# Unanchored values (no event word, no casualty) dispute only with sentences this close.
DISPUTE_MIN = 0.4
# Small counts of generic things ("two leaders", "two sides") describe, they do not report.
MIN_GENERIC_COUNT = 3


@dataclass
class _Unit:
    claim: ExtractedClaim
    slot: Slot | None
    value: str  # what FactValue shows: "3 hour", "2025-08-15", "reject"
    interval: tuple[float, float] | None
    entities: frozenset[str]
    vector: Vector
    head: str | None
    source: str
    # Entities that must overlap for two units to be one fact (people; all names for counts).
    people: frozenset[str] = frozenset()
    subject: str | None = None
    # What the value measures, in words ("Valdorian soldiers held in Kestovian camps").
    label: str | None = None
    # Named parties of the event the value belongs to: the ministers' meeting is
    # not the leaders' summit, whatever the wording.
    parties: frozenset[str] = frozenset()


@dataclass
class _Cluster:
    units: list[_Unit] = field(default_factory=list)
    entities: set[str] = field(default_factory=set)
    people: set[str] = field(default_factory=set)
    parties: set[str] = field(default_factory=set)
    vector: Counter[str] = field(default_factory=Counter)


# --------------------------------------------------------------------------- values


def _fmt(x: float | int | str | None) -> str:
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    return str(x)


def _bounds(slot: Slot) -> tuple[float, float] | None:
    raw = slot.value
    if isinstance(raw, str):
        try:
            lo_s, hi_s = raw.split("-", 1)
            lo, hi = float(lo_s), float(hi_s)
        except ValueError:
            return None
    elif isinstance(raw, int | float):
        lo = hi = float(raw)
    else:
        return None
    if slot.kind == "duration":
        scale = _DURATION_SECONDS.get(slot.unit or "", 1)
        lo, hi = lo * scale, hi * scale
    if slot.kind == "percent" and slot.unit == "percent":
        lo, hi = lo / 100, hi / 100
    if slot.approx == "about":
        return lo * (1 - ABOUT_MARGIN), hi * (1 + ABOUT_MARGIN)
    if slot.approx == "at_least":
        return lo, math.inf
    if slot.approx == "at_most":
        return 0.0, hi
    return lo * (1 - EXACT_MARGIN), hi * (1 + EXACT_MARGIN)


def _dimension(slot: Slot) -> str:
    if slot.kind in ("duration", "date", "time"):
        return slot.kind
    if (slot.kind == "percent" and slot.unit == "percent") or slot.unit == "fraction":
        return "share"
    return f"{slot.kind}:{slot.unit}"


def _display(slot: Slot) -> str:
    if slot.kind in ("date", "time"):
        return str(slot.value)
    if slot.kind == "money":
        return f"{_fmt(slot.value)} {slot.unit}"
    return f"{_fmt(slot.value)} {slot.unit}" if slot.unit else _fmt(slot.value)


def _dates_conflict(a: str, b: str) -> bool:
    """Whether two resolved dates cannot both hold ("2025-08" holds with "2025-08-15")."""
    if "W" in a or "W" in b:
        return False  # weeks straddle months; too coarse to contradict anything
    return not (a.startswith(b) or b.startswith(a))


def _conflict(u: _Unit, v: _Unit) -> bool:
    if u.source == v.source:
        return False  # one source stating two values most likely speaks of two things
    if u.slot is None or v.slot is None:
        return False
    if u.slot.kind in ("date", "time"):
        return u.value != v.value and (u.slot.kind == "time" or _dates_conflict(u.value, v.value))
    if u.interval is None or v.interval is None:
        return False
    return u.interval[1] < v.interval[0] or v.interval[1] < u.interval[0]


# --------------------------------------------------------------------------- units


def _units(
    claims: Sequence[ExtractedClaim], ents: Mapping[str, tuple[str, ...]],
    sources: Mapping[str, str], index: Index, persons: frozenset[str],
    background: frozenset[str], located: frozenset[str] = frozenset(),
    background_slots: frozenset[tuple[str, int, int]] = frozenset(),
) -> dict[tuple[str, ...], list[_Unit]]:
    # The weights count every claim, but only a claim with a value unit needs its vector.
    sets, df, n_claims = idf_table([c.lemmas + tuple(ents.get(c.id, ())) for c in claims])
    blocks: dict[tuple[str, ...], list[_Unit]] = {}
    for claim, terms in zip(claims, sets, strict=True):
        if not claim.slots:
            continue
        vec: Vector | None = None
        source = sources.get(claim.document, f"doc:{claim.document}")
        names = frozenset(ents.get(claim.id, ()))
        people = names & persons
        subject = index.get((claim.document, *claim.subject_ref)) if claim.subject_ref else None
        n = len(claim.slots)
        labels = claim.labels or (None,) * n
        parties = claim.participants or ((),) * n
        tenses = claim.tenses or (None,) * n
        for slot, head, label, refs, tense in zip(claim.slots, claim.heads, labels, parties,
                                                  tenses, strict=True):
            if slot.kind == "place" or slot.value is None or slot.unit == AGE_UNIT:
                continue  # places are slots of statements; ages are aligned by person (ages)
            if head is None and slot.kind in ("duration", "date", "time"):
                continue  # "in seven years", "since 2019", "within two weeks": not of an event
            if slot.kind == "count" and slot.unit not in _PEOPLE_UNITS and not (
                isinstance(slot.value, int | float) and slot.value >= MIN_GENERIC_COUNT
            ):
                continue
            cls = EVENT_CLASSES.get(head or "", head or "")
            if slot.kind == "count":
                cls = slot.unit or ""  # the counted noun says what is counted
            future = tense == "future" if tense is not None else claim.future
            other = claim.id in background or (claim.id, *slot.span) in background_slots
            key = (slot.kind, _dimension(slot), cls,
                   "future" if slot.kind in ("date", "time") and future else "",
                   "background" if other else "")
            if vec is None:
                vec = tfidf(terms, df, n_claims)
            blocks.setdefault(key, []).append(
                _Unit(claim, slot, _display(slot), _bounds(slot), names, vec,
                      EVENT_CLASSES.get(head or "", head), source,
                      # Counts of victims differ by place as much as by person; the
                      # hospital they were taken to or the police that spoke do not.
                      names & located if slot.kind == "count" else people, subject, label,
                      frozenset(index[(claim.document, *r)] for r in refs
                                if (claim.document, *r) in index))
            )
    return blocks


_EVENT_NAMES = frozenset(EVENT_CLASSES.values())
_POSSESSIVE = re.compile(r"^[A-Z][\w.-]*['’]s ")
_PEOPLE_UNITS = frozenset({"people", "killed", "injured", "arrested", "missing", "evacuated",
                           "displaced", "rescued", "kidnapped"})


# --------------------------------------------------------------------------- clustering


def _label_words(label: str | None) -> frozenset[str]:
    return frozenset(label.lower().split()) if label else frozenset()


def _same_thing(unit: _Unit, cl: _Cluster) -> bool:
    """Whether the unit measures what the cluster measures, by label, and agrees with it.

    Sentences of different outlets about one number share few words besides it
    ("attended by more than 200 delegates" / "brought more than 200 delegates"),
    so a close label and a compatible value stand in for close wording.
    """
    mine = _label_words(unit.label)
    if not mine or any(_conflict(unit, u) for u in cl.units):
        return False
    for u in cl.units:
        theirs = _label_words(u.label)
        if theirs and len(mine & theirs) / len(mine | theirs) >= LABEL_MIN:
            return True
    return False


def _cluster(units: list[_Unit], lexical: bool,
             words: Mapping[str, frozenset[str]] | None = None) -> list[_Cluster]:
    """Leader clustering. What ``places.compatible`` and ``cosine`` compute per unit and
    cluster is kept beside each (name words, norms) and updated when a unit joins: the
    same sums in the same order, once per change instead of once per comparison."""
    clusters: list[_Cluster] = []
    words = words or {}
    norms: list[float] = []
    named: list[set[str]] = []  # distinctive name words of each cluster's people
    none: frozenset[str] = frozenset()
    # Without wording to lean on, the unit naming the most parties leads: it bridges the
    # reports that name the place one way ("Quarry Lane") or another ("the warehouse").
    order = (lambda u: (u.claim.document, u.claim.span, u.value)) if lexical else (
        lambda u: (-len(u.people), u.claim.document, u.claim.span, u.value))
    for unit in sorted(units, key=order):
        best, best_sim, best_k = None, -1.0, -1
        people, vector = unit.people, unit.vector
        unit_norm = norm(vector)
        mine: set[str] | None = None
        for k, cl in enumerate(clusters):
            if people and cl.people and not people & cl.people:
                if mine is None:
                    mine = set().union(*(words.get(e, none) for e in people))
                if not mine & named[k]:
                    continue
            if unit.parties and cl.parties and not (unit.parties & cl.parties):
                continue
            sim = cosine_normed(vector, unit_norm, cl.vector, norms[k])
            if lexical and sim < LEXICAL_MIN and not _same_thing(unit, cl):
                continue
            if sim > best_sim:
                best, best_sim, best_k = cl, sim, k
        if best is None:
            best = _Cluster()
            clusters.append(best)
            norms.append(0.0)
            named.append(set())
            best_k = len(clusters) - 1
        best.units.append(unit)
        best.entities |= unit.entities
        best.people |= people
        best.parties |= unit.parties
        best.vector.update(vector)
        norms[best_k] = norm(best.vector)
        named[best_k].update(*(words.get(e, none) for e in people))
    return clusters


def _plural(noun: str) -> str:
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def _surname(name: str) -> str:
    return name.split()[-1] if name.split() else name


def _top(counts: Counter[str], entities: Mapping[str, Entity], n: int) -> list[str]:
    return [e for e, _ in sorted(counts.items(), key=lambda kv: (-kv[1], entities[kv[0]].name))[:n]]


def _names(units: list[_Unit], entities: Mapping[str, Entity], event: bool) -> str:
    """Who the fact is about: for an event word the people in it ("Trump–Putin"), else
    its named parties ("Northern Compact"); otherwise the most frequent grammatical
    subject; "" when nobody is named."""
    if event:
        counts: Counter[str] = Counter(
            e for u in units for e in u.people if e in entities and entities[e].type == "PERSON"
        )
        if counts:
            return "–".join(_surname(entities[e].name) for e in _top(counts, entities, 2))
        parties: Counter[str] = Counter(e for u in units for e in u.parties if e in entities)
        return "–".join(entities[e].name for e in _top(parties, entities, 2))
    subjects = Counter(u.subject for u in units if u.subject is not None and u.subject in entities)
    if not subjects:
        return ""
    ent = entities[sorted(subjects.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]]
    return _surname(ent.name) if ent.type == "PERSON" else ent.name


def _label(units: list[_Unit]) -> str | None:
    """The label most units give; ties go to the shorter, then the first in order."""
    labels = Counter(u.label for u in units if u.label)
    if not labels:
        return None
    return sorted(labels.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0][0]


def _about(kind: str, units: list[_Unit], entities: Mapping[str, Entity]) -> tuple[str, bool]:
    """(label, reads well): a weak label is only worth showing for several sources."""
    slot = units[0].slot
    assert slot is not None
    heads = Counter(u.head for u in units if u.head)
    head = sorted(heads.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if heads else ""
    event = head in _EVENT_NAMES
    label = _label(units)
    if slot.kind == "count":
        unit = slot.unit or "things"
        if unit in _PEOPLE_UNITS - {"people"}:
            # A place says which incident ("number of people killed (Dock Street)"); a
            # person's name would read as the victim's.
            names = _names([u for u in units if u.subject is None or u.subject not in entities
                            or entities[u.subject].type != "PERSON"], entities, event=False)
            return f"number of people {unit}" + (f" ({names})" if names else ""), True
        if label:
            return f"number of {label}", True
        return "number of " + ("people" if unit == "people" else _plural(unit)), False
    if event:
        names = _names(units, entities, event=True)
        noun = " ".join(x for x in (names, head) if x)
        return f"{_KIND_PHRASE[slot.kind]} the {noun}", True
    if label:
        # "date of Russia's full-scale invasion": a name's possessive needs no article.
        the = "" if _POSSESSIVE.match(label) else "the "
        return f"{_KIND_PHRASE[slot.kind]} {the}{label}", True
    names = _names(units, entities, event=False)
    noun = " ".join(x for x in (names, head) if x) or "event"
    return f"{_KIND_PHRASE[slot.kind]} the {noun}", False


def _approx(units: list[_Unit]) -> Literal["about", "at_least", "at_most"] | None:
    """The approximation all units of one value share ("nearly", "about" → about)."""
    kinds = {u.slot.approx if u.slot is not None else "exact" for u in units}
    if len(kinds) != 1:
        return None
    kind = next(iter(kinds))
    if kind == "about" or kind == "at_least" or kind == "at_most":
        return kind
    return None


_CLAIM_VERBS = frozenset({"claim", "allege", "boast", "assert", "insist", "contend", "argue"})


def _claimed(claim: ExtractedClaim) -> bool:
    """The value is someone's claim, not the outlet's: "He has repeatedly claimed credit
    for halting six wars", "reportedly", "according to X"."""
    return claim.predicate in _CLAIM_VERBS or claim.hedged


def _agree(u: _Unit, v: _Unit) -> bool:
    """Two sources state one value: the same value, or two bounded values that overlap
    ("90 minutes" / "1.5 hours", "nearly three hours" / "three hours"). Two different
    lower bounds ("at least 8" / "more than 12") are compatible, not the same statement."""
    if u.source == v.source:
        return False
    if u.value == v.value:
        return True
    if u.slot is not None and v.slot is not None and u.slot.kind in ("date", "time"):
        return not _conflict(u, v)  # "2025-08" holds with "2025-08-15"
    a, b = u.interval, v.interval
    if a is None or b is None or (a[1] < b[0] or b[1] < a[0]):
        return False
    open_a = math.inf == a[1] or a[0] == 0.0
    open_b = math.inf == b[1] or b[0] == 0.0
    return not (open_a and open_b)  # a bound holds with a figure inside it, not with a bound


def _facts(units: list[_Unit], entities: Mapping[str, Entity], background: bool,
           index: Index, lexical: bool = False) -> list[Fact]:
    """The fact of one cluster; several single-source facts when its sources state
    different values that neither match nor conflict ("at least eight shots" / "more
    than a dozen shots": two lower bounds, not one number two sources agree on)."""
    sources = {u.source for u in units}
    # A source that states both values ("seven life sentences and four sentences of 20
    # years", "178 of 369 punches") speaks of two things, not of one thing two ways.
    stating: dict[str, set[str]] = {}
    for u in units:
        stating.setdefault(u.value, set()).add(u.source)
    # Without an event word or a casualty to anchor them, two counts of one noun
    # ("11 seasons in Philadelphia" / "15 seasons in the NBA") dispute only when their
    # sentences are close: a different scope is the likelier reading.
    conflict = not background and any(
        _conflict(a, b) and not stating[a.value] & stating[b.value]
        and (not lexical or cosine(a.vector, b.vector) >= DISPUTE_MIN)
        for i, a in enumerate(units) for b in units[i + 1 :])
    groups: dict[str, list[_Unit]] = {}
    for u in units:
        groups.setdefault(u.value, []).append(u)
    if not conflict and len(groups) > 1 and len(sources) >= 2 and not any(
        _agree(a, b) for i, a in enumerate(units) for b in units[i + 1:]
    ):
        return [f for _, us in sorted(groups.items())
                for f in _facts(us, entities, background, index, lexical)]
    fact = _fact(units, groups, sources, conflict, entities, background, index)
    return [fact] if fact is not None else []


def _fact(units: list[_Unit], groups: Mapping[str, list[_Unit]], sources: set[str],
          conflict: bool, entities: Mapping[str, Entity], background: bool,
          index: Index) -> Fact | None:
    kind = units[0].slot.kind if units[0].slot is not None else "quantity"
    about, reads_well = _about(kind, units, entities)
    if not reads_well and len(sources) < 2:
        return None  # "date of the say": unknown beats a fact nobody can read
    values = [
        FactValue(value=v, claims=sorted({u.claim.id for u in us}),
                  documents=sorted({u.claim.document for u in us}), approx=_approx(us))
        for v, us in groups.items()
    ]
    values.sort(key=lambda fv: (-len(fv.documents), fv.value))
    status = "conflict" if conflict else ("corroborated" if len(sources) >= 2 else "single_source")
    digest = hashlib.sha256(
        (about + "\x1f" + "\x1f".join(sorted(c for fv in values for c in fv.claims))).encode()
    ).hexdigest()[:12]
    attributed = all(_claimed(u.claim) for u in units)
    speakers = {index.get((u.claim.document, *ref)) for u in units
                if (ref := u.claim.speaker_ref or u.claim.subject_ref) is not None}
    speaker = next(iter(speakers)) if attributed and len(speakers) == 1 else None
    return Fact(id=f"f-{digest}", about=about, status=status,
                independent_sources=len(sources), values=values, kind=kind,
                background=background, attributed=attributed,
                attributed_to=speaker if speaker and speaker in entities else None)


def value_facts(
    claims: Sequence[ExtractedClaim],
    sources: Mapping[str, str],
    index: Index,
    entities: Sequence[Entity],
    background: frozenset[str] = frozenset(),
    background_slots: frozenset[tuple[str, int, int]] = frozenset(),
) -> list[Fact]:
    """Facts over the values of all claims of one story (unsorted)."""
    ents = claim_entities(claims, index)
    by_id = {e.id: e for e in entities}
    ordered = sorted(claims, key=lambda c: (c.document, c.span))
    persons = frozenset(e.id for e in entities if e.type == "PERSON")
    # Where victims were taken is not where it happened.
    located = frozenset(e.id for e in entities if e.type in ("PERSON", "GPE", "LOC", "FAC")
                        and not _CARE.search(e.name))
    blocks = _units(ordered, ents, sources, index, persons, background, located,
                    background_slots)
    words = name_words(entities)
    facts: list[Fact] = []
    for key in sorted(blocks):
        # An event word ("talks") or a casualty count ("killed") names what the
        # value is about; anything else must also be worded alike to align.
        anchored = key[2] in _EVENT_NAMES or key[2] in _PEOPLE_UNITS - {"people"}
        for cl in _cluster(blocks[key], not anchored, words):
            facts += _facts(cl.units, by_id, key[-1] == "background", index, not anchored)
    return facts
