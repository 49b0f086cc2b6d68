"""Headline and menu noise among entity mentions: title-cased phrases NER took for names.

A headline capitalises every word ("The Road Ahead", "Leaders Meet …"), a menu
line holds one word ("Menu", "World"), and a lone common word tagged as a name
("Criticism", "Spread") is the same mistake; a real name almost always recurs
outside such places. ``extract.entities`` runs this filter last.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, Protocol, TypeVar

from newsprism.nlp.columns import TokenColumns
from newsprism.nlp.parsed import Parsed


class _Mention(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def text(self) -> str: ...

    @property
    def label(self) -> str: ...


M = TypeVar("M", bound=_Mention)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SMALL_WORDS = _words("a an the and or of to in on for at by with from vs as is")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def _is_headline(line: str) -> bool:
    """A short title-cased line without a closing full stop: a headline or subhead."""
    line = line.strip()
    words = _WORD.findall(line)
    if not 2 <= len(words) <= 14 or line.endswith((".", ",", ";", '"', "”")):
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(content) and sum(w[0].isupper() for w in content) >= 0.75 * len(content)


def _lone_line_word(text: str, m: _Mention) -> bool:
    """A one-word mention that fills its whole line: a menu or section label."""
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return " " not in m.text and line.strip() == m.text


def drop_headline_noise(
    doc: Any, text: str, mentions: list[M], cols: TokenColumns | None = None
) -> list[M]:
    """Drop title-cased phrases that NER took for names, unless the body names them too.

    Headlines capitalise every word ("The Road Ahead", "Leaders Meet …"), and a
    lone common word tagged as a name ("Criticism", "Spread") is the same
    mistake; a real name almost always recurs outside such places. ``cols`` are
    ``doc``'s token columns where the caller has them.
    """
    cols = cols if cols is not None else Parsed.of(doc).columns
    pos = cols.pos
    in_headline: dict[tuple[int, int], bool] = {}
    # How often each name occurs, counted once (not once per mention: quadratic).
    count = Counter(m.text for m in mentions)
    body_names: set[str] = set()
    # Mentions share lines: each line is judged once.
    headline: dict[str, bool] = {}
    for m in mentions:
        line_start = text.rfind("\n", 0, m.start) + 1
        line_end = text.find("\n", m.end)
        line = text[line_start : len(text) if line_end < 0 else line_end]
        judged = headline.get(line)
        if judged is None:
            judged = headline[line] = _is_headline(line)
        in_headline[(m.start, m.end)] = judged
        if not in_headline[(m.start, m.end)]:
            body_names.add(m.text)
    names = {w for m in mentions if m.label == "PERSON" and " " in m.text for w in m.text.split()}
    kept = []
    for m in mentions:
        once = count[m.text] == 1
        if once and _lone_line_word(text, m):
            continue
        if m.text not in body_names and in_headline[(m.start, m.end)]:
            continue
        # NORP and GPE adjectives ("European", "Ukrainian") are rightly not PROPN;
        # a word of a person's full name ("Reyes" parsed as a noun) is a name.
        # The parse is read last, for the few mentions every other test leaves.
        if once and " " not in m.text and m.label not in ("NORP", "GPE") and m.text not in names:
            toks = cols.span(m.start, m.end)  # ``doc.char_span(…, "expand")``
            if toks is None or not any(pos[i] == "PROPN" for i in range(*toks)):
                continue
        kept.append(m)
    return kept
