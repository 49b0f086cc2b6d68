"""Facts: kept for callers of the first layout; the claim graph lives in ``crossdoc.graph``."""

from __future__ import annotations

from newsprism.crossdoc.graph import build_facts as align_facts
from newsprism.crossdoc.graph import cosine, tfidf_vectors

__all__ = ["align_facts", "cosine", "tfidf_vectors"]
