"""Claims: spans, attribution, hedging, the opinion rule and slots over real parses."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsprism.extract.claims import (
    ExtractedClaim,
    attach_attribution,
    claim_id,
    extract_claims,
    opinion_spans,
)
from newsprism.extract.entities import extract_mentions

TEXT = (
    "Harbour Talks Resume\n"
    "Mayor Elena Vostrikova met union leader Tomas Brandt in Port Ellis for nearly three hours "
    "on Friday. "
    "Brandt said the city had offered a raise of 4 percent. "
    "According to Vostrikova, more than thirty ships were stuck in the harbour. "
    "The strike reportedly cost the port $2 million. "
    "Frankly, the council should have acted months ago. "
    "Is this any way to run a port? "
    "We have covered this dispute for years. "
    "Brandt will meet the dockworkers on Monday."
)


def _claims(
    nlp: Any, text: str = TEXT, published: str | None = "2025-08-16"
) -> list[ExtractedClaim]:
    sdoc = nlp(text)
    return extract_claims("d-test", sdoc, published, extract_mentions("d-test", sdoc))


def _find(claims: list[ExtractedClaim], needle: str) -> ExtractedClaim:
    return next(c for c in claims if needle in c.text)


def test_extract_claims_spans_cut_their_text_exactly(nlp: Any) -> None:
    claims = _claims(nlp)
    assert claims
    for c in claims:
        assert TEXT[c.span[0] : c.span[1]] == c.text
        for slot in c.slots:
            assert TEXT[slot.span[0] : slot.span[1]] == slot.text


def test_extract_claims_skips_headlines_and_opinion(nlp: Any) -> None:
    texts = [c.text for c in _claims(nlp)]
    assert not any(t.startswith("Harbour Talks") for t in texts)
    assert not any("should have acted" in t for t in texts)
    assert not any(t.endswith("?") for t in texts)
    assert not any(t.startswith("We have") for t in texts)


def test_extract_claims_opinion_spans_name_the_author_voice(nlp: Any) -> None:
    spans = opinion_spans(nlp(TEXT))
    shown = [TEXT[s:e] for s, e in spans]
    assert any("should have acted" in t for t in shown)
    assert any(t.startswith("Is this") for t in shown)
    assert not any("said" in t for t in shown)


def test_extract_claims_duration_and_date_slots(nlp: Any) -> None:
    c = _find(_claims(nlp), "nearly three hours")
    slots = {s.kind: s for s in c.slots}
    assert (slots["duration"].value, slots["duration"].unit, slots["duration"].approx) == (
        3, "hour", "about")
    assert slots["date"].value == "2025-08-15"
    assert any(s.kind == "place" and s.text == "Port Ellis" for s in c.slots)


def test_extract_claims_future_weekday_resolves_forwards(nlp: Any) -> None:
    c = _find(_claims(nlp), "on Monday")
    assert [s.value for s in c.slots if s.kind == "date"] == ["2025-08-18"]
    assert c.future


def test_extract_claims_relative_date_is_null_without_anchor(nlp: Any) -> None:
    c = _find(_claims(nlp, published=None), "on Monday")
    assert [s.value for s in c.slots if s.kind == "date"] == [None]


def test_extract_claims_attribution_refs_point_at_the_speaker(nlp: Any) -> None:
    claims = _claims(nlp)
    said = _find(claims, "Brandt said")
    assert said.speaker_ref is not None
    assert TEXT[said.speaker_ref[0] : said.speaker_ref[1]] == "Brandt"
    according = _find(claims, "According to")
    assert according.speaker_ref is not None
    assert TEXT[according.speaker_ref[0] : according.speaker_ref[1]] == "Vostrikova"


def test_extract_claims_hedges(nlp: Any) -> None:
    claims = _claims(nlp)
    assert _find(claims, "reportedly").hedged
    assert not _find(claims, "Brandt said").hedged
    money = next(s for s in _find(claims, "reportedly").slots if s.kind == "money")
    assert (money.value, money.unit) == (2_000_000, "USD")


def test_extract_claims_ids_are_stable_and_prefixed(nlp: Any) -> None:
    first = _claims(nlp)
    again = _claims(nlp)
    assert [c.id for c in first] == [c.id for c in again]
    assert all(c.id.startswith("c-") and len(c.id) == 14 for c in first)
    assert first[0].id == claim_id("d-test", first[0].span, first[0].text)


def test_extract_claims_attach_attribution_maps_speakers_and_places(nlp: Any) -> None:
    claims = _claims(nlp)
    said = _find(claims, "Brandt said")
    met = _find(claims, "nearly three hours")
    place = next(s for s in met.slots if s.kind == "place")
    assert said.speaker_ref is not None
    index = {("d-test", *said.speaker_ref): "e-brandt", ("d-test", *place.span): "e-port"}
    out = {c.id: c for c in attach_attribution(claims, index)}
    assert out[said.id].attributed_to == "e-brandt"
    assert out[met.id].attributed_to is None
    assert [s.value for s in out[met.id].slots if s.kind == "place"] == ["e-port"]
    spans = [c.span for c in attach_attribution(claims, index)]
    assert spans == sorted(spans)


def test_extract_claims_empty_document(nlp: Any) -> None:
    assert _claims(nlp, text="") == []


@pytest.mark.shared
def test_extract_claims_alaska_spans_and_dates(alaska_dir: Path, nlp: Any) -> None:
    dates: set[object] = set()
    for path in sorted(alaska_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        claims = _claims(nlp, text=text, published=None)
        assert claims, path.name
        for c in claims:
            assert text[c.span[0] : c.span[1]] == c.text
            for slot in c.slots:
                assert text[slot.span[0] : slot.span[1]] == slot.text
                if slot.kind == "date":
                    dates.add(slot.value)
    assert "2025-08-15" in dates


def test_extract_claims_label_words_of_only_determiners_is_empty(nlp: Any) -> None:
    # A slot whose described words are all determiners/punctuation names nothing;
    # this once raised inside the per-document stage and sank a whole brief.
    from newsprism.extract.slot_context import _words

    sdoc = nlp("The, the.")
    assert _words([t for t in sdoc if t.dep_ in ("det", "punct")]) == ""
    assert _words([]) == ""
