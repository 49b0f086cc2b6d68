"""The per-document stage: one parse of a document, every extractor run on it.

``DocExtraction`` is the whole output of this stage for one document. It holds
only plain frozen dataclasses (no spaCy objects), so it pickles: an engine may
compute it in another process or on a Ray worker, and a corpus store may keep it,
and the cross-document stages get exactly the same input either way.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from newsprism.extract.claims import ExtractedClaim, extract_claims
from newsprism.extract.entities import EntityMention, extract_mentions
from newsprism.extract.events import ExtractedEvent, extract_events
from newsprism.extract.quotes import ExtractedQuote, extract_quotes
from newsprism.extract.sentences import SentenceFeatures, sentence_features
from newsprism.models import Document
from newsprism.nlp import annotate
from newsprism.nlp.parsed import Parsed


@dataclass(frozen=True)
class DocExtraction:
    """What the per-document extractors found in one document."""

    document: str
    mentions: tuple[EntityMention, ...]
    quotes: tuple[ExtractedQuote, ...]
    claims: tuple[ExtractedClaim, ...]
    events: tuple[ExtractedEvent, ...] = ()
    sentences: tuple[SentenceFeatures, ...] = ()


def extract_document(doc: Document, sdoc: Any) -> DocExtraction:
    """Run every per-document extractor over ``sdoc``, the parse of ``doc.text``.

    spaCy rebuilds ``Doc.text`` and ``Doc.sents`` on every access, so they are
    read once here (``Parsed``) and every extractor gets that view: the stage
    stays linear in the document's length.
    """
    parsed = Parsed.of(sdoc)
    mentions = extract_mentions(doc.id, parsed)
    quotes = tuple(extract_quotes(doc.id, parsed, mentions))
    return DocExtraction(
        document=doc.id,
        mentions=tuple(mentions),
        quotes=quotes,
        claims=tuple(extract_claims(doc.id, parsed, doc.published, mentions)),
        events=tuple(extract_events(doc.id, parsed, mentions, doc.published)),
        # Quotes name the speakers of quoted words; the title marks the headline line.
        sentences=sentence_features(parsed, mentions, quotes, doc.title),
    )


def extract_documents(
    documents: Iterable[Document], n_process: int = 1, batch_size: int = 32
) -> Iterator[DocExtraction]:
    """Parse ``documents`` in batches with ``nlp.pipe`` and yield their extractions in order."""
    docs = list(documents)
    parsed = annotate((d.text for d in docs), n_process=n_process, batch_size=batch_size)
    for doc, sdoc in zip(docs, parsed, strict=True):
        yield extract_document(doc, sdoc)
