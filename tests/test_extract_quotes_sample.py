"""Quotes and quote groups of a demo run, checked against the sample corpus gold.

The gold lists every quote a careful reader finds, with its kind and speaker
(null for scare quotes, slogans, titles and anonymous sources), and the groups
of one utterance carried by several outlets.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsprism.models import Brief, Document, Quote

# A gold quote is found when a brief quote of its document covers at least this
# share of its characters (the evaluation's rule for PolNeAR, docs/evaluation.md).
MIN_COVER = 0.5


def _docs(brief: Brief) -> dict[str, Document]:
    return {Path(d.input).name: d for d in brief.documents}


def _found(brief: Brief, doc: Document, text: str) -> list[Quote]:
    start = doc.text.index(text)
    end = start + len(text)
    return [
        q
        for q in brief.quotes
        if q.document == doc.id
        and min(end, q.span[1]) - max(start, q.span[0]) >= MIN_COVER * len(text)
    ]


def _name(brief: Brief, entity_id: str | None) -> str | None:
    return next((e.name for e in brief.entities if e.id == entity_id), None)


def _gold_quotes(gold: dict[str, Any], with_speaker: bool) -> list[dict[str, Any]]:
    return [q for q in gold["quotes"] if (q["speaker"] is not None) == with_speaker]


def test_extract_quotes_sample_every_spoken_quote_has_its_speaker(
    sample_brief: Brief, sample_gold: dict[str, Any]
) -> None:
    docs = _docs(sample_brief)
    wrong = []
    for gq in _gold_quotes(sample_gold, with_speaker=True):
        found = _found(sample_brief, docs[gq["document"]], gq["text"])
        names = [_name(sample_brief, q.speaker) for q in found]
        if gq["speaker"] not in names:
            wrong.append(f"{gq['document']}: {gq['text'][:40]!r} → {names or 'not found'}")
    assert wrong == []


def test_extract_quotes_sample_unspoken_quotes_have_no_speaker(
    sample_brief: Brief, sample_gold: dict[str, Any]
) -> None:
    # Scare quotes, a backdrop's slogan, a book title, an anonymous official:
    # either no quote at all or a quote with speaker null. Unknown beats wrong.
    docs = _docs(sample_brief)
    unspoken = _gold_quotes(sample_gold, with_speaker=False)
    assert len(unspoken) >= 4
    for gq in unspoken:
        if gq["text"] not in docs[gq["document"]].text:
            continue  # it stood in boilerplate that cleaning removed
        found = _found(sample_brief, docs[gq["document"]], gq["text"])
        assert [q.speaker for q in found if q.speaker] == [], gq["text"]


def test_extract_quotes_sample_pronoun_speaker_points_at_the_pronoun(
    sample_brief: Brief, sample_gold: dict[str, Any]
) -> None:
    docs = _docs(sample_brief)
    pronouns = [
        q for q in sample_gold["quotes"] if (q["speaker_text"] or "").lower() in {"he", "she"}
    ]
    assert pronouns, "the gold must hold a quote attributed through a pronoun"
    for gq in pronouns:
        doc = docs[gq["document"]]
        seen = {
            (
                doc.text[q.speaker_span[0] : q.speaker_span[1]].lower(),
                _name(sample_brief, q.speaker),
            )
            for q in _found(sample_brief, doc, gq["text"])
            if q.speaker_span is not None
        }
        assert (gq["speaker_text"].lower(), gq["speaker"]) in seen, gq["text"]


def _group_of(brief: Brief, members: list[dict[str, Any]]) -> list[set[str]]:
    docs = _docs(brief)
    out = []
    for m in members:
        ids = {q.id for q in _found(brief, docs[m["document"]], m["text"])}
        out.append({g.id for g in brief.quote_groups if ids & set(g.quotes)})
    return out


def _one_family(brief: Brief, members: list[dict[str, Any]]) -> bool:
    docs = _docs(brief)
    roots = {docs[m["document"]].duplicate_of or docs[m["document"]].id for m in members}
    return len(roots) == 1


@pytest.mark.parametrize("index", range(4))
def test_extract_quotes_sample_groups_match_gold(
    sample_brief: Brief, sample_gold: dict[str, Any], index: int
) -> None:
    gold_group = sample_gold["quote_groups"][index]
    members = gold_group["members"]
    found = _group_of(sample_brief, members)
    if _one_family(sample_brief, members):
        # A copy and its original are one report: the quote is not a
        # cross-outlet finding, so it forms no group (crossdoc/quotes.py).
        assert all(not ids for ids in found)
        return
    (group_id,) = set.union(*found)
    assert all(ids == {group_id} for ids in found), gold_group["about"]
    group = next(g for g in sample_brief.quote_groups if g.id == group_id)
    assert group.variants == gold_group["variants"]
    assert group.speaker_conflict == gold_group["speaker_conflict"]


def test_extract_quotes_sample_unresolved_and_role_speakers_keep_their_words(
    sample_brief: Brief, sample_gold: dict[str, Any]
) -> None:
    # A speaker the text names only by a role, or by a surname two people share,
    # gets no entity: the brief shows the text's words and, for a shared
    # surname, the people it could be.
    docs = _docs(sample_brief)
    labelled = [q for q in sample_gold["quotes"] if "speaker_label" in q]
    assert labelled, "the gold must hold a role speaker and an unresolved surname"
    for gq in labelled:
        found = _found(sample_brief, docs[gq["document"]], gq["text"])
        assert found, gq["text"]
        q = found[0]
        assert q.speaker is None, (gq["text"], _name(sample_brief, q.speaker))
        assert q.speaker_label == gq["speaker_label"]
        names = sorted(_name(sample_brief, c) or "" for c in q.speaker_candidates)
        assert names == sorted(gq.get("speaker_candidates", []))


def test_extract_quotes_sample_unresolved_speaker_shown_honestly(sample_brief: Brief) -> None:
    from newsprism.render import render

    shown = "Reyes (unresolved: Lucia Reyes or Tomas Reyes)"
    assert shown in render(sample_brief, "md")
    assert shown in render(sample_brief, "html")
    assert "the spokeswoman (not named)" in render(sample_brief, "md")
