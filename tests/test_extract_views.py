"""Whose view a word is: the per-sentence pass gives the same answer as the per-token rule.

The sample corpus is written for the project; its reports mix quotes, reported
speech, views of officials and the authors' own words.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsprism.extract.views import reported, reported_tokens, viewed


def test_extract_views_reported_tokens_match_the_per_token_rule(nlp: Any, sample_dir: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(sample_dir.glob("*.txt"))]
    checked = theirs = 0
    for doc in nlp.pipe(texts):
        for sent in doc.sents:
            tokens = list(sent)
            fast = reported_tokens(tokens)
            slow = {t.i for t in tokens if reported(t)}
            assert fast == slow, sent.text
            checked += len(tokens)
            theirs += len(slow)
    # The corpus has reported speech and own words alike, so both answers are exercised.
    assert checked > 1000 and 0 < theirs < checked


def test_extract_views_a_feared_outcome_is_the_party_s_view(nlp: Any) -> None:
    doc = nlp("Ministers feared that the reckless deal could collapse within a week.")
    by_word = {t.lower_: t for t in doc}
    assert viewed(by_word["reckless"]) and viewed(by_word["could"])
    assert not viewed(by_word["ministers"])
    assert {by_word["reckless"].i, by_word["could"].i} <= reported_tokens(list(doc))
