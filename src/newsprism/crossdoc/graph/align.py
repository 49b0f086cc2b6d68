"""Align propositions across documents: which statements say the same thing.

Every proposition of a claim (``extract.propositions``) becomes a *unit* with
its arguments resolved to entity ids. Two units from different independent
sources are one statement when

1. they are **candidates**: they share a blocking key, either the predicate
   class with the theme ("meet" + Zelensky, "achieve" + ceasefire) or the
   predicate class with the agent ("demand" + Kroll). Pairs are only formed
   inside a key, so cost follows the size of the keys, not the square of the
   story; an oversized key (a very common theme) only pairs units that share
   both keys;
2. the **arguments check**: the same predicate class (or opposite ones:
   agreed / rejected), no two different named agents, the same theme, no two
   disjoint sets of named places, no two dates that cannot be one day, the same
   modality (a planned meeting is not the meeting that happened);
3. their sentences are **close in meaning**: cosine of MiniLM sentence
   embeddings (``newsprism.embed``) at least ``SIM_MIN`` — the check that
   keeps "Putin met Trump in Anchorage" apart from "Putin met Xi in Beijing"
   when the parse gives the same skeleton. Only units in a candidate pair are
   embedded. Without the model installed, TF-IDF cosine over content lemmas
   stands in (lower threshold).

Units of opposite polarity, or of opposite classes, that pass the same checks
with a closer meaning (``SIM_CONFLICT``) and a shared named agent or theme are
a **conflict edge**: "the talks ended without a deal" / "they reached a deal".
Background units (``anchor``) are never aligned.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from newsprism.extract.claims import ExtractedClaim
from newsprism.extract.propositions import OPPOSITES, Proposition

Index = Mapping[tuple[str, int, int], str]

SIM_MIN = 0.55
# Units whose predicate class and a specific theme agree need less wording in common.
SIM_STRONG = 0.4
SIM_CONFLICT = 0.6
# A describing verb with the same word for the same kind of thing: all arguments agree.
DESCRIBED_MIN = 0.3
LEXICAL_MIN = 0.25
MAX_BLOCK = 60
# Predicates too general to say anything checkable on their own.
GENERIC = frozenset(
    """
    be have do make get go come see seem appear become remain know think believe want
    take give put use show follow say let keep look feel leave find try need mean
    """.split()  # noqa: SIM905
)
# Nouns that name the same outcome or event, so "produced no agreement" and
# "concluded without a deal" share a theme.
THEME_CLASSES: dict[str, str] = {
    w: cls
    for cls, words in {
        "deal": "deal agreement accord settlement consensus pact breakthrough",
        "ceasefire": "ceasefire truce armistice",
        "talks": "talk talks meeting summit negotiation discussion session conversation",
        "guarantee": "guarantee assurance protection",
        "invitation": "invitation invite",
    }.items()
    for w in words.split()
}
_OUTCOME_CLASSES = frozenset({"achieve", "end"})
# Predicates whose subject and object can swap: "Trump met Putin" = "Putin met Trump".
SYMMETRIC = frozenset({"meet"})


@dataclass
class Unit:
    """One proposition of one claim, with its arguments as entity ids or lemmas."""

    claim: ExtractedClaim
    prop: Proposition
    source: str
    pclass: str
    agent: str | None  # entity id
    theme: str | None  # entity id or theme class
    places: frozenset[str]
    speaker: str | None
    reported: bool
    # Named parties (entity ids) of a symmetric predicate ("meet"), else empty.
    parties: frozenset[str] = frozenset()
    # Every place the sentence names ("in Anchorage, Alaska" names both).
    place_names: frozenset[str] = frozenset()
    # Resolved dates the sentence states ("2008", "2012-11-10").
    dates: frozenset[str] = frozenset()

    @property
    def modality(self) -> str:
        return self.prop.modality

    @property
    def negated(self) -> bool:
        return self.prop.polarity == "negated"


@dataclass
class Links:
    """Edges between unit indices: same statement, and contradicting statements."""

    same: list[tuple[float, int, int]] = field(default_factory=list)
    conflict: list[tuple[float, int, int]] = field(default_factory=list)


def theme_key(prop: Proposition, document: str, index: Index) -> str | None:
    """The theme as an entity id ("e-…") or a theme class ("deal"), or the complement
    of a describing verb ("described the talks as productive" → ``productive``)."""
    if prop.complement:
        return f"~{prop.complement}"
    if prop.theme_ref is not None:
        ent = index.get((document, *prop.theme_ref))
        if ent is not None:
            return ent
    if prop.theme is None:
        return None
    return THEME_CLASSES.get(prop.theme, prop.theme)


def make_units(
    claims: Sequence[ExtractedClaim],
    sources: Mapping[str, str],
    index: Index,
    places: Mapping[str, tuple[frozenset[str], frozenset[str]]],
    background: frozenset[str],
    persons: frozenset[str] = frozenset(),
) -> list[Unit]:
    """``places``: per claim id, (places it puts something in, every place it names)."""
    out: list[Unit] = []
    for claim in claims:
        if claim.id in background:
            continue
        speaker = index.get((claim.document, *claim.speaker_ref)) if claim.speaker_ref else None
        for prop in claim.propositions:
            if prop.modality not in ("happened", "planned") or prop.predicate in GENERIC:
                continue
            agent = index.get((claim.document, *prop.agent_ref)) if prop.agent_ref else None
            theme = theme_key(prop, claim.document, index)
            pclass = prop.pclass
            if pclass in _OUTCOME_CLASSES and theme in ("deal", "ceasefire"):
                pclass = "achieve"  # "ended without a ceasefire" = "no ceasefire was reached"
            parties: frozenset[str] = frozenset()
            if pclass in SYMMETRIC:
                parties = frozenset(i for r in prop.parties
                                    if (i := index.get((claim.document, *r))) is not None)
                if len(parties & persons) >= 2:
                    parties &= persons  # "U.S. President Trump": the people are the parties
                agent, theme = None, None  # the parties say who; "on Tuesday" is no theme
                if len(parties) < 2:
                    continue  # "the leaders met": who met whom is the whole point
            elif agent is None and theme is None:
                continue
            where, named = places.get(claim.id, (frozenset(), frozenset()))
            out.append(Unit(claim, prop, sources.get(claim.document, claim.document), pclass,
                            agent, theme, where, speaker,
                            prop.reported or claim.speaker_ref is not None or claim.hedged,
                            parties, named | where, _dates(claim)))
    return out


def _keys(u: Unit) -> list[tuple[str, ...]]:
    keys: list[tuple[str, ...]] = [("p", u.pclass, p) for p in sorted(u.parties)]
    if u.theme is not None:
        keys.append(("t", u.pclass, u.theme))
        if u.pclass in OPPOSITES:
            keys.append(("t", OPPOSITES[u.pclass], u.theme))
    if u.agent is not None:
        keys.append(("a", u.pclass, u.agent))
        if u.pclass in OPPOSITES:
            keys.append(("a", OPPOSITES[u.pclass], u.agent))
    return keys


def candidate_pairs(units: Sequence[Unit]) -> list[tuple[int, int]]:
    """Index pairs (i < j) from different sources that share a blocking key."""
    blocks: dict[tuple[str, ...], list[int]] = {}
    for i, u in enumerate(units):
        for k in _keys(u):
            blocks.setdefault(k, []).append(i)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        big = len(members) > MAX_BLOCK
        for a_pos, i in enumerate(members):
            for j in members[a_pos + 1:]:
                ui, uj = units[i], units[j]
                if ui.source == uj.source:
                    continue
                if big and not (ui.agent == uj.agent and ui.theme == uj.theme):
                    continue
                pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)


_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "which", "that"})


def _other_agent(a: Unit, b: Unit) -> bool:
    """``a`` names its agent and ``b`` has a different one in words: "Zelenskiy called
    for guarantees" is not "the Eastern European states demand guarantees"."""
    word = b.prop.agent
    return (a.agent is not None and b.agent is None and word is not None
            and word.lower() not in _PRONOUNS and b.prop.agent_ref is None
            and word.lower() != (a.prop.agent or "").lower())


def _other_words(a: Unit, b: Unit) -> bool:
    """Neither agent is a resolved name and their head nouns differ: "the Eastern European
    states are demanding" is not "European leaders have demanded" (different agents)."""
    x, y = a.prop.agent, b.prop.agent
    return (a.agent is None and b.agent is None and x is not None and y is not None
            and x.lower() not in _PRONOUNS and y.lower() not in _PRONOUNS
            and x.lower() != y.lower())


def _dates(claim: ExtractedClaim) -> frozenset[str]:
    return frozenset(str(s.value) for s in claim.slots
                     if s.kind == "date" and isinstance(s.value, str) and "W" not in s.value)


def _another_time(a: Unit, b: Unit) -> bool:
    """Both sentences date what they say and no two of their dates can be one day
    ("In 2008, Klitschko stopped Thompson" is not the 2012 fight)."""
    return bool(a.dates and b.dates) and not any(
        x.startswith(y) or y.startswith(x) for x in a.dates for y in b.dates)


def _elsewhere(a: Unit, b: Unit) -> bool:
    """Whether the two happen in different places: each puts it somewhere the other never
    names ("in Anchorage" / "in Alaska, at Anchorage" agree; "in Anchorage" / "in Beijing" not)."""
    return bool(a.places and b.places and not a.places & b.place_names
                and not b.places & a.place_names)


def _arguments_agree(a: Unit, b: Unit) -> bool:
    if a.modality != b.modality or _another_time(a, b):
        return False
    if a.parties or b.parties:
        # Symmetric: the same parties, or one side names more of them; "Trump met Putin"
        # is not "Trump met Xi".
        same = a.parties <= b.parties or b.parties <= a.parties
        return same and not _elsewhere(a, b)
    if a.agent is not None and b.agent is not None and a.agent != b.agent:
        return False
    if _other_agent(a, b) or _other_agent(b, a) or _other_words(a, b):
        return False
    if a.theme is not None and b.theme is not None and a.theme != b.theme:
        return False
    # A theme on one side only: "Reyes accepted" (that talks could go on) is not "Reyes
    # accepted the invitation". Without a theme on both, only a shared named agent holds.
    if (a.theme is None) != (b.theme is None):
        return False
    if a.theme is None and (a.agent is None or a.agent != b.agent):
        return False
    return not _elsewhere(a, b)


# Capitalised at the start of a sentence, but no name: two of them need not be the same party.
_NOT_NAMES = frozenset(
    """
    he she they it we i you who which that this these those the a an both each all some
    official officials leader leaders side sides police officers authorities government
    residents protesters critics analysts experts lawmakers troops forces people sources
    witnesses neighbours neighbors members delegates diplomats ministers
    """.split()  # noqa: SIM905
)


def _same_name(a: Unit, b: Unit) -> bool:
    """Both agents unlinked but written alike ("Reyes"): the same party for a conflict."""
    x, y = a.prop.agent, b.prop.agent
    return (a.agent is None and b.agent is None and x is not None and x == y
            and x[:1].isupper() and x.lower() not in _NOT_NAMES)


def _same_description(a: Unit, b: Unit) -> bool:
    """The same word said of the same kind of thing ("called the talks productive" /
    "described the discussions as productive"): every argument agrees, wording may not."""
    ta, tb = a.prop.theme, b.prop.theme
    return (a.theme is not None and a.theme == b.theme and a.theme.startswith("~")
            and ta is not None and tb is not None
            and THEME_CLASSES.get(ta, ta) == THEME_CLASSES.get(tb, tb))


def plausible(units: Sequence[Unit], pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The candidate pairs whose arguments agree, before any similarity is computed: only
    their sentences are embedded, which keeps the model's cost to a few per cent of a run."""
    out = []
    for i, j in pairs:
        a, b = units[i], units[j]
        if a.pclass != b.pclass and OPPOSITES.get(a.pclass) != b.pclass:
            continue
        if _arguments_agree(a, b):
            out.append((i, j))
    return out


def weighed(a: Unit, b: Unit) -> bool:
    """Whether ``decide`` compares the pair's similarity with a threshold: the same class
    (an edge when close enough), or opposite statements about a named party that happened
    (a conflict when close enough). Any other pair is no edge whatever its similarity, so
    its sentences need not be embedded."""
    opposite = (a.pclass != b.pclass) != (a.negated != b.negated)
    if not opposite:
        return a.pclass == b.pclass
    named = (a.agent is not None and a.agent == b.agent) or (
        a.theme is not None and a.theme == b.theme and a.theme.startswith("e-")) or (
        _same_name(a, b))
    return named and a.modality == "happened"


def decide(units: Sequence[Unit], pairs: Sequence[tuple[int, int]],
           sims: Sequence[float], lexical: bool) -> Links:
    """Keep the candidate pairs whose arguments agree and whose meaning is close."""
    links = Links()
    floor = LEXICAL_MIN if lexical else SIM_MIN
    conflict_floor = LEXICAL_MIN + 0.05 if lexical else SIM_CONFLICT
    strong = SIM_STRONG if not lexical else LEXICAL_MIN
    for (i, j), sim in zip(pairs, sims, strict=True):
        a, b = units[i], units[j]
        if not _arguments_agree(a, b):
            continue
        specific = bool(a.parties) or (a.theme is not None and a.theme == b.theme and (
            a.theme.startswith(("e-", "~")) or a.theme in THEME_CLASSES.values()))
        described = _same_description(a, b)
        opposite = (a.pclass != b.pclass) != (a.negated != b.negated)
        if a.pclass != b.pclass and OPPOSITES.get(a.pclass) != b.pclass:
            continue
        if not opposite:
            need = DESCRIBED_MIN if described else (strong if specific else floor)
            if sim >= need and a.pclass == b.pclass:
                links.same.append((sim, i, j))
            continue
        named = (a.agent is not None and a.agent == b.agent) or (
            a.theme is not None and a.theme == b.theme and a.theme.startswith("e-")) or (
            _same_name(a, b))
        if sim >= conflict_floor and named and a.modality == "happened":
            links.conflict.append((sim, i, j))
    return links


def clusters(units: Sequence[Unit], links: Links) -> list[list[int]]:
    """Greedy merging by decreasing similarity; a cluster keeps one agent and one theme."""
    parent = list(range(len(units)))
    agents: list[set[str]] = [{u.agent} if u.agent else set() for u in units]
    themes: list[set[str]] = [{u.theme} if u.theme else set() for u in units]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, i, j in sorted(links.same, key=lambda t: (-t[0], t[1], t[2])):
        a, b = find(i), find(j)
        if a == b:
            continue
        if len(agents[a] | agents[b]) > 1 or len(themes[a] | themes[b]) > 1:
            continue
        keep, drop = min(a, b), max(a, b)
        parent[drop] = keep
        agents[keep] |= agents[drop]
        themes[keep] |= themes[drop]
    groups: dict[int, list[int]] = {}
    for i in range(len(units)):
        groups.setdefault(find(i), []).append(i)
    return [groups[k] for k in sorted(groups)]
