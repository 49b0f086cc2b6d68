"""One document as the sentence voice pass reads it: token columns, quotation mask, candidates.

Every voice rule of ``extract.sentences`` keeps its exact test on spaCy tokens,
but a word list first says which tokens it could fire on (a reporting verb's
lemma, a listed cue word, a lexicon word), so the rest of the document is
never built as ``Token`` objects: per document, one ``Doc.to_array`` and one
question per distinct string (``Parsed.columns``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsprism.extract.claims import FIRST_PERSON, PRESCRIPTIVE
from newsprism.extract.cues import SPEECH_VERBS
from newsprism.extract.quote_marks import Quoted
from newsprism.extract.views import (
    ATTITUDE_NOUNS,
    CASTING,
    FRAME_DEPS,
    NOT_SPEECH,
    STATE_OF_MIND,
    THINKING,
    reports_edge,
)
from newsprism.nlp.columns import ALPHA_COL, DEP_COL, ENT_COL, LEMMA_COL, LOWER_COL, POS_COL
from newsprism.nlp.parsed import Parsed
from newsprism.sources.lexicon import valence
from newsprism.sources.subjectivity import SPECULATIVE, may_cue

Span = tuple[int, int]

# "X was right to insist": the author grading an actor.
GRADING = frozenset({"right", "wrong", "correct", "mistaken"})
# Parts of speech of the own-voice words loaded terms compare.
CONTENT = frozenset({"NOUN", "VERB", "ADJ", "ADV"})


def quoted_mask(text: str, quotations: Sequence[Quoted]) -> bytearray:
    """Per character of the text (and one past its end): 1 inside a quotation, marks included.

    ``quotations``: the text's quoted stretches (``quote_marks.quoted_spans``, found once
    per document for the quote, speaker and coreference passes too).
    """
    mask = bytearray(len(text) + 1)
    for q in quotations:
        hi = min(len(text), q.close + 1)
        if hi > q.open:
            mask[q.open : hi] = b"\x01" * (hi - q.open)
    return mask


def runs(mask: bytearray, lo: int, hi: int) -> list[Span]:
    """The quoted stretches of ``[lo, hi)``: runs of 1 in the mask."""
    out = []
    i = mask.find(1, lo, hi)
    while i != -1:
        j = mask.find(0, i, hi)
        if j == -1:
            j = hi
        out.append((i, j))
        i = mask.find(1, j, hi)
    return out


def visible(text: str) -> int:
    """How many characters of ``text`` are not whitespace (``str.split`` and ``isspace`` agree)."""
    return sum(map(len, text.split()))


# Heads on which a reporting or a view rule can fire (``views.reports_edge``): a reporting,
# thinking, casting verb or "make" by lemma, a state-of-mind adjective or attitude noun by form.
_EDGE_LEMMAS = SPEECH_VERBS | THINKING | CASTING | {"make"}
_EDGE_FORMS = STATE_OF_MIND | ATTITUDE_NOUNS
# Words the marker rules name before ``word_cue``.
_MARK_WORDS = FIRST_PERSON | PRESCRIPTIVE | SPECULATIVE | STATE_OF_MIND | GRADING
_VERBAL = frozenset({"VERB", "AUX"})


class DocVoice:
    """One document's token columns, quotation mask and the tokens each rule can fire on.

    Each rule keeps its exact test on spaCy tokens; a word list first says which
    tokens it could fire on, so the rest are never built as ``Token`` objects.
    """

    def __init__(self, parsed: Parsed, quoted: bytearray) -> None:
        self.sdoc = parsed.sdoc
        self.text = parsed.text
        self.quoted = quoted
        t = self.t = parsed.columns
        lower = t.flags(LOWER_COL, _lower_flags, _M_LOWER)
        lemma = t.flags(LEMMA_COL, _lemma_flags, _M_LEMMA)
        pos = t.flags(POS_COL, _pos_flags, _M_POS)
        is_verbal = (pos & _F_VERBAL) != 0
        self.verbal: list[int] = np.flatnonzero(is_verbal).tolist()
        self.according: list[int] = np.flatnonzero(lower & _F_ACCORDING).tolist()
        self.speaking: list[int] = np.flatnonzero(((lemma & _F_SPEAKING) != 0) & is_verbal).tolist()
        self.marking: list[int] = np.flatnonzero(lower & _F_MARKING).tolist()
        self.valent: list[int] = np.flatnonzero(lower & _F_VALENT).tolist()
        content = ((pos & _F_CONTENT) != 0) & (t.arr[:, ALPHA_COL] != 0) & (t.arr[:, ENT_COL] == 0)
        self.content: list[int] = np.flatnonzero(content).tolist()
        heads = ((lemma & _F_EDGE) != 0) | ((lower & _F_EDGE) != 0)
        # "The fear … is that …": a copula's clausal complement (``views._views``).
        copulas = ((lemma & _F_BE) != 0) & ~heads
        dep = t.flags(DEP_COL, _dep_flags, _M_DEP)
        clauses = ((dep & _F_CLAUSE) != 0) & is_verbal
        head = np.asarray(t.head, dtype=np.int64)
        edges = (heads[head] | (copulas[head] & clauses)) & (head != np.arange(t.n))
        # Who speaks, the manner, tense and mood are a report's frame, never its content
        # (``views.in_frame``); no view rule takes them either.
        edges &= (dep & _F_FRAME) == 0
        self.edges: list[int] = np.flatnonzero(edges).tolist()
        self._edge_set = set(self.edges)
        self._edge: dict[int, bool] = {}
        self._theirs: dict[int, bool] = {}

    def edge(self, c: int) -> bool:
        """``views.reports_edge`` on the edge from token ``c``'s head to ``c``."""
        if c not in self._edge_set:
            return False
        found = self._edge.get(c)
        if found is None:
            found = self._edge[c] = reports_edge(self.sdoc[self.t.head[c]], self.sdoc[c])
        return found

    def theirs(self, i: int) -> bool:
        """``views.reported`` of token ``i``: some edge on its way to the root reports it."""
        memo, head = self._theirs, self.t.head
        path: list[int] = []
        node = i
        while True:
            found = memo.get(node)
            if found is not None:
                break
            if self.edge(node):
                found = memo[node] = True
                break
            up = head[node]
            if up == node:
                found = memo[node] = False
                break
            path.append(node)
            node = up
        for p in path:
            memo[p] = found
        return found


_SPEAKING = SPEECH_VERBS - NOT_SPEECH
# Bit flags of a token's strings (``TokenColumns.flags``), each asked once per string.
_F_VERBAL, _F_CONTENT = 1, 2  # part of speech
_F_ACCORDING, _F_MARKING, _F_VALENT, _F_EDGE = 1, 2, 4, 8  # lower-case form
_F_SPEAKING, _F_BE = 1, 2  # lemma (and _F_EDGE)
_F_CLAUSE, _F_FRAME = 1, 2  # dependency label
# ... and their answers by string hash.
_M_LOWER: dict[int, int] = {}
_M_LEMMA: dict[int, int] = {}
_M_POS: dict[int, int] = {}
_M_DEP: dict[int, int] = {}


def _lower_flags(low: str) -> int:
    return (
        (_F_ACCORDING if low == "according" else 0)
        | (_F_MARKING if _may_mark(low) else 0)
        | (_F_VALENT if valence(low) != 0.0 else 0)
        | (_F_EDGE if low in _EDGE_FORMS else 0)
    )


def _lemma_flags(lemma: str) -> int:
    return (
        (_F_SPEAKING if lemma in _SPEAKING else 0)
        | (_F_BE if lemma == "be" else 0)
        | (_F_EDGE if lemma in _EDGE_LEMMAS else 0)
    )


def _pos_flags(pos: str) -> int:
    return (_F_VERBAL if pos in _VERBAL else 0) | (_F_CONTENT if pos in CONTENT else 0)


def _dep_flags(dep: str) -> int:
    return (_F_CLAUSE if dep in ("ccomp", "attr") else 0) | (_F_FRAME if dep in FRAME_DEPS else 0)


def _may_mark(low: str) -> bool:
    """Whether ``_marker`` can find a cue on a word of this lowercase form."""
    return low in _MARK_WORDS or may_cue(low)
