"""Per-document event extraction on short texts written for these tests."""

from __future__ import annotations

from typing import Any

from newsprism.extract.entities import extract_mentions
from newsprism.extract.events import ExtractedEvent, extract_events


def _events(nlp: Any, text: str, published: str | None = "2031-05-06") -> list[ExtractedEvent]:
    sdoc = nlp(text)
    return extract_events("d-t", sdoc, extract_mentions("d-t", sdoc), published)


def _cut(text: str, span: tuple[int, int] | None) -> str | None:
    return None if span is None else text[span[0] : span[1]]


def test_extract_events_meeting_with_place_date_and_exact_evidence(nlp: Any) -> None:
    text = "Chancellor Maria Olsen met President Pedro Alvarez in Lisbon on May 4, 2031."
    (ev,) = [e for e in _events(nlp, text) if e.type == "CONSULT"]
    assert _cut(text, ev.actor_ref) == "Maria Olsen"
    assert _cut(text, ev.target_ref) == "Pedro Alvarez"
    assert _cut(text, ev.location_ref) == "Lisbon"
    assert ev.date == "2031-05-04"
    assert ev.mode == "happened"
    start, end = ev.evidence
    assert text[start:end].startswith("Chancellor Maria Olsen met")
    assert text[start:end].endswith("2031")


def test_extract_events_planned_meeting_resolves_weekday_forward(nlp: Any) -> None:
    text = "Maria Olsen will meet Pedro Alvarez in Lisbon on Monday."
    (ev,) = [e for e in _events(nlp, text) if e.type == "CONSULT"]
    assert ev.mode == "planned"
    assert ev.date == "2031-05-12"  # published Tuesday 6 May → the coming Monday


def test_extract_events_demand_carries_target_and_topic(nlp: Any) -> None:
    text = "Norland demanded that Estmark withdraw its troops from the Vell valley."
    (ev,) = [e for e in _events(nlp, text) if e.type == "DEMAND"]
    assert _cut(text, ev.actor_ref) == "Norland"
    assert _cut(text, ev.target_ref) == "Estmark"
    assert ev.stance == "demand"
    assert ev.topic_keys[0] == "territory"


def test_extract_events_refusal_is_an_opposing_rejection(nlp: Any) -> None:
    text = "Prime Minister Hanna Berg refused to give up the northern islands."
    (ev,) = [e for e in _events(nlp, text) if e.type == "REJECT"]
    assert _cut(text, ev.actor_ref) == "Hanna Berg"
    assert ev.stance == "oppose"
    assert (
        _cut(text, ev.evidence)
        == "Prime Minister Hanna Berg refused to give up the northern islands"
    )


def test_extract_events_pronoun_actor_resolved_through_coref(nlp: Any) -> None:
    text = "Pedro Alvarez spoke to reporters in Lisbon. He accused the Norland government of delay."
    (ev,) = [e for e in _events(nlp, text) if e.type == "ACCUSE"]
    assert _cut(text, ev.actor_ref) == "Pedro Alvarez"


def test_extract_events_condition_from_would_not_without(nlp: Any) -> None:
    text = "Estmark would not sign any treaty without binding security guarantees."
    (ev,) = [e for e in _events(nlp, text) if e.stance == "condition"]
    assert ev.mode == "conditional"
    assert ev.topic_keys[0] == "security guarantee"


def test_extract_events_invitation_is_a_planned_meeting(nlp: Any) -> None:
    text = "Maria Olsen said she had invited Pedro Alvarez to Oslo for further talks."
    (ev,) = [e for e in _events(nlp, text) if e.subtype == "invitation"]
    assert ev.type == "CONSULT"
    assert ev.mode == "planned"
    assert _cut(text, ev.target_ref) == "Pedro Alvarez"


def test_extract_events_unknown_actor_stays_none(nlp: Any) -> None:
    text = "Officials demanded a ceasefire along the river."
    (ev,) = [e for e in _events(nlp, text) if e.type == "DEMAND"]
    assert ev.actor_ref is None


def test_extract_events_spans_exact_and_deterministic(nlp: Any) -> None:
    text = (
        "Norland and Estmark agreed to exchange prisoners. Norland threatened to halt gas "
        "exports if Estmark renewed its sanctions. The two leaders met in Oslo."
    )
    first = _events(nlp, text)
    assert first == _events(nlp, text)
    for ev in first:
        s, e = ev.evidence
        assert 0 <= s < e <= len(text) and text[s:e].strip() == text[s:e]
        assert s <= ev.trigger[0] and ev.trigger[1] <= e
