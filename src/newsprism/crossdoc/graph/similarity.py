"""Meaning similarity of candidate statement pairs: MiniLM embeddings, TF-IDF fallback.

Only the units that appear in a candidate pair are embedded, once each, so the
cost follows the candidates, not the story. The sentence (the claim text) is
embedded rather than the proposition's short label: the label drops the words
that tell two similar events apart ("in Anchorage" / "in Beijing"). When the
MiniLM packages are not installed, TF-IDF cosine over the claims' content
lemmas stands in, with its own (lower) threshold.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsprism.crossdoc.graph.align import Unit
from newsprism.crossdoc.graph.values import cosine, tfidf_vectors
from newsprism.errors import ModelNotInstalledError

MAX_CHARS = 400


def pair_similarities(
    units: Sequence[Unit], pairs: Sequence[tuple[int, int]]
) -> tuple[list[float], bool]:
    """(cosine per pair, whether the lexical fallback was used)."""
    if not pairs:
        return [], False
    needed = sorted({i for p in pairs for i in p})
    claims = sorted({units[i].claim.id: units[i].claim for i in needed}.values(),
                    key=lambda c: (c.document, c.span))
    row = {c.id: k for k, c in enumerate(claims)}
    try:
        from newsprism.embed import load_embedder

        vectors = load_embedder().embed([c.text[:MAX_CHARS] for c in claims])
    except (ModelNotInstalledError, ImportError):
        lex = tfidf_vectors([c.lemmas for c in claims])
        return [cosine(lex[row[units[i].claim.id]], lex[row[units[j].claim.id]])
                for i, j in pairs], True
    left = np.array([row[units[i].claim.id] for i, _ in pairs])
    right = np.array([row[units[j].claim.id] for _, j in pairs])
    sims = np.einsum("ij,ij->i", vectors[left], vectors[right])
    return [round(float(x), 4) for x in sims], False
