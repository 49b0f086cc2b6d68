"""newsprism: many news reports of one event in, a cross-checked, cited briefing out.

>>> import newsprism
>>> b = newsprism.brief(["articles/"])          # doctest: +SKIP
>>> b.model_dump_json()                         # doctest: +SKIP
"""

from __future__ import annotations

from newsprism.api import brief, sample_corpus
from newsprism.errors import NewsprismError, SkipDocument, UsageError
from newsprism.models import SCHEMA, Brief, Document, Entity
from newsprism.pipeline import Options
from newsprism.version import __version__

__all__ = [
    "SCHEMA",
    "Brief",
    "Document",
    "Entity",
    "NewsprismError",
    "Options",
    "SkipDocument",
    "UsageError",
    "__version__",
    "brief",
    "sample_corpus",
]
