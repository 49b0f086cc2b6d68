"""Whose word an event stands on, wishes, unnamed gunmen and earlier incidents
(``extract.event_voice`` and the checks it feeds), on texts written for these tests."""

from __future__ import annotations

from typing import Any

from newsprism.extract.entities import extract_mentions
from newsprism.extract.events import ExtractedEvent, extract_events


def _events(nlp: Any, text: str, published: str | None = "2037-03-16") -> list[ExtractedEvent]:
    sdoc = nlp(text)
    return extract_events("d-v", sdoc, extract_mentions("d-v", sdoc), published)


def _cut(text: str, span: tuple[int, int] | None) -> str | None:
    return None if span is None else text[span[0] : span[1]]


def test_event_voice_a_named_partys_claim_is_not_an_event(nlp: Any) -> None:
    text = (
        "Volkov's envoy, Pavel Orlov, revealed that Chancellor Ilse Brandt had agreed "
        "in principle to reopen the crossing."
    )
    assert [e for e in _events(nlp, text) if e.type == "AGREE"] == []


def test_event_voice_named_speaker_reporting_another_actor_is_dropped(nlp: Any) -> None:
    text = "Pavel Orlov said Norvik had pulled its troops out of the Vesk hills."
    assert [e for e in _events(nlp, text) if e.type == "RETREAT"] == []


def test_event_voice_police_said_keeps_the_event(nlp: Any) -> None:
    text = "A gunman opened fire outside the Blue Kettle Diner in Keston, police said."
    (ev,) = [e for e in _events(nlp, text) if e.type == "ASSAULT"]
    assert ev.actor_role == "gunman"
    assert ev.mode == "happened"


def test_event_voice_speaker_who_is_the_actor_keeps_the_event(nlp: Any) -> None:
    text = "Mayor Rita Cole said she would meet the victims' families on Monday."
    (ev,) = [e for e in _events(nlp, text) if e.type == "CONSULT"]
    assert _cut(text, ev.actor_ref) == "Rita Cole"
    assert ev.mode == "planned"


def test_event_voice_desire_in_relative_clause_is_no_demand(nlp: Any) -> None:
    text = (
        "The victim, Daniel Ruiz, who loved soccer and wanted to become a paramedic, "
        "died at the scene."
    )
    assert [e for e in _events(nlp, text) if e.type == "DEMAND"] == []


def test_event_voice_withdrawn_support_is_no_retreat(nlp: Any) -> None:
    text = "Norvik has withdrawn its financial support for the Dunmark bridge project."
    found = _events(nlp, text)
    assert [e for e in found if e.type == "RETREAT"] == []
    assert [e.type for e in found] == ["SANCTION"]


def test_event_voice_troops_withdrawn_stay_a_retreat(nlp: Any) -> None:
    text = "Norvik withdrew its troops from the Vesk hills on Saturday."
    (ev,) = _events(nlp, text)
    assert ev.type == "RETREAT"
    assert ev.date == "2037-03-14"


def test_event_voice_possessor_of_the_welcomed_is_the_target(nlp: Any) -> None:
    text = "Foreign Minister Lene Sund welcomed Anton Volkov's efforts to settle the dispute."
    (ev,) = [e for e in _events(nlp, text) if e.type == "SUPPORT"]
    assert _cut(text, ev.actor_ref) == "Lene Sund"
    assert _cut(text, ev.target_ref) == "Anton Volkov"


def test_event_voice_what_is_agreed_is_not_a_second_event(nlp: Any) -> None:
    text = "Anton Volkov agreed to withdraw his border guards from the Dunmark valley."
    found = _events(nlp, text)
    assert [e.type for e in found] == ["AGREE"]
    assert found[0].stance is None  # a stance on moving the guards, not on the guards


def test_event_voice_unnamed_gunman_of_a_passive_shooting(nlp: Any) -> None:
    text = "Daniel Ruiz was shot outside the Blue Kettle Diner in Keston early Saturday, March 14."
    (ev,) = [e for e in _events(nlp, text) if e.type == "ASSAULT"]
    assert ev.actor_role == "gunman"
    assert _cut(text, ev.target_ref) == "Daniel Ruiz"
    assert ev.date == "2037-03-14"  # month-day before publication, same year
    assert _cut(text, ev.location_ref) in ("Blue Kettle Diner", "Keston")


def test_event_voice_killed_without_weapon_names_no_attacker(nlp: Any) -> None:
    text = "In the valley, thousands have been killed since the spring."
    assert [e for e in _events(nlp, text) if e.actor_role] == []


def test_event_voice_earlier_incident_of_an_unnamed_actor_is_dropped(nlp: Any) -> None:
    text = "In 2029, a man was shot and wounded in the diner's parking lot."
    assert [e for e in _events(nlp, text) if e.type == "ASSAULT"] == []


def test_event_voice_earlier_time_in_another_clause_keeps_the_event(nlp: Any) -> None:
    text = (
        "A gunman opened fire inside the Harbor Tavern early Saturday, at a bar "
        "that saw a shooting three years ago."
    )
    found = [e for e in _events(nlp, text) if e.type == "ASSAULT"]
    assert [_cut(text, e.evidence)[:17] for e in found] == ["gunman opened fir"]


def test_event_voice_photo_caption_gives_no_date(nlp: Any) -> None:
    text = "Anton Volkov met Ilse Brandt in Tallen on March 2, 2037."
    assert [e.date for e in _events(nlp, text) if e.type == "CONSULT"] == ["2037-03-02"]
    caption = "Pictured: Anton Volkov meets Ilse Brandt in Tallen on March 2, 2037."
    assert all(e.date is None for e in _events(nlp, caption))


def test_event_voice_stated_condition_is_a_position_not_an_event(nlp: Any) -> None:
    text = "Norvik's stance was clear: there could be no settlement without a ceasefire."
    found = _events(nlp, text)
    assert found and all(e.position_only for e in found)
    assert any("ceasefire" in e.topic_keys for e in found)


def test_event_voice_an_explanation_is_not_a_report(nlp: Any) -> None:
    text = "This explains why Norvik has demanded firm security guarantees."
    (ev,) = [e for e in _events(nlp, text) if e.type == "DEMAND"]
    assert ev.mode == "happened"


def test_event_voice_place_of_another_event_is_not_this_ones(nlp: Any) -> None:
    text = "Police on Sunday detained a man in the shooting at the Blue Kettle Diner."
    (ev,) = [e for e in _events(nlp, text) if e.type == "COERCE"]
    assert ev.location_ref is None


def test_event_voice_news_agency_and_own_act_keep_the_event(nlp: Any) -> None:
    text = "Keston police arrested a man outside the diner on Sunday, Reuters reported."
    assert [e.type for e in _events(nlp, text)] == ["COERCE"]
    text = "The Norvik navy said it arrested 23 smugglers in the Vesk strait on Saturday."
    assert [e.type for e in _events(nlp, text)] == ["COERCE"]
