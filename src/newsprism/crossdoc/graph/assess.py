"""Assess aligned statements: status, attribution and the story's main event.

A cluster of aligned units (``align``) becomes a statement fact when at least
two independent sources state it, or when another cluster contradicts it:

* ``corroborated``: two or more independent sources (``sources``), no
  contradiction;
* ``conflict``: units linked by a conflict edge (affirmed vs negated, agreed vs
  rejected) from different sources; both sides are values of one fact, each
  with its documents;
* **attributed**: every unit is reported speech or hedged ("X said …",
  "according to …", "reportedly"), so what several sources corroborate is that
  it *was said*; ``attributed_to`` names the speaker when they all name one.

A statement stated by one source only is not listed as a fact: it is a claim,
and the summary shows it labelled as single-source.

The **main event** is the corroborated, happened, own-voice statement whose
predicate names an event (meet, attack, kill, agree, …) with the most sources;
ties go to the one stated earliest in its articles.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence

from newsprism.crossdoc.graph.align import Links, Unit
from newsprism.models import Entity, Fact, FactValue

EVENT_CLASSES = frozenset({"meet", "attack", "kill", "injure", "arrest", "charge", "convict",
                           "agree", "reject", "announce", "release", "invite", "achieve", "end",
                           "sign", "vote", "win", "crash"})


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _representative(units: Sequence[Unit]) -> Unit:
    """The unit that reads best as the label: named arguments, short, early in its article."""
    def score(u: Unit) -> tuple[int, int, int, str, tuple[int, int]]:
        words = len(u.prop.label.split())
        named = (u.agent is not None) + (u.theme is not None)
        return (-named, abs(words - 8), u.claim.position, u.claim.document, u.claim.span)
    return min(units, key=score)


def _value(units: Sequence[Unit]) -> FactValue:
    rep = _representative(units)
    shown = rep.prop.label or rep.claim.text
    if rep.prop.complement and rep.prop.complement not in shown.lower():
        shown = f"{shown} as {rep.prop.complement}"  # "Trump described the talks as productive"
    return FactValue(
        value=shown,
        claims=sorted({u.claim.id for u in units}),
        documents=sorted({u.claim.document for u in units}),
        polarity="negated" if rep.negated else "affirmed",
        modality=rep.modality,
    )


def _surname(ent: Entity) -> str:
    return ent.name.split()[-1] if ent.type == "PERSON" and ent.name.split() else ent.name


def _about(units: Sequence[Unit], entities: Mapping[str, Entity]) -> str:
    """What the fact says, read from its units: a meeting by its parties ("Trump and Putin
    met"), a description by its word ("meeting described as productive"), else the label
    of the unit that reads best."""
    rep = _representative(units)
    if rep.parties:
        names = sorted(_surname(entities[p]) for p in rep.parties if p in entities)
        if len(names) >= 2:
            who = ", ".join(names[:-1]) + " and " + names[-1]
            return f"{who} {'to meet' if rep.modality == 'planned' else 'met'}"
    comp = next((u.prop.complement for u in units if u.prop.complement), None)
    theme = next((u.prop.theme for u in units if u.prop.theme), None)
    if comp and theme:
        return f"{theme} described as {comp}"
    return rep.prop.label or rep.claim.text


def _attribution(units: Sequence[Unit]) -> tuple[bool, str | None]:
    if not all(u.reported for u in units):
        return False, None
    speakers = {u.speaker for u in units}
    if len(speakers) == 1:
        return True, next(iter(speakers))
    return True, None


def statement_facts(units: Sequence[Unit], groups: Sequence[list[int]], links: Links,
                    entities: Mapping[str, Entity]) -> tuple[list[Fact], dict[str, list[Unit]]]:
    """Facts from clusters of units (and the units of each fact, by id); conflict edges join
    two clusters into one disputed fact."""
    cluster_of = {i: g for g, members in enumerate(groups) for i in members}
    parent = list(range(len(groups)))
    disputed: set[int] = set()
    for _, i, j in sorted(links.conflict, key=lambda t: (-t[0], t[1], t[2])):
        a, b = _find(parent, cluster_of[i]), _find(parent, cluster_of[j])
        if a == b:
            continue
        parent[max(a, b)] = min(a, b)
        disputed.add(min(a, b))
    merged: dict[int, list[int]] = {}
    for g in range(len(groups)):
        merged.setdefault(_find(parent, g), []).append(g)
    facts: list[Fact] = []
    members_of: dict[str, list[Unit]] = {}
    for root, members in sorted(merged.items()):
        sides = [[units[i] for i in groups[g]] for g in members]
        all_units = [u for side in sides for u in side]
        sources = {u.source for u in all_units}
        conflict = root in disputed and len(sources) >= 2
        if len(sources) < 2:
            continue
        if conflict:
            # Sides by polarity/class: several clusters may say the same side.
            by_side: dict[tuple[bool, str], list[Unit]] = {}
            for u in all_units:
                by_side.setdefault((u.negated, u.pclass), []).append(u)
            values = [_value(us) for _, us in sorted(by_side.items())]
            side_sources = [{u.source for u in us} for us in by_side.values()]
            if len(values) < 2 or len(set().union(*side_sources)) < 2:
                conflict = False
        if not conflict:
            values = [_value(all_units)]
        values.sort(key=lambda v: (-len(v.documents), v.value))
        attributed, speaker = _attribution(all_units)
        about = _about(all_units, entities)
        if not conflict and _representative(all_units).parties:
            # A meeting reads by its parties ("Trump and Putin met"); the clause's own
            # words would string the names together ("summit U.S. President …").
            values = [values[0].model_copy(update={"value": about})]
        if conflict:
            # Neutral wording: the side that affirms, asked as a question.
            agree = [u for u in all_units if not u.negated and u.pclass not in ("reject", "deny")]
            about = "whether " + _about(agree or all_units, entities)
        digest = hashlib.sha256(
            ("statement\x1f" + about + "\x1f" + "\x1f".join(
                sorted(c for v in values for c in v.claims))).encode()
        ).hexdigest()[:12]
        facts.append(Fact(
            id=f"f-{digest}", about=about,
            status="conflict" if conflict else "corroborated",
            independent_sources=len(sources), values=values, kind="statement",
            attributed=attributed, attributed_to=speaker,
        ))
        members_of[facts[-1].id] = all_units
    return facts, members_of


def main_event(facts: Sequence[Fact], members_of: Mapping[str, list[Unit]]) -> str | None:
    """Id of the story's main event among the statement facts, or None."""
    best: tuple[int, int, float, str] | None = None
    chosen = None
    for f in facts:
        if f.kind != "statement" or f.status != "corroborated" or f.attributed:
            continue
        members = members_of.get(f.id, [])
        classes = Counter(u.pclass for u in members)
        if not members or classes.most_common(1)[0][0] not in EVENT_CLASSES:
            continue
        if any(u.modality != "happened" or u.negated for u in members):
            continue
        position = sum(u.claim.position for u in members) / len(members)
        key = (-f.independent_sources, 0, position, f.id)
        if best is None or key < best:
            best, chosen = key, f.id
    return chosen
