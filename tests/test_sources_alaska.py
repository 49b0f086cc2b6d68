"""Source profiles on the alaska-summit corpus: what a careful reader sees.

The five articles (read in full while writing this test): three analysis and
advocacy pieces (000 and 001 by one columnist, 001 closing with what leaders
"must" do; 002 an analysis with its own judgements), one interpretive report
(003) and one straight news report (004) that attributes nearly everything.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.models import Brief, SourceProfile

STRAIGHT = "004_"
ANALYSIS = ("000_", "001_", "002_")
ADVOCACY = "001_"


@pytest.fixture(scope="module")
def alaska_brief(alaska_dir: Path) -> Brief:
    from newsprism.pipeline import run

    return run([str(alaska_dir)])


def _profile(brief: Brief, prefix: str) -> SourceProfile:
    doc = next(d for d in brief.documents if Path(d.input).name.startswith(prefix))
    return next(p for p in brief.sources if doc.id in p.documents)


def test_sources_alaska_straight_report_has_least_opinion(alaska_brief: Brief) -> None:
    straight = _profile(alaska_brief, STRAIGHT)
    assert straight.opinion_share == 0.0
    for prefix in ANALYSIS:
        assert _profile(alaska_brief, prefix).opinion_share > straight.opinion_share, prefix
    top = max(alaska_brief.sources, key=lambda p: p.opinion_share)
    assert top is _profile(alaska_brief, ADVOCACY)
    kinds = {m.kind for e in top.opinion_examples for m in e.marks}
    assert "modal" in kinds


def test_sources_alaska_straight_report_attributes_most(alaska_brief: Brief) -> None:
    straight = _profile(alaska_brief, STRAIGHT)
    assert straight.attribution_share is not None
    for prefix in ANALYSIS:
        share = _profile(alaska_brief, prefix).attribution_share or 0.0
        assert share < straight.attribution_share, prefix
    assert straight.loaded_terms == []


def test_sources_alaska_examples_cite_exact_spans(alaska_brief: Brief) -> None:
    for p in alaska_brief.sources:
        for ex in p.opinion_examples + [e for t in p.loaded_detail for e in t.evidence]:
            text = alaska_brief.document(ex.document).text
            assert text[ex.span[0] : ex.span[1]].strip()
            for mark in ex.marks:
                assert ex.span[0] <= mark.span[0] < mark.span[1] <= ex.span[1]


def test_sources_alaska_analysis_pieces_read_as_opinion(alaska_brief: Brief) -> None:
    # An analyst reads 50-75 % opinion in the four analysis pieces; before issue 15
    # the tool said 0-11 %. Word cues cannot see all of it, but most of the way.
    # 0.2, was 0.3: cues that were someone else's view ("presenting himself as the
    # peacemaker who might …", "made clear that Moscow is willing", "Putin stood
    # firm: Russia would not …") or descriptions ("intense negotiations", "deeply
    # held positions") no longer count; piece 002 went 0.36 -> 0.22 with every
    # removed cue a wrong one (docs/evaluation.md). Its other opinion is framing by
    # interpretation that no word cue sees ("his typical transactional eyes").
    for prefix in ANALYSIS:
        assert _profile(alaska_brief, prefix).opinion_share >= 0.2, prefix
    others = [p for p in alaska_brief.sources if not Path(p.outlet).name.startswith("0")]
    assert others and all(p.opinion_share >= 0.2 for p in others)


def test_sources_alaska_no_tone_without_consistent_own_voice_evidence(alaska_brief: Brief) -> None:
    # These pieces judge the leaders through framing, not through words tied to their
    # names: a sign would be a guess, so none is shown (it used to point the wrong way).
    for p in alaska_brief.sources:
        for t in p.tone_detail:
            assert len(t.phrases) >= 2
            net = sum(ph.polarity for ph in t.phrases)
            assert (net < 0) == (t.tone < 0)
            assert abs(net) >= 0.4 * sum(abs(ph.polarity) for ph in t.phrases)
        assert not set(p.tone_withheld) & set(p.tone)
    assert _profile(alaska_brief, STRAIGHT).tone == {}


def test_sources_alaska_loaded_terms_are_own_voice_judging_words(alaska_brief: Brief) -> None:
    names = {w.lower() for e in alaska_brief.entities for w in e.name.split()}
    for p in alaska_brief.sources:
        for term in p.loaded_detail:
            assert term.term not in names, term.term
            for ex in term.evidence:
                text = alaska_brief.document(ex.document).text
                word = text[slice(*ex.marks[0].span)]
                # Each use is marked with the word it pairs with there ("fragile doorway").
                assert word.lower() == term.term or term.term in word.lower().split()
                assert word[:1].islower() or ex.marks[0].span[0] == ex.span[0]
