"""Per-document token columns, read once: what the sentence voice pass asks of every token.

spaCy builds a new Python ``Token`` on every ``doc[i]``, ``tok.head`` and
``tok.children``, and the voice pass asked each token's part of speech, lemma
and head several times per rule: millions of objects on a few hundred articles.
Here ``Doc.to_array`` reads the columns in one call and each distinct string is
looked up once; the rules index the lists by ``tok.i`` and build ``Token``
objects only for the few tokens a word list says a rule can fire on.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
from spacy.attrs import (
    DEP,
    ENT_TYPE,
    HEAD,
    IDX,
    IS_ALPHA,
    LEMMA,
    LENGTH,
    LOWER,
    POS,
)

_ATTRS = [IDX, LENGTH, HEAD, LOWER, LEMMA, POS, DEP, ENT_TYPE, IS_ALPHA]
# Column numbers in ``TokenTable.arr`` of the string columns ``ids`` tests.
LOWER_COL, LEMMA_COL, POS_COL, DEP_COL = 3, 4, 5, 6

# Hash (or symbol id) → string, and lemma hash → lower-case lemma, shared by all
# documents: a vocabulary's hashes never change meaning.
_NAMES: dict[int, str] = {}
_LEMMAS: dict[int, str] = {}


class TokenTable:
    """Columns of one parsed document, indexed by token: offsets, head, strings."""

    __slots__ = (
        "_values",
        "alpha",
        "arr",
        "dep",
        "end",
        "ent",
        "head",
        "lemma",
        "limit",
        "lower",
        "n",
        "pos",
        "sdoc",
        "start",
        "strings",
    )

    def __init__(self, sdoc: Any, length: int) -> None:
        """``length``: the length of the parsed text (``len(sdoc.text)``)."""
        self.sdoc = sdoc
        n = self.n = len(sdoc)
        arr = self.arr = sdoc.to_array(_ATTRS).reshape(n, len(_ATTRS))
        self.strings = sdoc.vocab.strings
        self._values: dict[int, tuple[list[int], set[int]]] = {}
        self.start: list[int] = arr[:, 0].tolist()
        self.end: list[int] = (arr[:, 0] + arr[:, 1]).tolist()
        # HEAD is stored as an offset from the token (unsigned in the array).
        self.head: list[int] = (arr[:, 2].astype(np.int64) + np.arange(n)).tolist()
        # ``tok.lemma_.lower()``: every rule compares lemmas in lower case.
        self.lemma = self._names(LEMMA_COL, _LEMMAS)
        self.pos = self._names(POS_COL, _NAMES)
        self.dep = self._names(DEP_COL, _NAMES)
        # Whether the token is part of a named entity (``tok.ent_type_`` is not empty).
        self.ent: list[bool] = (arr[:, 7] != 0).tolist()
        self.alpha: list[bool] = (arr[:, 8] != 0).tolist()
        self.lower: list[int] = arr[:, 3].tolist()  # hashes: ``lower_of`` names one
        # The tokens (with their trailing space) tile the text up to here.
        self.limit = length

    def lower_of(self, i: int) -> str:
        """``tok.lower_`` of token ``i``."""
        return self._name(self.lower[i])

    def span(self, start_char: int, end_char: int) -> tuple[int, int] | None:
        """``Doc.char_span(start_char, end_char, alignment_mode="expand")`` as token bounds.

        spaCy finds the token over a character by its text with trailing space, and a
        start on the first token's trailing space moves to the next token. The tokens
        tile the text, so the token over a character is the last one starting at or
        before it.
        """
        first, last = self._at(start_char), self._at(end_char - 1)
        if first < 0 or last < 0:
            return None
        if start_char == self.end[first]:
            first += 1
        return first, last + 1

    def _at(self, char: int) -> int:
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

    def _name(self, h: int) -> str:
        name = _NAMES.get(h)
        if name is None:
            name = _NAMES[h] = self.strings[h]
        return name

    def _column(self, col: int) -> tuple[list[int], set[int]]:
        """One column's values, and the distinct ones (read once for names and flags)."""
        found = self._values.get(col)
        if found is None:
            values = self.arr[:, col].tolist()
            found = self._values[col] = (values, set(values))
        return found

    def _names(self, col: int, cache: dict[int, str]) -> list[str]:
        """The strings behind one column of hashes: each distinct hash looked up once."""
        values, distinct = self._column(col)
        for h in distinct.difference(cache):
            name = self._name(h)
            cache[h] = name.lower() if cache is _LEMMAS else name
        return list(map(cache.__getitem__, values))

    def flags(self, col: int, classify: Callable[[str], int], memo: dict[int, int]) -> Any:
        """Per token, the bit flags ``classify`` gives its string in column ``col``.

        ``classify`` is asked once per distinct string (``memo``, by hash, kept by the
        caller); ``col`` is ``LOWER_COL`` (the lower-case form), ``LEMMA_COL`` (the
        lemma, passed lower-cased), ``POS_COL`` or ``DEP_COL``.
        """
        values, distinct = self._column(col)
        for h in distinct.difference(memo):
            name = self._name(h)
            memo[h] = classify(name.lower() if col == LEMMA_COL else name)
        return np.fromiter(map(memo.__getitem__, values), dtype=np.int64, count=self.n)


def within(sorted_ids: list[int], lo: int, hi: int) -> Iterator[int]:
    """The members of ``sorted_ids`` in ``[lo, hi)``."""
    k = bisect_left(sorted_ids, lo)
    end = len(sorted_ids)
    while k < end and sorted_ids[k] < hi:
        yield sorted_ids[k]
        k += 1
