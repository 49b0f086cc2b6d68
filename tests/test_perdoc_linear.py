"""The per-document stage stays linear: derived views of the parse are read once.

spaCy rebuilds ``Doc.text`` and ``Doc.sents`` on every access; reading either
once per sentence made extraction quadratic in document length. These tests
count the accesses (behaviour, not time), and check that a long text parsed in
pieces gives one ``Doc`` whose offsets are exact.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from newsprism.models import Document
from newsprism.nlp import annotate
from newsprism.nlp.chunks import annotate_stream, parse_long, split_text
from newsprism.perdoc import extract_document, extract_documents

PARAGRAPH = (
    "Mayor Ana Ruiz met Governor Tomas Reyes in Lyon on Monday, officials said. "
    '"We agreed on the bridge," Ruiz told reporters. He said the talks lasted '
    "three hours and cost the city 2 million euros. According to the council, "
    "the vote is due on March 3.\n\n"
)


class CountingDoc:
    """A spaCy ``Doc`` stand-in that counts reads of its derived views."""

    def __init__(self, sdoc: Any) -> None:
        self._sdoc = sdoc
        self.reads: Counter[str] = Counter()

    @property
    def text(self) -> str:
        self.reads["text"] += 1
        return str(self._sdoc.text)

    @property
    def sents(self) -> Any:
        self.reads["sents"] += 1
        return self._sdoc.sents

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sdoc, name)

    def __iter__(self) -> Any:
        return iter(self._sdoc)

    def __len__(self) -> int:
        return len(self._sdoc)

    def __getitem__(self, key: Any) -> Any:
        return self._sdoc[key]


def _reads(nlp: Any, paragraphs: int) -> tuple[Counter[str], int]:
    text = PARAGRAPH * paragraphs
    counting = CountingDoc(nlp(text))
    found = extract_document(Document(id="d-x", input="x.txt", text=text), counting)
    assert found.claims and found.quotes and found.sentences
    return counting.reads, len(found.sentences)


def test_perdoc_linear_reads_text_and_sentences_once_per_document(nlp: Any) -> None:
    small, n_small = _reads(nlp, 2)
    large, n_large = _reads(nlp, 8)
    assert n_large > n_small
    # At most once per document, whatever its length (not once per sentence, claim or
    # quote); ``perdoc`` passes the document's own text, so ``Doc.text`` is never joined.
    assert small == large
    assert large["sents"] == 1 and large["text"] <= 1
    assert set(large) <= {"sents", "text"}


def test_perdoc_linear_split_text_joins_back_exactly() -> None:
    text = PARAGRAPH * 30 + "x" * 700 + " tail"
    pieces = split_text(text, 1000)
    assert "".join(pieces) == text
    assert all(len(p) <= 1000 for p in pieces)
    # Paragraph breaks are preferred: every piece but the unbroken run ends at one.
    assert sum(p.endswith("\n\n") for p in pieces) >= len(pieces) - 3


def test_perdoc_linear_long_text_parses_in_pieces_with_exact_offsets(nlp: Any) -> None:
    text = PARAGRAPH * 12
    whole = nlp(text)
    joined = parse_long(nlp, text, limit=700)
    assert joined.text == text
    assert [(t.idx, t.text) for t in joined] == [(t.idx, t.text) for t in whole]
    for ent in joined.ents:
        assert text[ent.start_char : ent.end_char] == ent.text
    piece_starts = {0}
    for piece in split_text(text, 700)[:-1]:
        piece_starts.add(max(piece_starts) + len(piece))
    sent_starts = {s.start_char for s in joined.sents}
    assert piece_starts <= sent_starts | {len(text)}
    # Extraction on the joined parse cuts exact spans.
    found = extract_document(Document(id="d-x", input="x.txt", text=text), joined)
    assert found.claims and found.quotes
    for span, shown in [(c.span, c.text) for c in found.claims] + [
        (q.span, q.text) for q in found.quotes
    ]:
        assert text[span[0] : span[1]] == shown


def test_perdoc_linear_stream_keeps_order_of_short_and_long_texts(nlp: Any) -> None:
    texts = ["Short one.", PARAGRAPH * 6, "Short two.", PARAGRAPH * 3, "Short three."]
    docs = list(annotate_stream(nlp, texts, 1, 2, limit=600))
    assert [d.text for d in docs] == texts
    assert [d.text for d in annotate(texts)] == texts


def test_perdoc_linear_extract_documents_reports_a_parse_failure(monkeypatch: Any) -> None:
    def flaky(texts: Any, n_process: int = 1, batch_size: int = 32) -> Any:
        for sdoc in annotate(list(texts), n_process, batch_size):
            if "Kestrel" in sdoc.text:
                raise MemoryError("parser ran out")
            yield sdoc

    monkeypatch.setattr("newsprism.perdoc.annotate", flaky)
    docs = [
        Document(id=f"d-{i}", input=f"{i}.txt", text=f"Ana Ruiz spoke in {town} today.")
        for i, town in enumerate(["Lyon", "Kestrel", "Nantes", "Metz"])
    ]
    found = list(extract_documents(docs, batch_size=2))
    assert [f.document for f in found] == ["d-0", "d-1", "d-2", "d-3"]
    assert found[1].error == "parsing failed (MemoryError: parser ran out)"
    assert all(f.error is None and f.mentions for f in (found[0], found[2], found[3]))


def test_nlp_model_objects_are_frozen_out_of_garbage_collection() -> None:
    # Full collections would walk the whole model again and again during extraction.
    import gc

    from newsprism.nlp import load_model

    load_model()
    assert gc.get_freeze_count() > 10_000


def test_quote_marks_quotations_read_once_per_document() -> None:
    # Quotes, coreference, event arguments and sentence voices share one list of
    # quotations per view.
    from contextlib import ExitStack
    from unittest import mock

    from newsprism.extract import (
        claims,
        coref,
        entities,
        event_args,
        events,
        quote_marks,
        quotes,
        sentences,
        speakers,
        voice_doc,
    )

    readers = (claims, coref, entities, event_args, events, quote_marks, quotes, sentences)
    doc = Document(id="d-q", input="q.txt", text=PARAGRAPH * 3)
    (sdoc,) = annotate([doc.text])
    spy = mock.Mock(wraps=quote_marks.find_quoted)
    with ExitStack() as stack:
        for module in (*readers, speakers, voice_doc):
            if hasattr(module, "find_quoted"):
                stack.enter_context(mock.patch.object(module, "find_quoted", spy))
        extract_document(doc, sdoc)
    assert spy.call_count == 1


def test_nlp_fewer_collections_raises_and_restores_the_pace() -> None:
    import gc

    from newsprism.nlp import fewer_collections

    before = gc.get_threshold()
    with fewer_collections():
        raised = gc.get_threshold()
        with fewer_collections():  # a nested (or concurrent) run keeps the raised pace
            assert gc.get_threshold() == raised
        assert gc.get_threshold() == raised
    assert raised[0] > before[0]
    assert gc.get_threshold() == before
