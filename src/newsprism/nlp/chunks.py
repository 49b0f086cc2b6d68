"""Long documents parsed in paragraph-aligned chunks, joined back into one ``Doc``.

spaCy's tagger, parser and NER hold per-token arrays for everything they parse
at once: one 4 MB text parsed whole needed about 10 GB. A text longer than
``CHUNK_CHARS`` is cut at paragraph breaks (else line breaks, else sentence
ends, else spaces) into pieces of at most that size, each piece is parsed on
its own, and ``Doc.from_docs`` joins them without adding any character, so the
joined ``Doc.text`` is the original text and every token, sentence and entity
offset is exact. A piece boundary is always a sentence boundary; the parser
rarely links words across a paragraph break anyway.

Peak memory is then one piece's parse plus the joined ``Doc`` (tokens, no
tensors: no extractor reads the model's internal vectors).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

# Pieces up to this many characters are parsed at once (≈ 20k tokens of news text).
CHUNK_CHARS = 100_000
# Where to cut, best first: a paragraph break, a line break, a sentence end, a space.
_CUTS = ("\n\n", "\n", ". ", " ")


def _cut(text: str, start: int, limit: int) -> int:
    """End of the piece that starts at ``start``: at most ``limit`` chars, at a good break."""
    end = start + limit
    if end >= len(text):
        return len(text)
    # Not before the middle of the window: small pieces cost a batch each.
    floor = start + limit // 2
    for sep in _CUTS:
        at = text.rfind(sep, floor, end)
        if at >= 0:
            return at + len(sep)
    return end  # no space in 50k characters: not prose, cut anywhere


def split_text(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` chars; ``"".join(pieces) == text``."""
    pieces: list[str] = []
    start = 0
    while start < len(text):
        end = _cut(text, start, limit)
        pieces.append(text[start:end])
        start = end
    return pieces


def parse_long(nlp: Any, text: str, limit: int = CHUNK_CHARS) -> Any:
    """Parse ``text`` piece by piece and join the pieces into one ``Doc`` over ``text``."""
    from spacy.tokens import Doc

    # One piece at a time: a batch of pieces would bring the peak back.
    docs = list(nlp.pipe(split_text(text, limit), batch_size=1))
    # spaCy's stub lacks ``exclude`` (the function has it since 3.3).
    joined = Doc.from_docs(  # type: ignore[call-arg]
        docs, ensure_whitespace=False, exclude=["tensor", "user_data"]
    )
    if joined.text != text:  # pragma: no cover - a spaCy change would break exact spans
        raise RuntimeError("joined parse does not reproduce the document text")
    return joined


def annotate_stream(
    nlp: Any, texts: list[str], n_process: int, batch_size: int, limit: int = CHUNK_CHARS
) -> Iterator[Any]:
    """Parse ``texts`` in order: short ones with ``nlp.pipe`` in batches, long ones in pieces."""
    run: list[str] = []
    for text in texts:
        if len(text) <= limit:
            run.append(text)
            continue
        if run:
            yield from nlp.pipe(run, n_process=n_process, batch_size=batch_size)
            run = []
        yield parse_long(nlp, text, limit)
    if run:
        yield from nlp.pipe(run, n_process=n_process, batch_size=batch_size)
