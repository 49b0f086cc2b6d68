"""The author's voice in one sentence: opinion, hedging and attribution (for ``claims``).

Only the author's own voice counts, so words inside quotation marks and sentences
attributed to someone ("X said …", "according to X") are never opinion. Otherwise a
sentence is opinion when it is a question, uses the first person, prescribes with
must / should / ought to, or contains a word from ``EVALUATIVE``. ``hedged`` marks
reportedly / allegedly / may / might / could / appear / seem.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from newsprism.extract.clause_parts import DocWords
from newsprism.extract.cues import SPEECH_VERBS

HEDGE_WORDS = frozenset(
    """
        reportedly allegedly purportedly apparently possibly perhaps presumably
        unconfirmed rumoured rumored supposedly
        """.split()  # noqa: SIM905
)
HEDGE_MODALS = frozenset({"may", "might", "could"})
HEDGE_VERBS = frozenset({"appear", "seem"})
PRESCRIPTIVE = frozenset({"must", "should", "ought"})
FIRST_PERSON = frozenset(
    {"i", "me", "my", "mine", "we", "us", "our", "ours", "myself", "ourselves"}
)
# Words a reporter does not use in their own voice; kept short on purpose:
# "deadliest" or "historic" describe, these judge.
EVALUATIVE = frozenset(
    """
        unfortunately sadly regrettably thankfully hopefully clearly obviously
        undoubtedly surely arguably admittedly shameful disgraceful outrageous absurd
        ridiculous reckless foolish naive misguided disastrous appalling deplorable
        laughable pathetic shameless brilliant masterful farcical farce mirage
        hypocritical hypocrisy cynical spineless incompetent inept disgusting despicable
        """.split()  # noqa: SIM905
)
_CLOSERS = "\"'”’)]»"
_QUOTE_CHARS = '"“”«»„'


def _quoted_chars(text: str) -> list[bool]:
    """Per character: inside double quotation marks (the speaker's words, not the author's)."""
    # Runs between marks are filled by slices, not one Python step per character.
    inside, mask, last = False, [], 0
    for m in _QUOTE_MARK.finditer(text):
        pos = m.start()
        mask += [inside] * (pos - last)
        mask.append(True)
        ch = text[pos]
        inside = not inside if ch == '"' else ch in "“«„"
        last = pos + 1
    mask += [inside] * (len(text) - last)
    return mask


_QUOTE_MARK = re.compile("[" + re.escape(_QUOTE_CHARS) + "]")


class _Facts(DocWords):
    """Per token of a run of tokens (a whole document, or one sentence's): the words and
    labels the opinion, hedge and attribution tests read, each read from spaCy once.
    Every ``doc[i]`` or ``tok.lower_`` builds a new object or decodes a string. Tags and
    offsets are read where needed (a modal, a quoted sentence): most tokens never need
    them. Over a whole document it is the propositions' ``DocWords``."""


# Cue verbs that take an infinitive or an object, not a reported statement.
_NOT_REPORTING = frozenset(
    """
        continue agree welcome praise accuse question wonder demand propose recommend
        call describe label dub brand term point
        """.split()  # noqa: SIM905
)


def _speech_verb(f: _Facts, lo: int, hi: int, text: str) -> Any | None:
    """The reporting verb of an attributed sentence ("X said that …", "“…,” X said")."""
    lemmas, pos = f.lemma, f.pos
    if SPEECH_VERBS.isdisjoint(lemmas[lo:hi]):
        return None  # no reporting verb's lemma in the sentence
    quoted = _QUOTE_MARK.search(text) is not None
    for k in range(lo, hi):
        lemma = lemmas[k]
        if lemma not in SPEECH_VERBS or lemma in _NOT_REPORTING or pos[k] not in ("VERB", "AUX"):
            continue
        tok = f.toks[k]
        deps = {c.dep_ for c in tok.children}
        if not deps & {"nsubj", "nsubjpass"}:
            continue
        if "ccomp" in deps or (quoted and tok.dep_ in ("ROOT", "parataxis")):
            return tok
    return None


def _according_to(f: _Facts, lo: int, hi: int) -> Any | None:
    lower = f.lower
    if "according" not in lower[lo:hi]:
        return None
    for k in range(lo, hi):
        if lower[k] != "according":
            continue
        tok = f.toks[k]
        if tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
            for child in tok.nbor().children:
                if child.dep_ == "pobj":
                    return child
    return None


def classify(
    tokens: list[Any], text: str, offset: int
) -> tuple[bool, bool, Any | None, Any | None]:
    """(opinion, hedged, speech verb, according-to object) for one sentence's tokens."""
    return _classify(_Facts(tokens), 0, len(tokens), text, offset)


def _classify(
    f: _Facts, lo: int, hi: int, text: str, offset: int
) -> tuple[bool, bool, Any | None, Any | None]:
    """``classify`` for the tokens ``lo:hi`` of ``f``."""
    speech = _speech_verb(f, lo, hi, text)
    according = _according_to(f, lo, hi)
    lower, toks = f.lower, f.toks
    if _QUOTE_MARK.search(text) is None:
        quoted = None  # nothing quoted: every word is the author's
        own: Sequence[int] = range(lo, hi)
    else:
        quoted = _quoted_chars(text)
        last = len(quoted) - 1
        own = [k for k in range(lo, hi) if not quoted[min(last, max(0, toks[k].idx - offset))]]
    lows = {lower[k] for k in own}
    # Each word-by-word test runs only where the set test finds such a word.
    hedged = bool(
        lows & HEDGE_WORDS
        or (
            not HEDGE_MODALS.isdisjoint(lower[lo:hi])
            and any(lower[k] in HEDGE_MODALS and toks[k].tag_ == "MD" for k in range(lo, hi))
        )
        or (
            not HEDGE_VERBS.isdisjoint(f.lemma[lo:hi])
            and any(
                f.lemma[k] in HEDGE_VERBS and f.pos[k] in ("VERB", "AUX") for k in range(lo, hi)
            )
        )
    )
    if speech is not None or according is not None:
        return False, hedged, speech, according
    stripped = text.rstrip(_CLOSERS)
    question = stripped.endswith("?") and not (quoted is not None and quoted[len(stripped) - 1])
    opinion = bool(
        question
        or lows & FIRST_PERSON
        or (
            not PRESCRIPTIVE.isdisjoint(lows)
            and any(lower[k] in PRESCRIPTIVE and toks[k].tag_ == "MD" for k in own)
        )
        or lows & EVALUATIVE
    )
    return opinion, hedged, speech, according
