"""The sentence voice pass's shortcuts give exactly the answers of the rules they stand for.

``voice_doc`` builds spaCy tokens only where a word list says a rule can fire,
``Parsed.columns`` reads columns instead of tokens, and ``lexicon.compound`` skips
parts of VADER: each is checked here against the slow path on the sample corpus.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsprism.extract.views import reported, reports_edge
from newsprism.extract.voice_doc import DocVoice
from newsprism.nlp.columns import TokenColumns
from newsprism.nlp.parsed import Parsed
from newsprism.sources import lexicon
from newsprism.sources.subjectivity import may_cue, word_cue


@pytest.fixture(scope="module")
def docs(nlp: Any, sample_dir: Path) -> list[Any]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(sample_dir.glob("*.txt"))]
    return list(nlp.pipe(texts))


def test_token_columns_spans_and_roots_match_spacy(docs: list[Any]) -> None:
    checked = 0
    for doc in docs:
        t = Parsed(doc).columns
        assert t.limit == TokenColumns(doc).limit == len(doc.text)
        for tok in doc:
            i = tok.i
            assert (t.start[i], t.end[i], t.head[i]) == (tok.idx, tok.idx + len(tok), tok.head.i)
            assert (t.lemma[i], t.pos[i], t.dep[i]) == (tok.lemma_.lower(), tok.pos_, tok.dep_)
            assert (t.text[i], t.lower[i], t.length[i]) == (tok.text, tok.lower_, len(tok))
            assert (t.ent[i], t.alpha[i]) == (bool(tok.ent_type_), tok.is_alpha)
        for ent in [*doc.ents, *doc.noun_chunks, *doc.sents]:
            for lo, hi in ((ent.start_char, ent.end_char), (ent.start_char + 1, ent.end_char + 1)):
                span = doc.char_span(lo, hi, alignment_mode="expand")
                bounds = t.span(lo, hi)
                assert (span.start, span.end) == bounds if span is not None else bounds is None
                if span is not None and len(span):
                    assert span.root.i == t.root(*bounds)
                    checked += 1
    assert checked > 500


def test_voice_doc_edges_and_reported_words_match_the_rules(docs: list[Any]) -> None:
    theirs = 0
    for doc in docs:
        ctx = DocVoice(Parsed(doc), bytearray(len(doc.text) + 1))
        candidates = set(ctx.edges)
        for tok in doc:
            if tok.head.i != tok.i and reports_edge(tok.head, tok):
                assert tok.i in candidates, tok.text
            assert ctx.theirs(tok.i) == reported(tok), tok.text
            theirs += ctx.theirs(tok.i)
    assert theirs > 50


def test_may_cue_holds_for_every_word_that_carries_a_cue(docs: list[Any]) -> None:
    cues = 0
    for doc in docs:
        for tok in doc:
            if word_cue(tok) is not None:
                assert may_cue(tok.lower_), tok.text
                cues += 1
    assert cues > 20


def test_compound_is_vader_s_own_score(docs: list[Any]) -> None:
    texts = [s.text for doc in docs for s in doc.sents]
    texts += [
        "I do NOT like this at all!!! But it is kind of good.",
        "No good, not bad :) \U0001f600 great",
        "He is so very happy but sad??",
        "Without doubt a good deal, never so good, at least good.",
        "the best!",
        "   ",
        "",
    ]
    sia = lexicon.analyzer()
    for text in texts:
        lexicon._compound.cache_clear()
        expected = float(sia.polarity_scores(text)["compound"]) if text.strip() else 0.0
        assert lexicon.compound(text) == expected, text
