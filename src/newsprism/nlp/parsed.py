"""One parsed document with its derived views read once.

spaCy recomputes ``Doc.text`` (a join over every token) and ``Doc.sents`` (a
walk over every token) on *each* access. An extractor that reads either once
per sentence or per claim turns linear work into quadratic work: on a 1 MB
document that was 97% of the run. ``Parsed`` reads them once per document and
every extractor takes it instead of the bare ``Doc``.

Extractors still accept a bare spaCy ``Doc`` (tests and notebooks pass one):
``Parsed.of`` wraps it, and returns a ``Parsed`` unchanged, so a view built
once in ``perdoc`` is shared by all extractors of that document.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from newsprism.nlp.columns import TokenColumns

Span = tuple[int, int]


class Parsed:
    """A spaCy ``Doc`` plus its text, sentences and line-split sentence pieces."""

    def __init__(self, sdoc: Any, text: str | None = None) -> None:
        """``text``, when the caller has it (the document's own text), saves a join over
        every token; it must be the text ``sdoc`` was parsed from."""
        self.sdoc = sdoc
        if text is None or not _same_length(sdoc, text):
            text = sdoc.text
        self.text: str = text
        # Each ``Doc.sents`` walk builds new Span objects over the whole document.
        self.sents: tuple[Any, ...] = tuple(sdoc.sents)

    @classmethod
    def of(cls, parsed: Any, text: str | None = None) -> Parsed:
        """``parsed`` itself when it is a ``Parsed``, else a new view of the spaCy ``Doc``."""
        return parsed if isinstance(parsed, Parsed) else cls(parsed, text)

    @cached_property
    def pieces(self) -> tuple[Span, ...]:
        """Sentence spans split again at line breaks and trimmed of whitespace.

        A headline and the paragraph under it are often one parser sentence; claims
        and sentence voices both work on these pieces, so they are cut once.
        """
        text = self.text
        out: list[Span] = []
        for sent in self.sents:
            start = sent.start_char
            for line in text[sent.start_char : sent.end_char].split("\n"):
                end = start + len(line)
                s, e = start, end
                while s < e and text[s].isspace():
                    s += 1
                while e > s and text[e - 1].isspace():
                    e -= 1
                if s < e:
                    out.append((s, e))
                start = end + 1
        return tuple(out)

    @cached_property
    def columns(self) -> TokenColumns:
        """The document's per-token columns (one ``Doc.to_array``), shared by every extractor."""
        return TokenColumns(self.sdoc, len(self.text))

    @cached_property
    def sent_of_token(self) -> list[int]:
        """Per token index: the index of its sentence in ``sents``."""
        out = [0] * len(self.sdoc)
        for si, sent in enumerate(self.sents):
            for i in range(sent.start, sent.end):
                out[i] = si
        return out


def _same_length(sdoc: Any, text: str) -> bool:
    """A cheap guard that ``text`` is the parsed text: it ends where the last token does."""
    if not len(sdoc):
        return text == ""
    last = sdoc[-1]
    return bool(last.idx + len(last.text_with_ws) == len(text))
