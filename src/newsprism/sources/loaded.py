"""Loaded terms: word choices one source makes in its own voice that the others do not.

A term is a *word choice* before it is a contrast: the per-document stage
marked it as judging in the author's own words (``sources.subjectivity``: an
evaluative adjective or adverb, attributive or predicative, a framing or bias
word, an exaggeration), never inside quotation marks or reported speech, and
never a name. Among those, a term is this source's when it is
over-represented against the other documents of the story: the log-odds
ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008,
"Fightin' Words"), the prior taken from the whole story, as a z-score. A word
used by S and never by anyone else scores high; a word everyone uses scores
near zero whatever S does with it. Bias-lexicon words (``loaded``) get a
small bonus in the ranking, since they frame whatever they name.

Each term shows where it appears (its sentences) and what the other sources
wrote in the same place: content words that fill the same syntactic slot
(same head word, same relation) in another source's own voice — "shooting"
where S wrote "massacre" as the subject of "left", "government" where S wrote
"regime". Documents a source copies or is copied by are not "other sources".
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence

from newsprism.extract.sentence_types import SentenceFeatures, WordSlot
from newsprism.models import Example, LoadedTerm, MarkedSpan, TermAlternative
from newsprism.sources.subjectivity import WORD_CHOICE

Span = tuple[int, int]

# Strength of the story-wide prior as a share of the story's words; larger shrinks
# rare words harder. Proportional, so a three-article story is not all prior.
PRIOR_SHARE = 0.15
# z at which a word the others also use still counts as this source's own.
MIN_Z_SHARED = 1.96
# A marked own-voice word no other source uses is over-represented whatever the
# story's size; in a short story one use scores about 0.7, so the bar is low.
MIN_Z = 0.5
LEXICON_BONUS = 0.5
MIN_LENGTH = 3
LIMIT = 8
EXAMPLES = 2
ALTERNATIVES = 3
# Relations whose head says what the word is about ("desperate attempt": amod).
_SLOT_DEPS = frozenset(
    {"amod", "advmod", "nsubj", "nsubjpass", "dobj", "acomp", "attr", "oprd", "compound", "appos"}
)
# An alternative's sentence shares this many other content words with the term's.
MIN_SHARED = 2
# Heads too general to say two words name the same thing ("is", "said").
_LIGHT_HEADS = frozenset({"be", "have", "do", "say", "make", "get", "take", "go", "will"})


def _in_any(span: Span, spans: Sequence[Span]) -> bool:
    return any(s <= span[0] < e for s, e in spans)


def _z(y_s: int, n_s: int, y_r: int, n_r: int, prior: float, a0: float) -> float:
    """Log-odds ratio of a word in S vs the rest with a Dirichlet prior, as a z-score."""
    a = max(prior, 1e-9)
    delta = math.log((y_s + a) / (n_s + a0 - y_s - a)) - math.log((y_r + a) / (n_r + a0 - y_r - a))
    return delta / math.sqrt(1.0 / (y_s + a) + 1.0 / (y_r + a))


class _SentenceLemmas:
    """The lemmas of an own-voice sentence, by (document, sentence span), built when first
    asked for: only the sentences of terms and their alternatives are ever read."""

    def __init__(self, features: Mapping[str, Sequence[SentenceFeatures]]) -> None:
        self.features = features
        self.spans: dict[str, dict[Span, SentenceFeatures]] = {}
        self.memo: dict[tuple[str, Span], frozenset[str]] = {}

    def of(self, doc_id: str, span: Span) -> frozenset[str]:
        found = self.memo.get((doc_id, span))
        if found is None:
            spans = self.spans.get(doc_id)
            if spans is None:
                spans = self.spans[doc_id] = {
                    f.span: f for f in self.features.get(doc_id, ()) if f.voice != "other"
                }
            feat = spans.get(span)
            found = frozenset(w.lemma for w in feat.words) if feat is not None else frozenset()
            self.memo[(doc_id, span)] = found
        return found


def _candidates(
    doc_id: str,
    text: str,
    features: Sequence[SentenceFeatures],
    mentions: Sequence[Span],
) -> list[tuple[WordSlot, str, Span]]:
    """(word slot, marker kind, sentence) of each own-voice word choice of one document."""
    out = []
    for feat in features:
        if feat.voice == "other":
            continue
        kinds = {m.span: m.kind for m in feat.markers if m.kind in WORD_CHOICE}
        if not kinds:
            continue
        for w in feat.words:
            kind = kinds.get(w.span)
            if kind is None or len(w.lemma) < MIN_LENGTH or _in_any(w.span, mentions):
                continue
            if text[w.span[0]].isupper() and w.span[0] != feat.span[0]:
                continue  # a capital inside a sentence: part of a name
            out.append((w, kind, feat.span))
    return out


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
    counts: dict[str, Counter[str]] = {}
    slots: dict[tuple[str, str], list[tuple[str, WordSlot, Span]]] = {}
    lemmas = _SentenceLemmas(features)
    for doc_id in sorted(texts):
        own_voice = [f for f in features.get(doc_id, ()) if f.voice != "other"]
        counts[doc_id] = Counter(w.lemma for feat in own_voice for w in feat.words)
        for feat in own_voice:
            for w in feat.words:
                if w.dep in _SLOT_DEPS and w.head not in _LIGHT_HEADS and w.head != w.lemma:
                    slots.setdefault((w.head, w.dep), []).append((doc_id, w, feat.span))
    total: Counter[str] = Counter()
    holders: dict[str, list[str]] = {}  # lemma -> documents using it, in ``counts`` order
    sizes: dict[str, int] = {}  # document -> its own-voice words
    for d, c in counts.items():
        total.update(c)
        sizes[d] = sum(c.values())
        for lemma in c:
            holders.setdefault(lemma, []).append(d)
    n_total = sum(total.values())
    n_all = n_total or 1
    a0 = PRIOR_SHARE * n_all
    source_of = {d: key for key, docs in sources.items() for d in docs}
    out: dict[str, list[LoadedTerm]] = {}
    for key in sorted(sources):
        family = families[key]
        own: Counter[str] = Counter()
        for d in sources[key]:
            own.update(counts.get(d, Counter()))
        # Everything outside the family is the total less the family's counts; only the
        # candidates' counts are read, so no whole-vocabulary Counter per source (that
        # was quadratic: sources x vocabulary). Counts are ints, so n_r is exact.
        fam: Counter[str] = Counter()
        for d in family:
            fam.update(counts.get(d, ()))
        n_s = sum(sizes.get(d, 0) for d in sources[key])
        n_r = n_total - sum(sizes[d] for d in family if d in sizes)
        cands: dict[str, list[tuple[str, WordSlot, str, Span]]] = {}
        for d in sources[key]:
            for w, kind, sent in _candidates(d, texts[d], features.get(d, ()), mentions.get(d, ())):
                cands.setdefault(w.lemma, []).append((d, w, kind, sent))
        if not n_s or not n_r:
            out[key] = []
            continue
        terms: list[tuple[float, LoadedTerm]] = []
        for lemma, hits in cands.items():
            y_s, y_r = own[lemma], total[lemma] - fam[lemma]
            z = _z(y_s, n_s, y_r, n_r, a0 * total[lemma] / n_all, a0)
            if z < (MIN_Z_SHARED if y_r else MIN_Z):
                continue
            users = {source_of[d] for d in holders.get(lemma, ()) if d not in family}
            forms = Counter(texts[d][w.span[0] : w.span[1]].lower() for d, w, _, _ in hits)
            term = sorted(forms.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            shown, sentences = [], set()
            for h in hits:  # one example per sentence, in the form the term is shown in
                if texts[h[0]][h[1].span[0] : h[1].span[1]].lower() == term and (
                    (h[0], h[3]) not in sentences
                ):
                    shown.append(h)
                    sentences.add((h[0], h[3]))
            evidence = [
                Example(
                    document=d,
                    span=sent,
                    kind="loaded",
                    marks=[MarkedSpan(kind="term", span=w.phrase or w.span)],
                )
                for d, w, _, sent in shown[:EXAMPLES]
            ]
            pairs = Counter(
                texts[d][w.phrase[0] : w.phrase[1]].lower()
                for d, w, _, _ in shown[:EXAMPLES]
                if w.phrase
            )
            phrase = min(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[0] if pairs else None
            rank = z + (LEXICON_BONUS if any(k == "loaded" for _, _, k, _ in hits) else 0.0)
            terms.append(
                (
                    rank,
                    LoadedTerm(
                        term=term,
                        phrase=phrase,
                        count=len(hits),
                        score=round(z, 3),
                        other_sources=len(users),
                        evidence=evidence,
                        alternatives=_alternatives(hits, slots, lemmas, family, source_of, texts),
                    ),
                )
            )
        terms.sort(key=lambda rt: (-rt[0], rt[1].term))
        # "ruthless" and "autocrat" of one "ruthless autocrat" are one framing: shown once.
        kept: list[LoadedTerm] = []
        for _, t in terms:
            if t.phrase is None or all(k.phrase != t.phrase for k in kept):
                kept.append(t)
        out[key] = kept[:LIMIT]
    return out


def _alternatives(
    hits: Sequence[tuple[str, WordSlot, str, Span]],
    slots: Mapping[tuple[str, str], Sequence[tuple[str, WordSlot, Span]]],
    lemmas: _SentenceLemmas,
    family: frozenset[str],
    source_of: Mapping[str, str],
    texts: Mapping[str, str],
) -> list[TermAlternative]:
    """Words other sources put in the same slot (same head, same relation) as the term.

    The other sentence must be about the same thing: it shares ``MIN_SHARED``
    content words besides the head with the term's sentence.
    """
    lemma = hits[0][1].lemma
    found: dict[str, list[tuple[str, WordSlot, Span]]] = {}
    for doc_id, w, _, sentence in hits:
        context = lemmas.of(doc_id, sentence) - {w.head, lemma}
        for d, other, sent in slots.get((w.head, w.dep), ()):
            if d in family or other.lemma == lemma:
                continue
            if len(context & lemmas.of(d, sent)) < MIN_SHARED:
                continue
            found.setdefault(other.lemma, []).append((d, other, sent))
    ranked = sorted(
        found.items(), key=lambda kv: (-len({source_of[d] for d, _, _ in kv[1]}), kv[0])
    )
    out = []
    for _alt, rows in ranked[:ALTERNATIVES]:
        d, w, sent = min(rows, key=lambda r: (r[0], r[1].span))
        out.append(
            TermAlternative(
                term=texts[d][w.span[0] : w.span[1]].lower(),
                sources=len({source_of[x] for x, _, _ in rows}),
                evidence=[
                    Example(
                        document=d,
                        span=sent,
                        kind="alternative",
                        marks=[MarkedSpan(kind="term", span=w.span)],
                    )
                ],
            )
        )
    return out
