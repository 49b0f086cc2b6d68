"""Sparse TF-IDF vectors and their cosine, for the value graph and the summary.

Every sum runs over a vector's terms in its own order, so a norm kept aside
(``norm``, ``cosine_normed``) equals the one ``cosine`` computes, bit for bit.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

Vector = dict[str, float]


def idf_table(bags: Sequence[Iterable[str]]) -> tuple[list[set[str]], Counter[str], int]:
    """(the set of terms of each bag, document frequencies, number of bags)."""
    sets = [set(b) for b in bags]
    df: Counter[str] = Counter()
    for terms in sets:
        df.update(terms)
    return sets, df, len(sets)


def tfidf(terms: set[str], df: Mapping[str, int], n: int) -> Vector:
    """The vector of one bag's terms (``idf_table``), as ``tfidf_vectors`` makes it."""
    # Sorted: the order of the terms is the order of the sums over them.
    vec = {t: math.log((1 + n) / (1 + df[t])) + 1.0 for t in sorted(terms)}
    norm = math.sqrt(sum([w * w for w in vec.values()])) or 1.0
    return {t: w / norm for t, w in vec.items()}


def tfidf_vectors(bags: Sequence[Iterable[str]]) -> list[Vector]:
    """L2-normalised binary TF-IDF vectors, one per bag of terms."""
    sets, df, n = idf_table(bags)
    return [tfidf(terms, df, n) for terms in sets]


def norm(v: Mapping[str, float]) -> float:
    """The L2 norm, summed in the vector's order (as ``cosine`` sums it)."""
    return math.sqrt(sum([w * w for w in v.values()]))


def cosine_normed(a: Mapping[str, float], na: float, b: Mapping[str, float], nb: float) -> float:
    """``cosine`` with both norms given (the same sums, so the same result)."""
    if len(a) > len(b):
        a, b = b, a
    if a.keys().isdisjoint(b.keys()):
        return 0.0  # the sum below of zeros, over norms (or 0.0 for a zero norm)
    get = b.get
    dot = sum([w * get(t, 0.0) for t, w in a.items()])
    return dot / (na * nb) if na and nb else 0.0


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two sparse vectors (normalised here, so sums of vectors work too)."""
    return cosine_normed(a, norm(a), b, norm(b))
