"""Coverage: the facts only one source reports, and the widely reported ones it leaves out.

Both come from the claim graph (``crossdoc.graph``): value facts and statement
facts alike. A source *carries* a fact when one of its documents holds a claim
in one of the fact's values. Copies count for their original: a fact carried by
a wire story and its syndicated copy is unique to the wire. Background facts
(another incident) are neither unique nor omitted: leaving out last year's
fire is no gap in the coverage of this week's summit.

A fact is *omitted* by S when more than half of the other independent sources
(and at least ``MIN_CARRIERS``, so it works with three outlets) carry it, S does
not, and S never even uses the word the fact is about (the head of its value:
"prisoner" for "150 prisoners", "meet" for "next Monday"; the theme or
predicate of a statement: "invitation", "shell"). The last test is there because
alignment misses some wordings: a report that says the ministers meet "on
Monday" without a resolvable date has not left the meeting out, and unknown
beats wrong.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence

from newsprism.extract.claims import ExtractedClaim
from newsprism.models import Fact, Slot

MIN_CARRIERS = 2
_WORD = re.compile(r"[a-z]+")


def _heads(fact: Fact, claims: Mapping[str, ExtractedClaim]) -> set[str]:
    """Lemmas the fact's values describe, from the slots of its claims."""
    heads: set[str] = set()
    for value in fact.values:
        for cid in value.claims:
            claim = claims.get(cid)
            if claim is None:
                continue
            if fact.kind == "statement":
                for prop in claim.propositions:
                    heads.update(w for w in (prop.theme, prop.predicate) if w)
                continue
            pairs = list(zip(claim.slots, claim.heads, strict=False))
            matched = [h for s, h in pairs if h and value.value in (s.text, _norm(s))]
            heads.update(h.lower() for h in (matched or [h for _, h in pairs if h]))
    return {h for h in heads if len(h) >= 3}


def _norm(slot: Slot) -> str:
    """A slot's value as facts spell it (``4.0`` hour → ``"4 hour"``)."""
    value = slot.value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value} {slot.unit}" if slot.unit else str(value)


class _Prefixes:
    """Which sources use a word starting with a head: one sorted vocabulary, each head
    looked up once (was every head against every word of a source, per fact and source).
    Built on first use: most stories have no fact most sources carry."""

    def __init__(self, source_of: Mapping[str, str], texts: Mapping[str, str]) -> None:
        self.source_of = source_of
        self.texts = texts
        self.owners: dict[str, set[str]] | None = None
        self.vocab: list[str] = []
        self.memo: dict[str, frozenset[str]] = {}

    def _build(self) -> dict[str, set[str]]:
        owners: dict[str, set[str]] = {}
        for doc_id, key in self.source_of.items():
            for w in set(_WORD.findall(self.texts.get(doc_id, "").lower())):
                owners.setdefault(w, set()).add(key)
        self.vocab = sorted(owners)
        return owners

    def users(self, head: str) -> frozenset[str]:
        """Source keys with a word that starts with ``head``."""
        found = self.memo.get(head)
        if found is None:
            if self.owners is None:
                self.owners = self._build()
            keys: set[str] = set()
            i = bisect_left(self.vocab, head)
            while i < len(self.vocab) and self.vocab[i].startswith(head):
                keys |= self.owners[self.vocab[i]]
                i += 1
            found = self.memo[head] = frozenset(keys)
        return found


def coverage(
    fact_list: Sequence[Fact],
    source_of: Mapping[str, str],
    root_of: Mapping[str, str],
    texts: Mapping[str, str],
    claims: Mapping[str, ExtractedClaim],
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """``(unique, omitted)``: per source key, sorted fact ids.

    ``source_of`` maps a document id to its source key, ``root_of`` a document id
    to the original it copies (itself when it is no copy).
    """
    keys = sorted(set(source_of.values()))
    independent = {source_of[root_of[d]] for d in source_of}
    prefixes = _Prefixes(source_of, texts)
    unique: dict[str, list[str]] = {k: [] for k in keys}
    omitted: dict[str, list[str]] = {k: [] for k in keys}
    n_ind = len(independent)
    for fact in fact_list:
        if fact.background:
            continue
        docs = {d for v in fact.values for d in v.documents if d in source_of}
        if not docs:
            continue
        carriers = {source_of[d] for d in docs}
        roots = {source_of[root_of[d]] for d in docs}
        if len(roots) == 1:
            unique[next(iter(roots))].append(fact.id)
        # S omits the fact when more than half the other independent sources carry it:
        # the counts depend only on whether S is a root and independent, so a fact
        # most sources leave out is passed over without a look at each source.
        n = len(roots)
        if n < MIN_CARRIERS or n * 2 <= n_ind - 1:
            continue  # fails for every source: even for one outside ``roots``, independent
        heads = _heads(fact, claims)
        if not heads:
            continue
        for key in keys:
            if key in carriers:
                continue
            others = n - (key in roots)
            pool = n_ind - (key in independent)
            if others < MIN_CARRIERS or others * 2 <= pool:
                continue
            if any(key in prefixes.users(h) for h in heads):
                continue
            omitted[key].append(fact.id)
    return {k: sorted(v) for k, v in unique.items()}, {k: sorted(v) for k, v in omitted.items()}
