"""Per-token columns of one parsed document as plain Python lists, read once.

spaCy builds a new ``Token`` object on every ``doc[i]``, ``tok.head`` or walk of
``tok.children``, and every ``tok.lemma_`` is a string-store lookup. The
extractors scan every token of a document to find the few that can matter (a
trigger verb, a reporting verb, a proper noun, a word a voice rule can fire
on): with these lists the scan is list indexing and set lookups, and ``Token``
objects are built only for the tokens that pass it.

The columns are one ``Doc.to_array`` per document, cached on the shared
``Parsed`` view (``Parsed.columns``), so every extractor of a document reads
the same lists: the events, quotes, coreference, entity and sentence voice
passes each used to build their own.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_ALPHA, LEMMA, LENGTH, LOWER, ORTH, POS

_ATTRS = [IDX, LENGTH, HEAD, ORTH, LOWER, LEMMA, POS, DEP, ENT_TYPE, IS_ALPHA]
# Column numbers in ``TokenColumns.arr``; ``flags`` takes one of the string columns.
ORTH_COL, LOWER_COL, LEMMA_COL, POS_COL, DEP_COL, ENT_COL, ALPHA_COL = 3, 4, 5, 6, 7, 8, 9

# Hash (or symbol id) → string, and lemma hash → lower-case lemma, shared by all
# documents: a vocabulary's hashes never change meaning, and a corpus has a few
# thousand distinct values, so each is looked up in the string store once per process.
_NAMES: dict[int, str] = {}
_LEMMAS: dict[int, str] = {}


class TokenColumns:
    """Per token index: offsets, head, text, lower-case form, lemma (lower case),
    part of speech, dependency, whether in a named entity, whether alphabetic."""

    __slots__ = (
        "_hashes",
        "_kids",
        "alpha",
        "arr",
        "dep",
        "end",
        "ent",
        "head",
        "lemma",
        "length",
        "limit",
        "lower",
        "n",
        "pos",
        "sdoc",
        "start",
        "strings",
        "text",
    )

    def __init__(self, sdoc: Any, length: int | None = None) -> None:
        """``length``: the length of the parsed text (``len(sdoc.text)``), if known."""
        self.sdoc = sdoc
        self.strings = sdoc.vocab.strings
        n = self.n = len(sdoc)
        arr = self.arr = sdoc.to_array(_ATTRS).reshape(n, len(_ATTRS))
        starts, lengths, _, orths, lowers, lemmas, poss, deps = arr[:, :8].T.tolist()
        self.start: list[int] = starts
        self.length: list[int] = lengths
        self.end: list[int] = [s + k for s, k in zip(starts, lengths, strict=True)]
        # ``HEAD`` is a relative offset stored as uint64: the cast wraps it back.
        self.head: list[int] = (arr[:, 2].astype(np.int64) + np.arange(n, dtype=np.int64)).tolist()
        # String columns as hashes, kept for ``flags``.
        self._hashes: dict[int, list[int]] = {
            ORTH_COL: orths,
            LOWER_COL: lowers,
            LEMMA_COL: lemmas,
            POS_COL: poss,
            DEP_COL: deps,
        }
        self.text: list[str] = self._names(orths, _NAMES)
        self.lower: list[str] = self._names(lowers, _NAMES)
        # ``tok.lemma_.lower()``: every rule compares lemmas in lower case.
        self.lemma: list[str] = self._names(lemmas, _LEMMAS)
        self.pos: list[str] = self._names(poss, _NAMES)
        self.dep: list[str] = self._names(deps, _NAMES)
        # Whether the token is part of a named entity (``tok.ent_type_`` is not empty).
        self.ent: list[bool] = (arr[:, ENT_COL] != 0).tolist()
        self.alpha: list[bool] = (arr[:, ALPHA_COL] != 0).tolist()
        if length is None:
            # The last token's trailing whitespace ends the text.
            length = self.end[-1] + len(sdoc[n - 1].whitespace_) if n else 0
        # The tokens (with their trailing space) tile the text up to here.
        self.limit: int = length
        self._kids: dict[str, set[int]] = {}

    def _names(self, hashes: list[int], table: dict[int, str]) -> list[str]:
        """The strings of ``hashes``: one ``map`` over the table, and each hash the
        table lacks looked up in the string store once per process."""
        try:
            return list(map(table.__getitem__, hashes))
        except KeyError:
            strings, lower = self.strings, table is _LEMMAS
            for h in set(hashes).difference(table):
                name = strings[h]
                table[h] = name.lower() if lower else name
            return list(map(table.__getitem__, hashes))

    def flags(self, col: int, classify: Callable[[str], int], memo: dict[int, int]) -> Any:
        """Per token, the bit flags ``classify`` gives its string in column ``col``.

        ``classify`` is asked once per distinct string (``memo``, by hash, kept by the
        caller); ``col`` is ``ORTH_COL``, ``LOWER_COL`` (the lower-case form),
        ``LEMMA_COL`` (the lemma, passed lower-cased), ``POS_COL`` or ``DEP_COL``.
        """
        values = self._hashes[col]
        missing = set(values).difference(memo)
        if missing:
            table = _LEMMAS if col == LEMMA_COL else _NAMES
            for h in missing:
                memo[h] = classify(table[h])
        return np.fromiter(map(memo.__getitem__, values), dtype=np.int64, count=self.n)

    def span(self, start_char: int, end_char: int) -> tuple[int, int] | None:
        """``Doc.char_span(start_char, end_char, alignment_mode="expand")`` as token
        bounds, None where that is None, without building the ``Span``.

        spaCy finds the token over a character by its text with trailing space, and a
        start on the first token's trailing space moves to the next token. The tokens
        tile the text, so the token over a character is the last one starting at or
        before it.
        """
        first, last = self._at(start_char), self._at(end_char - 1)
        if first < 0 or last < 0:
            return None
        if start_char == self.end[first]:
            first += 1  # the trailing space of a token is not part of it
        return first, last + 1

    def _at(self, char: int) -> int:
        """spaCy's ``token_by_char``: the token whose text or trailing space holds ``char``."""
        if char < 0 or char >= self.limit:
            return -1
        return bisect_right(self.start, char) - 1

    def root(self, a: int, b: int) -> int:
        """``Span.root`` of tokens ``[a, b)``: a sentence root inside, else the token
        with a head outside the span and the fewest steps to the root, the first on
        ties; a space or punctuation token without children counts as far away."""
        head = self.head
        for i in range(a, b):
            if head[i] == i:
                return i
        n = self.n
        best, root = n, -1
        for i in range(a, b):
            if a <= head[i] < b:
                continue
            if self._bare(i):
                steps = n - 1
            else:
                steps, node = 0, i
                while head[node] != node:
                    node = head[node]
                    steps += 1
                    if steps >= n:
                        raise RuntimeError("a cycle in the dependency heads")
            if steps < best:
                best, root = steps, i
        return a if root == -1 else root

    def _bare(self, i: int) -> bool:
        """A space or punctuation token without children (``Span.root`` passes it over)."""
        tok = self.sdoc[i]
        return bool((tok.is_space or tok.is_punct) and not tok.n_lefts and not tok.n_rights)

    def with_lemma(self, words: frozenset[str] | set[str]) -> list[int]:
        """Indexes of the tokens whose lowercase lemma is in ``words``, in text order.

        One comprehension over the lemma list (measured faster than a lemma index
        shared by the callers).
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


def within(sorted_ids: list[int], lo: int, hi: int) -> Iterator[int]:
    """The members of ``sorted_ids`` in ``[lo, hi)``."""
    k = bisect_left(sorted_ids, lo)
    end = len(sorted_ids)
    while k < end and sorted_ids[k] < hi:
        yield sorted_ids[k]
        k += 1
