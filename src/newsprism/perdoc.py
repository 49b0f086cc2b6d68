"""The per-document stage: one parse of a document, every extractor run on it.

``DocExtraction`` is the whole output of this stage for one document. It holds
only plain frozen dataclasses (no spaCy objects), so it pickles: an engine may
compute it in another process or on a Ray worker, and a corpus store may keep it,
and the cross-document stages get exactly the same input either way.

Per-document isolation: an exception while parsing or extracting one document
(an extractor bug, a ``MemoryError``) never escapes this stage. That document's
``DocExtraction`` is empty with ``error`` set to a one-line reason, every other
document is processed, and the pipeline lists it under ``skipped``. Because the
engines all run ``extract_documents``, this holds inline, in a process pool and
on Ray alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from newsprism.extract.claims import ExtractedClaim, extract_claims
from newsprism.extract.entities import EntityMention, extract_mentions
from newsprism.extract.events import ExtractedEvent, extract_events
from newsprism.extract.quotes import ExtractedQuote, extract_quotes
from newsprism.extract.sentence_types import SentenceFeatures
from newsprism.extract.sentences import sentence_features
from newsprism.models import Document
from newsprism.nlp import annotate, load_model
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
    # Set when parsing or extracting this document raised: why it yielded nothing.
    error: str | None = None


def failed(doc_id: str, stage: str, exc: BaseException) -> DocExtraction:
    """An empty extraction that says, in one line, why ``doc_id`` yielded nothing."""
    detail = " ".join(str(exc).split())[:200]
    reason = f"{stage} failed ({type(exc).__name__}{': ' + detail if detail else ''})"
    return DocExtraction(document=doc_id, mentions=(), quotes=(), claims=(), error=reason)


def extract_document(doc: Document, sdoc: Any) -> DocExtraction:
    """Run every per-document extractor over ``sdoc``, the parse of ``doc.text``.

    spaCy rebuilds ``Doc.text`` and ``Doc.sents`` on every access, so they are
    read once here (``Parsed``) and every extractor gets that view: the stage
    stays linear in the document's length.
    """
    parsed = Parsed.of(sdoc, doc.text)
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
    if docs:
        load_model()  # a missing model is the run's error, not every document's
    texts = [d.text for d in docs]
    for doc, sdoc in zip(docs, _parse_each(texts, n_process, batch_size), strict=True):
        if isinstance(sdoc, Exception):
            yield failed(doc.id, "parsing", sdoc)
            continue
        try:
            yield extract_document(doc, sdoc)
        except Exception as exc:  # one document's bug or MemoryError, never the run's
            yield failed(doc.id, "per-document extraction", exc)


def _parse_each(texts: list[str], n_process: int, batch_size: int) -> Iterator[Any]:
    """One parse (a spaCy ``Doc``) or the exception it raised, per text, in order.

    A batch that raises does not say which text did it: the next unparsed text
    is parsed alone, and the batches resume after it.
    """
    done = 0
    while done < len(texts):
        try:
            for sdoc in annotate(texts[done:], n_process=n_process, batch_size=batch_size):
                done += 1
                yield sdoc
        except Exception:
            try:
                alone = next(iter(annotate([texts[done]], 1, 1)))
            except Exception as exc:
                alone = exc
            done += 1
            yield alone
