"""An extractive, cited summary of one story, built from the claim graph.

No text is generated: every line is a claim sentence, verbatim, with its exact
span, citing every document that states what it says. The lines, in order:

1. **the main event** (``Fact.main_event``): its best sentence, cited to every
   document of the fact, with the count ("reported by 3 of 4 sources");
2. **corroborated facts**, most independent sources first (attributed ones are
   marked ``attributed``: corroborated that they were *said*);
3. **every dispute**, one line per side, each citing its own documents (room for
   them is kept before the corroborated lines are chosen);
4. **single-source claims**, labelled as such, chosen like a classic extractive
   summary: centrality (TF-IDF cosine to the story centroid) plus a lead bonus,
   with sentences repeated word for word by several outlets counted as shared.

A sentence is never used twice, a line too close to one already chosen
(``REDUNDANT`` cosine) is skipped, and a line that looks like a caption, a
byline, a teaser or page furniture is never used, nor a sentence of an
off-topic document (``off_topic``: a junk page among the story's reports).
Background facts (another incident) stay out. Length follows the story:
``MIN_LINES`` to ``max_sentences``.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from newsprism.crossdoc.graph import cosine, source_keys, tfidf_vectors
from newsprism.crossdoc.graph.anchor import background_claims, year_of
from newsprism.models import Claim, Document, Evidence, Fact, SummarySentence
from newsprism.summary_text import SPECULATIVE as _SPECULATIVE
from newsprism.summary_text import Bags as _Bags
from newsprism.summary_text import cosine_to as _cosine_to
from newsprism.summary_text import dangling
from newsprism.summary_text import furniture as _furniture
from newsprism.summary_text import norm as _norm

SAME_SENTENCE = 0.6
REDUNDANT = 0.45
MIN_WORDS, MAX_WORDS = 6, 60
MIN_LINES = 3
# Below this cosine to the rest of the story, a document sharing no fact is off-topic.
OFF_TOPIC = 0.12
# A cosine this close to ``OFF_TOPIC`` is recomputed the slow, exact way (see ``_off_topic``).
_NEAR = 1e-6
_NEAR_SHARE = 1e-3
MAX_LINES = 12
# Single-source lines added after the graph's lines (fewer when the graph says a lot).
EXTRA_SINGLE = 3
RARE_KEYS = 4


def _usable(c: Claim) -> bool:
    n = len(c.text.split())
    return MIN_WORDS <= n <= MAX_WORDS and not _furniture(c.text)


def _groups(claims: list[Claim], bags: list[frozenset[str]]) -> list[list[int]]:
    """Indices of claims that state the same sentence, via rare-word candidate pairs."""
    df: Counter[str] = Counter(w for b in bags for w in b)
    parent = list(range(len(claims)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    postings: dict[str, list[int]] = defaultdict(list)
    for i, bag in enumerate(bags):
        keys = sorted(bag, key=lambda w: (df[w], w))[:RARE_KEYS]
        candidates = sorted({j for k in keys for j in postings[k]})
        for j in candidates:
            inter = len(bag & bags[j])
            if inter and inter / len(bag | bags[j]) >= SAME_SENTENCE:
                a, b = find(i), find(j)
                if a != b:
                    parent[max(a, b)] = min(a, b)
        for k in keys:
            postings[k].append(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(claims)):
        groups[find(i)].append(i)
    return [groups[k] for k in sorted(groups)]


class _Picker:
    """The lines chosen so far, with what keeps the next one new."""

    def __init__(
        self,
        docs: Mapping[str, Document],
        vectors: Mapping[str, dict[str, float]],
        limit: int,
        sources: Mapping[str, str] | None = None,
    ) -> None:
        self.docs = docs
        self.sources = sources or {}
        # (document, span) of every sentence a line cites: two lines never cite one sentence.
        self.cited: set[tuple[str, tuple[int, int]]] = set()
        self.vectors = vectors
        self.limit = limit
        self.lines: list[SummarySentence] = []
        self.used: set[str] = set()
        self.texts: set[str] = set()
        self.chosen: list[dict[str, float]] = []

    def full(self) -> bool:
        return len(self.lines) >= self.limit

    def fresh(self, c: Claim) -> bool:
        if c.id in self.used or c.text in self.texts:
            return False
        vec = self.vectors.get(c.id, {})
        return not any(cosine(vec, v) >= REDUNDANT for v in self.chosen)

    def add(
        self,
        rep: Claim,
        members: Sequence[Claim],
        role: str,
        fact: str | None = None,
        sources: int | None = None,
        of: int | None = None,
        force: bool = False,
    ) -> bool:
        if self.full() or not (force or self.fresh(rep)):
            return False
        if (rep.document, rep.span) in self.cited:
            return False
        # Per document, the member closest to the line's sentence: the lead that states
        # another fact stays free for it.
        mine = self.vectors.get(rep.id, {})
        first: dict[str, Claim] = {}
        for c in sorted(
            members, key=lambda c: (c.document, -cosine(self.vectors.get(c.id, {}), mine), c.span)
        ):
            if (c.document, c.span) not in self.cited and c.text not in self.texts:
                first.setdefault(c.document, c)
        first[rep.document] = rep
        cites = [Evidence(document=d, span=c.span) for d, c in sorted(first.items())]
        if sources is not None and self.sources:
            # The count is of what the line cites: a source whose only sentence is
            # already another line's does not count twice.
            cited_sources = len({self.sources.get(d, d) for d in first})
            if role in ("corroborated", "attributed") and cited_sources < 2 <= sources:
                return False  # its other sources are already lines: it would repeat them
            sources = min(sources, cited_sources)
        self.cited.update((d, c.span) for d, c in first.items())
        self.lines.append(
            SummarySentence(
                text=rep.text, citations=cites, role=role, fact=fact, sources=sources, of_sources=of
            )
        )
        self.used.update(c.id for c in first.values())
        self.texts.add(rep.text)
        self.chosen.append(self.vectors.get(rep.id, {}))
        return True


def _position(c: Claim, docs: Mapping[str, Document]) -> float:
    return c.span[0] / max(1, len(docs[c.document].text))


def _mean_position(claims: Sequence[Claim], docs: Mapping[str, Document]) -> float:
    """How early a fact's sentences sit in their articles: the lead's facts come first."""
    return round(sum(_position(c, docs) for c in claims) / len(claims), 6) if claims else 1.0


def _best(
    claims: Sequence[Claim],
    docs: Mapping[str, Document],
    picker: _Picker,
    strict: bool = True,
    avoid: frozenset[str] = frozenset(),
) -> Claim | None:
    """The sentence that states a fact best: usable, new, central to what the fact's
    sentences share (so "the summit ended without a ceasefire" does not stand for "they
    met"), early in its article."""
    pool = [c for c in claims if _usable(c) and (not strict or picker.fresh(c))]
    if not pool and not strict:
        pool = [c for c in claims if len(c.text.split()) <= 2 * MAX_WORDS]
    if not pool:
        return None
    centroid: Counter[str] = Counter()
    for c in claims:
        centroid.update(picker.vectors.get(c.id, {}))
    norm = _norm(centroid)

    def score(c: Claim) -> tuple[bool, bool, float, int, str, tuple[int, int]]:
        central = (
            _cosine_to(picker.vectors.get(c.id, {}), centroid, norm) if len(claims) > 1 else 0.0
        )
        lead = 0.3 * (1.0 - _position(c, docs))
        return (
            dangling(c.text),
            c.id in avoid,
            -round(central + lead, 6),
            len(c.text),
            c.document,
            c.span,
        )

    return min(pool, key=score)


def summarize(
    documents: Sequence[Document],
    claims: Sequence[Claim],
    facts: Sequence[Fact],
    max_sentences: int = MAX_LINES,
) -> list[SummarySentence]:
    """The summary lines of a story: main event, corroborated facts, disputes, single-source."""
    docs = {d.id: d for d in documents}
    sources = source_keys(documents)
    total = len(set(sources.values()))
    claims = sorted((c for c in claims if c.document in docs), key=lambda c: (c.document, c.span))
    if not claims:
        return []
    by_id = {c.id: c for c in claims}
    words = _Bags()
    vec_list = tfidf_vectors([words[c.text] for c in claims])
    vectors = {c.id: v for c, v in zip(claims, vec_list, strict=True)}
    picker = _Picker(docs, vectors, max_sentences, sources)
    live = [f for f in facts if not f.background]

    def members(f: Fact, value_index: int | None = None) -> list[Claim]:
        vals = f.values if value_index is None else [f.values[value_index]]
        return [by_id[c] for v in vals for c in v.claims if c in by_id]

    for f in live:
        if f.main_event:
            rep = _best(members(f), docs, picker)
            if rep is not None:
                picker.add(rep, members(f), "main_event", f.id, f.independent_sources, total)
    conflicts = sorted(
        (f for f in live if f.status == "conflict"), key=lambda f: (-f.independent_sources, f.id)
    )
    disputed = {c.id for f in conflicts for c in members(f)}
    # A side of a dispute is best shown by a sentence that states no agreed fact: the
    # lead that carries the agreed toll should stay free to state it.
    agreed = frozenset(c.id for f in live if f.status == "corroborated" for c in members(f))
    # Both sides of every dispute first (as many disputes as fit), so that the
    # corroborated lines fill the room that is left and never take their sentences.
    for f in conflicts:
        if len(picker.lines) + len(f.values) > max_sentences:
            continue  # both sides or neither: half a dispute reads as a fact
        for k, value in enumerate(f.values):
            rep = _best(members(f, k), docs, picker, avoid=agreed) or _best(
                members(f, k), docs, picker, strict=False, avoid=agreed
            )
            if rep is not None:
                n = len({sources.get(d, d) for d in value.documents})
                picker.add(rep, members(f, k), "dispute", f.id, n, total, force=True)
    supported = sorted(
        (f for f in live if f.status == "corroborated" and not f.main_event),
        key=lambda f: (
            -f.independent_sources,
            f.kind != "statement",
            _mean_position(members(f), docs),
            f.id,
        ),
    )
    for f in supported:
        if picker.full():
            break
        if any(c.text in picker.texts for c in members(f)):
            continue  # a line already shown states it: two lines would say the same thing
        undisputed = [c for c in members(f) if c.id not in disputed]
        rep = _best(undisputed, docs, picker)
        if rep is not None:
            picker.add(
                rep,
                members(f),
                "attributed" if f.attributed else "corroborated",
                f.id,
                f.independent_sources,
                total,
            )
    order = {"main_event": 0, "corroborated": 1, "attributed": 1, "dispute": 2}
    picker.lines.sort(key=lambda line: order.get(line.role or "", 3))
    room = min(max_sentences, max(MIN_LINES, len(picker.lines) + EXTRA_SINGLE))
    picker.limit = max(len(picker.lines), room)
    if picker.full():
        return picker.lines  # the graph's lines fill the summary: no room for single-source
    junk = _off_topic(documents, claims, facts, words)
    # Another incident ("In 2019, a worker was injured …") is context, never a key point.
    year = year_of(documents, [v.value for f in live if f.kind == "date" for v in f.values])
    other = background_claims(claims, {d.id: d.published for d in documents}, year) | {
        c for f in facts if f.background for v in f.values for c in v.claims
    }
    _fill(
        picker,
        [
            c
            for c in claims
            if c.id not in disputed and c.document not in junk and c.id not in other
        ],
        docs,
        sources,
        total,
        words,
    )
    return picker.lines


def off_topic(
    documents: Sequence[Document], claims: Sequence[Claim], facts: Sequence[Fact]
) -> set[str]:
    """Documents that look like junk pages for this story: in a story of three or more
    documents, none of their claims is in a fact another source shares, and their words
    are far from the rest of the story (TF-IDF cosine below ``OFF_TOPIC``)."""
    return _off_topic(documents, claims, facts, _Bags())


def _off_topic(
    documents: Sequence[Document],
    claims: Sequence[Claim],
    facts: Sequence[Fact],
    words: Mapping[str, frozenset[str]],
) -> set[str]:
    ids = sorted({d.id for d in documents})
    if len(ids) < 3:
        return set()
    shared = {d for f in facts if f.independent_sources >= 2 for v in f.values for d in v.documents}
    bags: dict[str, set[str]] = {i: set() for i in ids}
    for c in claims:
        if c.document in bags:
            bags[c.document] |= words[c.text]
    vectors = dict(zip(ids, tfidf_vectors([bags[i] for i in ids]), strict=True))
    total: Counter[str] = Counter()
    for vec in vectors.values():
        total.update(vec)
    # The rest of the story is the total less the document. Its norm is the total's
    # less the document's terms: per document only its own terms are read (building
    # the rest as a whole-vocabulary dict per document was documents x vocabulary).
    # That sum is rounded differently from a sum over the rest's terms, so a cosine
    # within ``_NEAR`` of the bar (or a rest the document outweighs) is redone term by
    # term, as before: the verdict is the same to the bit.
    square = sum(w * w for w in total.values())
    tiny = any(t <= 1e-9 for t in total.values())
    out = set()
    for i in ids:
        if i in shared:
            continue
        vec = vectors[i]
        kept: dict[str, float] = {}
        own = 0.0
        for k in vec:
            t = total[k]
            own += t * t
            r = t - vec[k]
            if r > 1e-9:
                kept[k] = r
        n_rest = len(total) - len(vec) + len(kept)
        rest_square = square - own + sum(r * r for r in kept.values())
        cos = 0.0 if not vec else None  # what ``cosine`` makes of an empty vector
        if cos is None and not tiny and len(vec) <= n_rest and rest_square > _NEAR_SHARE * square:
            dot = sum(w * kept.get(t, 0.0) for t, w in vec.items())
            na = math.sqrt(sum(w * w for w in vec.values()))
            nb = math.sqrt(rest_square)
            cos = dot / (na * nb) if na and nb else 0.0
            if abs(cos - OFF_TOPIC) <= _NEAR:
                cos = None
        if cos is None:
            rest = Counter(total)
            rest.subtract(vec)
            cos = cosine(vec, {k: v for k, v in rest.items() if v > 1e-9})
        if cos < OFF_TOPIC:
            out.add(i)
    return out


def _fill(
    picker: _Picker,
    claims: list[Claim],
    docs: Mapping[str, Document],
    sources: Mapping[str, str],
    total: int,
    words: Mapping[str, frozenset[str]],
) -> None:
    """Classic extractive choice for the remaining room: shared sentences, then central ones."""
    # Single-source lines are the story's own plain statements: no sentence that points
    # back, no belief, condition or speculation, nothing hedged.
    if picker.full():
        return
    pool = [
        c
        for c in claims
        if _usable(c)
        and c.id not in picker.used
        and not dangling(c.text)
        and not c.hedged
        and not _SPECULATIVE.search(c.text)
    ]
    if not pool or picker.full():
        return
    bags = [words[c.text] for c in pool]
    vectors = tfidf_vectors(bags)
    centroid: Counter[str] = Counter()
    for vec in vectors:
        centroid.update(vec)
    norm = _norm(centroid)

    def own_score(i: int) -> float:
        c = pool[i]
        lead = 0.3 * (1.0 - _position(c, docs))
        return _cosine_to(vectors[i], centroid, norm) + lead - (0.15 if c.hedged else 0.0)

    scored = []
    for group in _groups(pool, bags):
        rep = max(group, key=lambda i: (own_score(i), -i))
        n = len({sources.get(pool[i].document, pool[i].document) for i in group})
        boost = 1.0 + 0.5 * math.log1p(n - 1)
        scored.append((n >= 2, own_score(rep) * boost, rep, group, n))
    scored.sort(key=lambda t: (not t[0], -t[1], pool[t[2]].document, pool[t[2]].span))
    for shared, _, rep, group, n in scored:
        if picker.full():
            break
        picker.add(
            pool[rep],
            [pool[i] for i in group],
            "corroborated" if shared else "single_source",
            None,
            n,
            total,
        )
