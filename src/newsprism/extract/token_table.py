"""Per-document token columns, read once: what the sentence voice pass asks of every token.

spaCy builds a new Python ``Token`` on every ``doc[i]``, ``tok.head`` and
``tok.children``, and the voice pass asked each token's part of speech, lemma
and head several times per rule: millions of objects on a few hundred articles.
Here ``Doc.to_array`` reads the columns in one call and each distinct string is
looked up once; the rules index the lists by ``tok.i`` and build ``Token``
objects only for the few tokens a word list says a rule can fire on.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_ALPHA, LEMMA, LENGTH, LOWER, POS

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
        "alpha",
        "arr",
        "dep",
        "end",
        "ent",
        "head",
        "lemma",
        "n",
        "pos",
        "start",
        "strings",
    )

    def __init__(self, sdoc: Any) -> None:
        n = self.n = len(sdoc)
        arr = self.arr = sdoc.to_array(_ATTRS).reshape(n, len(_ATTRS))
        strings = self.strings = sdoc.vocab.strings
        self.start: list[int] = arr[:, 0].tolist()
        self.end: list[int] = (arr[:, 0] + arr[:, 1]).tolist()
        # HEAD is stored as an offset from the token (unsigned in the array).
        self.head: list[int] = (arr[:, 2].astype(np.int64) + np.arange(n)).tolist()
        # ``tok.lemma_.lower()``: every rule compares lemmas in lower case.
        self.lemma = _names(arr[:, 4], strings, _LEMMAS, str.lower)
        self.pos = _names(arr[:, 5], strings, _NAMES, str)
        self.dep = _names(arr[:, 6], strings, _NAMES, str)
        # Whether the token is part of a named entity (``tok.ent_type_`` is not empty).
        self.ent: list[bool] = (arr[:, 7] != 0).tolist()
        self.alpha: list[bool] = (arr[:, 8] != 0).tolist()

    def flags(self, col: int, classify: Callable[[str], int], memo: dict[int, int]) -> Any:
        """Per token, the bit flags ``classify`` gives its string in column ``col``.

        ``classify`` is asked once per distinct string (``memo``, by hash, kept by the
        caller); ``col`` is ``LOWER_COL`` (the lower-case form), ``LEMMA_COL`` (the
        lemma, passed lower-cased), ``POS_COL`` or ``DEP_COL``.
        """
        values = self.arr[:, col].tolist()
        for h in set(values).difference(memo):
            name = _NAMES.get(h)
            if name is None:
                name = _NAMES[h] = self.strings[h]
            memo[h] = classify(name.lower() if col == LEMMA_COL else name)
        return np.array(list(map(memo.__getitem__, values)), dtype=np.int64)


def _names(col: Any, strings: Any, cache: dict[int, str], norm: Callable[[str], str]) -> list[str]:
    """The strings behind one column of hashes: each distinct hash looked up once."""
    values = col.tolist()
    for h in set(values).difference(cache):
        cache[h] = norm(strings[h])
    return list(map(cache.__getitem__, values))


def within(sorted_ids: list[int], lo: int, hi: int) -> Iterator[int]:
    """The members of ``sorted_ids`` in ``[lo, hi)``."""
    k = bisect_left(sorted_ids, lo)
    end = len(sorted_ids)
    while k < end and sorted_ids[k] < hi:
        yield sorted_ids[k]
        k += 1
