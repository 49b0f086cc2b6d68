"""Per-token facts of one parsed document as plain Python lists, read once.

spaCy builds a new ``Token`` object on every ``doc[i]``, ``tok.head`` or walk of
``tok.children``, and every ``tok.lemma_`` is a string-store lookup. The event,
quote and coreference extractors each scanned every token of a document to find
the few that can matter (a trigger verb, a reporting verb, a proper noun): with
these lists the scan is list indexing and set lookups, and ``Token`` objects are
built only for the tokens that pass it.

The lists are one ``Doc.to_array`` per document, cached on the shared ``Parsed``
view (like ``coref.quoted_spans``), so the extractors of a document share them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from typing import Any

import numpy as np
from spacy.attrs import DEP, HEAD, IDX, LEMMA, LENGTH, LOWER, ORTH, POS

from newsprism.nlp.parsed import Parsed

# Hash → string and hash → lowercase string: a few thousand distinct values
# over a corpus, so each is looked up in the string store once per process.
_STR: dict[int, str] = {}
_LOW: dict[int, str] = {}


class TokenFacts:
    """Per token index: lemma (lowercase), part of speech, dependency, head, text, offsets."""

    __slots__ = (
        "_kids",
        "_stop",
        "dep",
        "head",
        "idx",
        "lemma",
        "length",
        "lower",
        "pos",
        "text",
    )

    def __init__(self, sdoc: Any) -> None:
        strings = sdoc.vocab.strings
        n = len(sdoc)
        if n:
            arr = sdoc.to_array([LEMMA, POS, DEP, ORTH, LOWER, HEAD, IDX, LENGTH])
            lemmas, poss, deps, orths, lowers = arr[:, :5].T.tolist()
            idxs, lengths = arr[:, 6:].T.tolist()
            # ``HEAD`` is a relative offset stored as uint64: the cast wraps it back.
            heads = (arr[:, 5].astype(np.int64) + np.arange(n, dtype=np.int64)).tolist()
        else:
            lemmas = poss = deps = orths = lowers = heads = idxs = lengths = []
        self.lemma: list[str] = _names(lemmas, _LOW, strings, str.lower)
        self.pos: list[str] = _names(poss, _STR, strings, str)
        self.dep: list[str] = _names(deps, _STR, strings, str)
        self.text: list[str] = _names(orths, _STR, strings, str)
        self.lower: list[str] = _names(lowers, _STR, strings, str)
        self.head: list[int] = heads
        self.idx: list[int] = idxs
        self.length: list[int] = lengths
        # Where the last token's trailing whitespace ends: no token holds a char past it.
        self._stop: int = idxs[-1] + self.length[-1] + len(sdoc[n - 1].whitespace_) if n else 0
        self._kids: dict[str, set[int]] = {}

    def _by_char(self, char: int) -> int:
        """spaCy's ``token_by_char``: the token whose text or trailing space holds ``char``."""
        if char < 0 or char >= self._stop:
            return -1
        return bisect_right(self.idx, char) - 1

    def char_tokens(self, start: int, end: int) -> tuple[int, int] | None:
        """The token range of ``sdoc.char_span(start, end, alignment_mode="expand")``,
        None where that is None, without building the ``Span``."""
        first = self._by_char(start)
        if first < 0:
            return None
        last = self._by_char(end - 1)
        if last < 0:
            return None
        if start == self.idx[first] + self.length[first]:
            first += 1  # the trailing space of a token is not part of it
        return first, last + 1

    def with_lemma(self, words: frozenset[str] | set[str]) -> list[int]:
        """Indexes of the tokens whose lowercase lemma is in ``words``, in text order.

        One comprehension over the lemma list (measured faster than a lemma index
        shared by the four callers).
        """
        return [i for i, lemma in enumerate(self.lemma) if lemma in words]

    def heads_of(self, dep: str) -> set[int]:
        """Indexes of the tokens that have a child with dependency ``dep``
        (``tok.children`` never holds the token itself)."""
        found = self._kids.get(dep)
        if found is None:
            d, h = self.dep, self.head
            found = self._kids[dep] = {h[i] for i in range(len(d)) if d[i] == dep and h[i] != i}
        return found


def _names(
    hashes: list[int], table: dict[int, str], strings: Any, conv: Callable[[str], str]
) -> list[str]:
    """The strings of ``hashes`` through ``conv``: one ``map`` over the table, and
    each hash the table lacks looked up in the string store once per process."""
    try:
        return list(map(table.__getitem__, hashes))
    except KeyError:
        for h in set(hashes).difference(table):
            table[h] = conv(strings[h])
        return list(map(table.__getitem__, hashes))


def token_facts(sdoc: Any) -> TokenFacts:
    """The document's token facts, built once per ``Parsed`` view."""
    parsed = Parsed.of(sdoc)
    cache = vars(parsed)
    facts = cache.get("_token_facts")
    if facts is None:
        facts = cache["_token_facts"] = TokenFacts(parsed.sdoc)
    out: TokenFacts = facts
    return out
