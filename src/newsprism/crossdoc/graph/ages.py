"""Ages across sources: "Marcus Reyes, 19," in one report, "Reyes, 17," in another.

An age is a fact about a person, so it is aligned by *who*, never by wording:

* a named age ("Reyes, 19,") belongs to the PERSON mention that ends just
  before it;
* an unnamed age ("a 17-year-old was killed", "left a 19-year-old man dead")
  belongs to the role the count around it gives (the person killed, the
  person injured). When exactly one named person of the story has an age
  stated in a sentence that also says they were killed (or injured), the
  role is that person: "the 17-year-old killed" and "Marcus Reyes, 19, was
  killed" are ages of one victim.

Ages of one person from different independent sources that differ are a
conflict; agreeing ones are corroborated. An age stated by one source only is
left out: a bystander's age is detail, not a fact worth a card. Background
claims (another incident) never take part.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence

from newsprism.extract.claims import ExtractedClaim
from newsprism.extract.values import AGE_UNIT
from newsprism.models import Entity, Fact, FactValue, Slot

Index = Mapping[tuple[str, int, int], str]

_ROLE_WORDS = {
    "killed": re.compile(r"\b(?:killed|died|dead|slain|murdered|fatally)\b", re.IGNORECASE),
    "injured": re.compile(r"\b(?:wounded|injured|hurt|hospitali[sz]ed)\b", re.IGNORECASE),
}
_ROLE_LABEL = {"killed": "the person killed", "injured": "the person injured"}


def is_age(slot: Slot) -> bool:
    return slot.kind == "quantity" and slot.unit == AGE_UNIT


def _owner(claim: ExtractedClaim, slot: Slot, index: Index,
           persons: frozenset[str]) -> tuple[str | None, str | None]:
    """(person entity id, role) the age belongs to; (None, None) when nobody."""
    for s, e in claim.mentions:
        if 0 <= slot.span[0] - e <= 2:
            ent = index.get((claim.document, s, e))
            if ent in persons:
                local = claim.text[slot.span[1] - claim.span[0]:]
                return ent, next((r for r, rx in _ROLE_WORDS.items() if rx.search(local)), None)
    for other in claim.slots:
        if (other.kind == "count" and other.unit in _ROLE_LABEL
                and other.span[0] <= slot.span[0] and slot.span[1] <= other.span[1]):
            return None, other.unit
    return None, None


def age_facts(claims: Sequence[ExtractedClaim], sources: Mapping[str, str], index: Index,
              entities: Sequence[Entity], background: frozenset[str]) -> list[Fact]:
    """Age facts of one story: corroborated or disputed, never single-source."""
    persons = frozenset(e.id for e in entities if e.type == "PERSON")
    by_id = {e.id: e for e in entities}
    found: list[tuple[str | None, str | None, ExtractedClaim, Slot]] = []
    for c in claims:
        if c.id in background:
            continue
        for slot in c.slots:
            if is_age(slot) and isinstance(slot.value, int | float):
                who, role = _owner(c, slot, index, persons)
                if who is not None or role is not None:
                    found.append((who, role, c, slot))
    # A role is a person when one named person of the story is said to have that role.
    named_roles: dict[str, set[str]] = {}
    for who, role, _, _ in found:
        if who is not None and role is not None:
            named_roles.setdefault(role, set()).add(who)
    groups: dict[str, list[tuple[ExtractedClaim, Slot]]] = {}
    for who, role, c, slot in found:
        if who is None and role is not None and len(named_roles.get(role, ())) == 1:
            who = next(iter(named_roles[role]))
        key = who if who is not None else f"role:{role}"
        groups.setdefault(key, []).append((c, slot))
    facts = []
    for key, members in sorted(groups.items()):
        srcs = {sources.get(c.document, c.document) for c, _ in members}
        if len(srcs) < 2:
            continue
        values: dict[str, list[ExtractedClaim]] = {}
        for c, slot in members:
            assert isinstance(slot.value, int | float)
            values.setdefault(f"{int(slot.value)} {AGE_UNIT}", []).append(c)
        side_sources = [{sources.get(c.document, c.document) for c in cs}
                        for cs in values.values()]
        conflict = len(values) > 1 and len(set().union(*side_sources)) >= 2
        who_name = by_id[key].name if key in by_id else _ROLE_LABEL[key.split(":", 1)[1]]
        about = f"age of {who_name}"
        fvalues = sorted(
            (FactValue(value=v, claims=sorted({c.id for c in cs}),
                       documents=sorted({c.document for c in cs})) for v, cs in values.items()),
            key=lambda fv: (-len(fv.documents), fv.value))
        digest = hashlib.sha256(
            ("age\x1f" + about + "\x1f" + "\x1f".join(
                sorted(c for fv in fvalues for c in fv.claims))).encode()).hexdigest()[:12]
        facts.append(Fact(id=f"f-{digest}", about=about,
                          status="conflict" if conflict else "corroborated",
                          independent_sources=len(srcs), values=fvalues, kind="quantity"))
    return facts
