"""Independent sources: which documents speak with one voice.

Two documents are one source when one copies the other (``duplicate_of``),
when they come from the same outlet, or when they share a byline: two columns
by one author are one voice, whatever sites carry them. Components of that
relation are found with a union-find, linear in the documents.

``voices`` describes the result for a reader: "5 documents · 4 independent
sources · 1 author wrote two".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from newsprism.models import Document


def _norm(name: str) -> str:
    return " ".join(name.lower().split())


def source_keys(documents: Sequence[Document]) -> dict[str, str]:
    """Document id → independent source key (the same key for one voice)."""
    ids = sorted(d.id for d in documents)
    parent = {i: i for i in ids}

    def find(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    first: dict[str, str] = {}
    for d in sorted(documents, key=lambda d: d.id):
        if d.duplicate_of and d.duplicate_of in parent:
            union(d.id, d.duplicate_of)
        keys = [f"outlet:{_norm(d.outlet)}"] if d.outlet else []
        keys += [f"author:{_norm(a)}" for a in d.authors if a.strip()]
        for k in keys:
            if k in first:
                union(d.id, first[k])
            else:
                first[k] = d.id
    out: dict[str, str] = {}
    by_id = {d.id: d for d in documents}
    for i in ids:
        root = by_id[find(i)]
        out[i] = f"outlet:{_norm(root.outlet)}" if root.outlet else f"doc:{root.id}"
    return out


@dataclass(frozen=True)
class Voices:
    """How many documents, independent sources, and authors or outlets with several."""

    documents: int
    sources: int
    copies: int
    shared_authors: tuple[tuple[str, int], ...]

    def describe(self) -> str:
        parts = [f"{self.documents} document{'s' if self.documents != 1 else ''}",
                 f"{self.sources} independent source{'s' if self.sources != 1 else ''}"]
        if self.copies:
            parts.append(f"{self.copies} near-cop{'ies' if self.copies != 1 else 'y'}")
        for name, n in self.shared_authors:
            parts.append(f"{name} wrote {n}")
        return " · ".join(parts)


def voices(documents: Sequence[Document]) -> Voices:
    """Counts for the header of a brief, with every author that wrote several documents."""
    keys = source_keys(documents)
    authors: Counter[str] = Counter()
    names: dict[str, str] = {}
    for d in documents:
        if d.duplicate_of:
            continue
        for a in {_norm(x): x for x in d.authors if x.strip()}.items():
            authors[a[0]] += 1
            names.setdefault(a[0], a[1])
    shared = tuple(sorted(((names[k], n) for k, n in authors.items() if n > 1),
                          key=lambda t: (-t[1], t[0])))
    return Voices(documents=len(documents), sources=len(set(keys.values())),
                  copies=sum(1 for d in documents if d.duplicate_of), shared_authors=shared)
