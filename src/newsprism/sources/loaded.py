"""Loaded terms: judging words one source uses in its own voice that the others do not.

Contrast, not a fixed list: a word is a candidate for source S when S uses it
in its own voice (outside quotation marks, in a sentence it does not attribute
to anyone) and it is over-represented in S against the other documents of the
story. Over-representation is the log-odds ratio with an informative Dirichlet
prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words"), the prior taken from
the whole story, as a z-score: a word used twice by S and never by anyone else
scores high; a word everyone uses scores near zero whatever S does with it.

A contrastive word is not yet a *loaded* one: "tarmac" may be unique to one
report. So a candidate must also judge: the per-document stage marked it as an
``evaluative`` or ``loaded`` word of S's own voice (a framing or evaluative
lexicon word, or a strong-valence VADER adjective or adverb: "kind" the noun
and "heart" do not qualify, "wrong" the adjective does). The other documents a
source is contrasted with exclude its own copies and originals (syndication is
not a second voice).

Names never count: words inside an entity mention, and capitalised words not at
a sentence start (or at one, when the word is never written in lower case).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from newsprism.extract.quote_marks import find_quoted
from newsprism.extract.sentences import SentenceFeatures
from newsprism.models import Example, LoadedTerm, MarkedSpan

Span = tuple[int, int]

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")
# Strength of the story-wide prior as a share of the story's words; larger shrinks
# rare words harder. Proportional, so a three-article story is not all prior.
PRIOR_SHARE = 0.15
# z at which a word the others also use still counts as this source's own.
MIN_Z_SHARED = 1.96
MIN_Z = 0.8
MIN_LENGTH = 4
LIMIT = 8
EXAMPLES = 2
JUDGING = frozenset({"evaluative", "loaded"})


@dataclass(frozen=True)
class _Hit:
    word: str
    span: Span
    sentence: Span
    own: bool


def _hits(
    text: str, features: Sequence[SentenceFeatures], mentions: Sequence[Span]
) -> tuple[list[_Hit], set[str]]:
    """Content words of one document, and the words it writes in lower case."""
    quoted = [False] * (len(text) + 1)
    for q in find_quoted(text):
        for i in range(q.open, min(len(text), q.close + 1)):
            quoted[i] = True
    named = [False] * (len(text) + 1)
    for s, e in mentions:
        for i in range(max(0, s), min(len(text), e)):
            named[i] = True
    hits: list[_Hit] = []
    lower: set[str] = set()
    for feat in features:
        if feat.voice == "other":
            continue
        own_voice = feat.voice in ("opinion", "factual")
        first = True
        for m in _WORD.finditer(text, feat.span[0], feat.span[1]):
            raw = m.group().replace("’", "'")
            word = raw.lower()
            at_start, first = first, False
            if raw[0].islower():
                lower.add(word)
            elif not at_start:
                continue
            if len(word) < MIN_LENGTH or word in STOP_WORDS or "'" in word:
                continue
            if named[m.start()] or named[m.end() - 1]:
                continue
            own = own_voice and not quoted[m.start()]
            hits.append(_Hit(word, (m.start(), m.end()), feat.span, own))
    return hits, lower


def _judging(text: str, features: Sequence[SentenceFeatures]) -> set[str]:
    """The words the per-document stage marked as judging in this document's own voice."""
    return {
        text[m.span[0] : m.span[1]].lower().replace("’", "'")
        for f in features
        for m in f.markers
        if m.kind in JUDGING
    }


def _z(y_s: int, n_s: int, y_r: int, n_r: int, prior: float, a0: float) -> float:
    """Log-odds ratio of ``word`` in S vs the rest with a Dirichlet prior, as a z-score."""
    a = max(prior, 1e-9)
    delta = math.log((y_s + a) / (n_s + a0 - y_s - a)) - math.log((y_r + a) / (n_r + a0 - y_r - a))
    return delta / math.sqrt(1.0 / (y_s + a) + 1.0 / (y_r + a))


def loaded_terms(
    sources: Mapping[str, Sequence[str]],
    families: Mapping[str, frozenset[str]],
    texts: Mapping[str, str],
    features: Mapping[str, Sequence[SentenceFeatures]],
    mentions: Mapping[str, Sequence[Span]],
) -> dict[str, list[LoadedTerm]]:
    """Per source key, its loaded terms, strongest first.

    ``sources`` maps a source key to its document ids; ``families`` maps a source
    key to every document id that is it or a copy of it (excluded from its contrast).
    """
    doc_hits: dict[str, list[_Hit]] = {}
    lower: set[str] = set()
    for doc_id in sorted(texts):
        hits, low = _hits(texts[doc_id], features.get(doc_id, ()), mentions.get(doc_id, ()))
        doc_hits[doc_id] = hits
        lower |= low
    all_counts: dict[str, Counter[str]] = {
        d: Counter(h.word for h in hits if h.word in lower) for d, hits in doc_hits.items()
    }
    total: Counter[str] = Counter()
    for counts in all_counts.values():
        total.update(counts)
    n_all = sum(total.values()) or 1
    a0 = PRIOR_SHARE * n_all
    users: dict[str, set[str]] = {}
    for key, docs in sources.items():
        for d in docs:
            for w in all_counts.get(d, ()):
                users.setdefault(w, set()).add(key)
    out: dict[str, list[LoadedTerm]] = {}
    for key in sorted(sources):
        own_hits = [
            h for d in sources[key] for h in doc_hits.get(d, ()) if h.own and h.word in lower
        ]
        judged = set().union(*(_judging(texts[d], features.get(d, ())) for d in sources[key]))
        own = Counter(h.word for h in own_hits if h.word in judged and h.word in lower)
        rest: Counter[str] = Counter()
        for d, counts in all_counts.items():
            if d not in families[key]:
                rest.update(counts)
        n_s, n_r = sum(own.values()), sum(rest.values())
        if not n_s or not n_r:
            out[key] = []
            continue
        terms: list[LoadedTerm] = []
        for word, y_s in own.items():
            y_r = rest[word]
            z = _z(y_s, n_s, y_r, n_r, a0 * total[word] / n_all, a0)
            if z < (MIN_Z_SHARED if y_r else MIN_Z):
                continue
            others = sorted(
                k for k in users.get(word, ()) if k != key and not set(sources[k]) <= families[key]
            )
            evidence = [
                Example(
                    document=d,
                    span=h.sentence,
                    kind="loaded",
                    marks=[MarkedSpan(kind="term", span=h.span)],
                )
                for d in sources[key]
                for h in doc_hits.get(d, ())
                if h.own and h.word == word
            ][:EXAMPLES]
            terms.append(
                LoadedTerm(
                    term=word,
                    count=y_s,
                    score=round(z, 3),
                    other_sources=len(others),
                    evidence=evidence,
                )
            )
        terms.sort(key=lambda t: (-t.score, t.term))
        out[key] = terms[:LIMIT]
    return out
