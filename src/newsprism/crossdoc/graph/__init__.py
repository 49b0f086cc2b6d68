"""The claim graph: propositions aligned across sources, assessed into facts.

Stages, each in its own module:

* ``sources``: which documents are one voice (copies, one outlet, one byline);
* ``anchor``: the story's year and the claims about other incidents (background);
* ``values``: numbers, dates and amounts aligned by blocking + leader clustering
  (``places``: which named places may be one; ``ages``: ages aligned by person);
* ``align``: statements (``extract.propositions``) aligned by blocking keys,
  argument checks and MiniLM sentence similarity;
* ``assess``: status (corroborated / conflict), attribution, the main event.

``build_facts`` runs them in that order. Cost is near-linear in the number of
claims: every step blocks before it compares, and only units that share a key
with another source are embedded.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from newsprism.crossdoc.graph.ages import age_facts
from newsprism.crossdoc.graph.align import (
    Unit,
    candidate_pairs,
    clusters,
    decide,
    make_units,
    plausible,
)
from newsprism.crossdoc.graph.anchor import (
    background_claims,
    background_slots,
    other_year,
    story_year,
)
from newsprism.crossdoc.graph.assess import main_event, statement_facts
from newsprism.crossdoc.graph.similarity import pair_similarities
from newsprism.crossdoc.graph.sources import source_keys, voices
from newsprism.crossdoc.graph.values import value_facts
from newsprism.crossdoc.graph.vectors import cosine, tfidf_vectors
from newsprism.extract.claims import ExtractedClaim
from newsprism.models import Document, Entity, Fact

Index = Mapping[tuple[str, int, int], str]
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})

__all__ = ["build_facts", "cosine", "source_keys", "tfidf_vectors", "voices"]

_STATUS_ORDER = {"conflict": 0, "corroborated": 1, "single_source": 2}


def _places(
    claims: Sequence[ExtractedClaim], index: Index, entities: Sequence[Entity]
) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Per claim: entity ids of the places it puts something in ("in Anchorage"), and of
    every place it names."""
    kinds = {e.id for e in entities if e.type in _PLACE_TYPES}
    out = {}
    for c in claims:
        ids = {index.get((c.document, *s.span)) for s in c.slots if s.kind == "place"}
        named = {index.get((c.document, s, e)) for s, e in c.mentions}
        out[c.id] = (frozenset(i for i in ids if i is not None),
                     frozenset(i for i in named if i is not None and i in kinds))
    return out


def statement_graph(
    claims: Sequence[ExtractedClaim], sources: Mapping[str, str], index: Index,
    entities: Sequence[Entity], background: frozenset[str],
) -> tuple[list[Fact], dict[str, list[Unit]]]:
    """Statement facts of one story and, by fact id, the units each was built from."""
    persons = frozenset(e.id for e in entities if e.type == "PERSON")
    places = _places(claims, index, entities)
    units = make_units(claims, sources, index, places, background, persons)
    pairs = plausible(units, candidate_pairs(units))
    sims, lexical = pair_similarities(units, pairs)
    links = decide(units, pairs, sims, lexical)
    by_id = {e.id: e for e in entities}
    return statement_facts(units, clusters(units, links), links, by_id)


def _toll(facts: Sequence[Fact]) -> str | None:
    """Without a statement every source makes ("a man was shot and killed" names no one
    to align by), the story's toll is its main event: the corroborated count of people
    killed (else injured) with the most sources."""
    best: tuple[int, int, str] | None = None
    for f in facts:
        if f.kind != "count" or f.background or f.status != "corroborated":
            continue
        unit = f.values[0].value.rsplit(" ", 1)[-1]
        if unit in ("killed", "injured"):
            key = (-f.independent_sources, unit != "killed", f.id)
            best = key if best is None or key < best else best
    return best[2] if best else None


def build_facts(
    claims: Sequence[ExtractedClaim],
    documents: Sequence[Document],
    index: Index,
    entities: Sequence[Entity] = (),
) -> list[Fact]:
    """Every fact of one story: conflicts first, then by support; the main event flagged."""
    ordered = sorted(claims, key=lambda c: (c.document, c.span))
    sources = source_keys(documents)
    year = story_year(ordered, documents)
    background = background_claims(ordered, {d.id: d.published for d in documents}, year)
    published = {d.id: d.published for d in documents}
    # A date slot of another year ("the invasion in 2022" in a 2025 story) is background
    # even when the sentence around it reports the story's own event.
    old_dates = frozenset(
        (c.id, *s.span) for c in ordered for s in c.slots
        if s.kind == "date" and isinstance(s.value, str)
        and other_year(s.value, year, published.get(c.document))
    )
    old_dates |= background_slots(ordered, published, year)
    facts = value_facts(ordered, sources, index, entities, background, old_dates)
    facts += age_facts(ordered, sources, index, entities, background)
    stated, members = statement_graph(ordered, sources, index, entities, background)
    main = main_event(stated, members) or _toll(facts)
    facts = [f.model_copy(update={"main_event": True}) if f.id == main else f
             for f in [*facts, *stated]]
    unique = {f.id: f for f in facts}
    return sorted(unique.values(),
                  key=lambda f: (_STATUS_ORDER[f.status], f.background, -f.independent_sources,
                                 f.about, f.id))
