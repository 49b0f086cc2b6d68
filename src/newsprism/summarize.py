"""An extractive, cited summary of one story: sentences taken verbatim from the claims.

No text is generated. The steps, all deterministic:

1. **Candidates** are the claims (factual sentences; author opinion is already
   out), minus very short or very long ones and any sentence that states a value
   of a *disputed* fact: the summary says what is established, the Disputed
   section says what is not.
2. **Same sentence across outlets**: sentences whose word sets overlap by at
   least ``SAME_SENTENCE`` Jaccard are one candidate, citing every document that
   states it. Pairs are found through an inverted index on each sentence's
   rarest words, so cost grows with the story, not with its square.
3. **Score** = centrality (TF-IDF cosine to the story centroid) × support (how
   many independent sources state the sentence, plus the best corroborated fact
   it carries) + a lead bonus (reporters put the essentials first) − a hedge
   penalty.
4. **Select** greedily by score, skipping a sentence too similar to one already
   chosen (``REDUNDANT`` cosine), up to ``max_sentences``.
5. **Order** by where the sentence sits in its article (relative position), so
   the summary reads top-down like the reports it comes from.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from newsprism.crossdoc.facts import cosine, tfidf_vectors
from newsprism.models import Claim, Document, Evidence, Fact, SummarySentence

SAME_SENTENCE = 0.6
REDUNDANT = 0.45
MIN_WORDS, MAX_WORDS = 6, 60
RARE_KEYS = 4
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_STOP = frozenset(

        """
        a an the of in on at to for from by with and or but that which who whom this
        these those it its is are was were be been being has have had will would can
        could may might as into than then there their they he she his her we our you
        your i not no so if about after before over also said says say more most such
        only just up out all any some
        """.split()  # noqa: SIM905

)


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 1)


def _sources(documents: Sequence[Document]) -> dict[str, str]:
    by_id = {d.id: d for d in documents}
    out = {}
    for d in documents:
        root = by_id.get(d.duplicate_of or d.id, d)
        out[d.id] = f"outlet:{root.outlet.strip().lower()}" if root.outlet else f"doc:{root.id}"
    return out


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


def summarize(
    documents: Sequence[Document],
    claims: Sequence[Claim],
    facts: Sequence[Fact],
    max_sentences: int = 8,
) -> list[SummarySentence]:
    """The summary sentences of a story, verbatim, each citing every document that states it."""
    docs = {d.id: d for d in documents}
    sources = _sources(documents)
    disputed = {c for f in facts if f.status == "conflict" for v in f.values for c in v.claims}
    support: dict[str, int] = {}
    for f in facts:
        if f.status == "corroborated":
            for v in f.values:
                for c in v.claims:
                    support[c] = max(support.get(c, 0), f.independent_sources)
    pool = sorted(
        (c for c in claims
         if c.document in docs and c.id not in disputed
         and MIN_WORDS <= len(c.text.split()) <= MAX_WORDS),
        key=lambda c: (c.document, c.span),
    )
    if not pool:
        return []
    bags = [_words(c.text) for c in pool]
    vectors = tfidf_vectors(bags)
    centroid: Counter[str] = Counter()
    for vec in vectors:
        centroid.update(vec)

    def position(c: Claim) -> float:
        return c.span[0] / max(1, len(docs[c.document].text))

    def own_score(i: int) -> float:
        c = pool[i]
        lead = 0.3 * (1.0 - position(c))
        return cosine(vectors[i], centroid) + lead - (0.15 if c.hedged else 0.0)

    scored = []
    for members in _groups(pool, bags):
        rep = max(members, key=lambda i: (own_score(i), -i))
        n_sources = len({sources.get(pool[i].document, pool[i].document) for i in members})
        fact_support = max((support.get(pool[i].id, 0) for i in members), default=0)
        boost = 1.0 + 0.5 * math.log1p(n_sources - 1) + 0.25 * math.log1p(fact_support)
        scored.append((own_score(rep) * boost, rep, members))
    scored.sort(key=lambda t: (-t[0], pool[t[1]].document, pool[t[1]].span))
    chosen: list[tuple[int, list[int]]] = []
    for _, rep, members in scored:
        if len(chosen) >= max_sentences:
            break
        if any(cosine(vectors[rep], vectors[r]) >= REDUNDANT for r, _ in chosen):
            continue
        chosen.append((rep, members))
    chosen.sort(key=lambda t: (position(pool[t[0]]), docs[pool[t[0]].document].input,
                               pool[t[0]].span))
    out = []
    for rep, members in chosen:
        first: dict[str, Claim] = {}
        for i in sorted(members, key=lambda i: (pool[i].document, pool[i].span)):
            first.setdefault(pool[i].document, pool[i])
        cites = [Evidence(document=d, span=c.span) for d, c in sorted(first.items())]
        out.append(SummarySentence(text=pool[rep].text, citations=cites))
    return out
