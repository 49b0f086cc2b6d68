"""The embedder: one vector per text, whatever the batch it runs in."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.embed import Embedder, load_embedder
from newsprism.errors import ModelNotInstalledError


def _embedder() -> Embedder:
    try:
        return load_embedder()
    except (ModelNotInstalledError, ImportError):
        pytest.skip("MiniLM not installed")


def test_embed_same_vectors_alone_in_batches_and_for_repeated_texts() -> None:
    embedder = _embedder()
    texts = [
        "Putin met Trump in Anchorage",
        "",
        "the talks ended without a deal after nearly three hours of discussions in Alaska",
        "Putin met Trump in Anchorage",
        "he asks you",
    ]
    together = embedder.embed(texts)
    assert together.shape == (5, 384)
    assert np.array_equal(together[0], together[3])
    for i, text in enumerate(texts):
        assert np.array_equal(embedder.embed([text])[0], together[i])
    assert np.array_equal(embedder.embed(texts, batch_size=2), together)
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
