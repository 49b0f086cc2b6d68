"""Event types checked against their arguments, modality, unnamed actors and stance
polarity, on short texts written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from newsprism.extract.entities import extract_mentions
from newsprism.extract.events import ExtractedEvent, extract_events


def _events(nlp: Any, text: str, published: str | None = "2031-05-06") -> list[ExtractedEvent]:
    sdoc = nlp(text)
    return extract_events("d-t", sdoc, extract_mentions("d-t", sdoc), published)


def _cut(text: str, span: tuple[int, int] | None) -> str | None:
    return None if span is None else text[span[0] : span[1]]


def test_extract_events_checks_verbal_attack_is_an_accusation(nlp: Any) -> None:
    text = "Senator Ada Lund attacked her opponent, Mayor Rui Sousa, in a radio interview."
    kinds = {e.type for e in _events(nlp, text)}
    assert "ASSAULT" not in kinds
    assert "ACCUSE" in kinds


def test_extract_events_checks_armed_attack_stays_an_assault(nlp: Any) -> None:
    text = "Kestovian forces attacked Valdoria with rockets on Monday, killing four civilians."
    assert any(e.type == "ASSAULT" for e in _events(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Ida Berg offered her condolences to the families of the victims.",
        "Governor Piet Roos sent his thoughts and prayers to the town.",
        "Norland offered symbolic recognition of the council but no money.",
    ],
)
def test_extract_events_checks_sympathy_and_recognition_are_not_aid(nlp: Any, text: str) -> None:
    assert not [e for e in _events(nlp, text) if e.type == "AID"]


def test_extract_events_checks_goods_sent_are_aid(nlp: Any) -> None:
    text = "The Lindqvist Foundation sent 20 tonnes of food and medicine to Sorvik."
    (aid,) = [e for e in _events(nlp, text) if e.type == "AID"]
    assert aid.mode == "happened"
    assert _cut(text, aid.actor_ref) == "The Lindqvist Foundation" or "Lindqvist" in str(
        _cut(text, aid.actor_ref)
    )


def test_extract_events_checks_offer_of_aid_is_not_yet_aid(nlp: Any) -> None:
    text = "Norland offered to send 40 firefighters to Estmark."
    assert all(e.mode != "happened" for e in _events(nlp, text) if e.type == "AID")


def test_extract_events_checks_red_carpet_welcome_is_not_support(nlp: Any) -> None:
    text = "President Ana Ruiz welcomed Chancellor Tom Weiss with a red carpet ceremony."
    assert not [e for e in _events(nlp, text) if e.type == "SUPPORT"]
    text = "President Ana Ruiz welcomed the decision of the court."
    assert [e for e in _events(nlp, text) if e.type == "SUPPORT"]


@pytest.mark.parametrize(
    "text",
    [
        "Estmark still had to approve the draft agreement.",
        "Diplomats feared that a meeting between Ana Ruiz and Tom Weiss could collapse.",
        "Ana Ruiz should meet Tom Weiss before the vote.",
    ],
)
def test_extract_events_checks_unrealised_events_are_not_emitted(nlp: Any, text: str) -> None:
    assert not [e for e in _events(nlp, text) if e.type in ("AGREE", "CONSULT")]


def test_extract_events_checks_failed_agreement_did_not_happen(nlp: Any) -> None:
    text = "Norland and Estmark met in Oslo on Friday but failed to agree on a ceasefire."
    (agree,) = [e for e in _events(nlp, text) if e.type == "AGREE"]
    assert agree.mode == "refused"


def test_extract_events_checks_announced_meeting_is_planned(nlp: Any) -> None:
    text = "Pedro Alvarez announced he would meet Maria Olsen in Lisbon on Monday."
    (meet,) = [e for e in _events(nlp, text) if e.type == "CONSULT"]
    assert meet.mode == "planned"


def test_extract_events_checks_unnamed_gunman_is_the_actor(nlp: Any) -> None:
    text = "A gunman opened fire at a market in Oslo on Friday, killing three people."
    (attack,) = [e for e in _events(nlp, text, "2031-05-06") if e.type == "ASSAULT"]
    assert attack.actor_ref is None and attack.actor_role == "gunman"
    assert _cut(text, attack.location_ref) == "Oslo"
    assert attack.date == "2031-05-02"


def test_extract_events_checks_police_arrest_and_earthquake(nlp: Any) -> None:
    text = "Police arrested two men. An earthquake struck the town on Sunday."
    found = _events(nlp, text)
    assert [e.actor_role for e in found if e.type == "COERCE"] == ["police"]
    (quake,) = [e for e in found if e.type == "DISASTER"]
    assert quake.actor_role == "earthquake" and quake.date == "2031-05-04"


def test_extract_events_checks_labour_strike_is_no_assault(nlp: Any) -> None:
    text = "The Metalworkers Guild called for a general strike."
    assert not [e for e in _events(nlp, text) if e.type == "ASSAULT"]


def test_extract_events_checks_renouncing_a_membership_opposes_it(nlp: Any) -> None:
    text = "Norland demanded that Estmark renounce its membership of the Delta Pact."
    (demand,) = [e for e in _events(nlp, text) if e.type == "DEMAND"]
    assert demand.stance == "oppose" and demand.topic_keys[0] == "membership"
    assert not [e for e in _events(nlp, text) if e.position_only]  # not Estmark's stance


def test_extract_events_checks_never_renounce_supports(nlp: Any) -> None:
    text = "Pedro Alvarez said Estmark would never renounce its membership of the Delta Pact."
    (stance,) = [e for e in _events(nlp, text) if e.position_only]
    assert stance.stance == "support" and stance.topic_keys[0] == "membership"


def test_extract_events_checks_negated_demand_is_no_stance(nlp: Any) -> None:
    text = "Opposition leader Tomas Grell did not call for a referendum."
    assert all(e.stance is None for e in _events(nlp, text))


def test_extract_events_checks_voting_to_pass_a_bill_supports_it(nlp: Any) -> None:
    text = "The Velm Assembly voted on Wednesday to pass the water rights bill."
    (passed,) = [e for e in _events(nlp, text) if e.stance is not None]
    assert passed.stance == "support" and passed.topic_keys[0] == "water rights bill"
    assert passed.date == "2031-04-30"


def test_extract_events_checks_stated_stance_is_position_only(nlp: Any) -> None:
    text = "Senator Maya Torres opposes the new casino project."
    (stance,) = [e for e in _events(nlp, text) if e.stance is not None]
    assert stance.position_only and stance.stance == "oppose"


def test_extract_events_checks_refusing_to_lift_sanctions_supports_them(nlp: Any) -> None:
    text = "Chancellor Maria Olsen refused to lift the sanctions on Estmark."
    (refusal,) = [e for e in _events(nlp, text) if e.type == "REJECT"]
    assert refusal.stance == "support" and refusal.topic_keys[0] == "sanction"


def test_extract_events_checks_a_man_with_a_knife_and_a_walkout(nlp: Any) -> None:
    text = "A man stabbed two people in Oslo on Monday. Nurses in Oslo walked out on Friday."
    found = _events(nlp, text)
    (stab,) = [e for e in found if e.type == "ASSAULT"]
    assert stab.actor_role == "man" and _cut(text, stab.location_ref) == "Oslo"
    (walkout,) = [e for e in found if e.type == "PROTEST"]
    assert walkout.actor_role == "nurses" and walkout.date == "2031-05-02"
    assert _cut(text, walkout.location_ref) == "Oslo"


def test_extract_events_checks_a_man_is_no_actor_of_a_meeting(nlp: Any) -> None:
    assert all(e.actor_role is None for e in _events(nlp, "A man met the mayor on Monday."))


def test_extract_events_checks_pronoun_inside_a_quote_names_no_actor(nlp: Any) -> None:
    text = 'Pedro Alvarez visited the camp. "He smiled and threatened us," a farmer said.'
    assert all(e.actor_ref is None for e in _events(nlp, text) if e.type == "THREATEN")


def test_extract_events_checks_wanting_a_belief_is_no_demand(nlp: Any) -> None:
    text = "Pedro Alvarez wants the world to believe he is a peacemaker."
    assert not [e for e in _events(nlp, text) if e.type == "DEMAND"]


def test_extract_events_checks_the_two_leaders_are_the_last_pair(nlp: Any) -> None:
    text = "Pedro Alvarez met Maria Olsen in Lisbon. The two leaders signed a fisheries agreement."
    (signed,) = [e for e in _events(nlp, text) if e.type == "AGREE"]
    assert {_cut(text, signed.actor_ref), _cut(text, signed.target_ref)} == {
        "Pedro Alvarez",
        "Maria Olsen",
    }
    assert _cut(text, signed.evidence) == "The two leaders signed a fisheries agreement"


def test_extract_events_checks_a_border_crossing_is_no_territory(nlp: Any) -> None:
    text = "Norland and Estmark agreed to open a joint border crossing."
    keys = [e.topic_keys for e in _events(nlp, text) if e.stance]
    assert keys and all("territory" not in k for k in keys)


def test_extract_events_checks_an_end_to_violence_opposes_it(nlp: Any) -> None:
    text = "Pedro Alvarez called for an end to gun violence."
    (call,) = [e for e in _events(nlp, text) if e.stance]
    assert call.stance == "oppose" and call.topic_keys[0] == "gun violence"


@pytest.mark.parametrize(
    "text",
    [
        "An Intel spokesman, Pedro Alvarez, declined to comment on the acquisition.",
        "Pedro Alvarez denied that the prosecution was political.",
        "The Norland Saints signed cornerback Pedro Alvarez to fill the roster spot.",
        "Maria Olsen insisted that her only interest was the dairy business.",
        "Pedro Alvarez wants me to go out to some air base.",
    ],
)
def test_extract_events_checks_no_stance_in_these(nlp: Any, text: str) -> None:
    assert all(e.stance is None for e in _events(nlp, text))


def test_extract_events_checks_a_demand_set_as_a_condition(nlp: Any) -> None:
    text = "Norland insisted that any truce must ensure that Estmark cannot rearm."
    (demand,) = [e for e in _events(nlp, text) if e.stance]
    assert demand.stance == "condition" and demand.topic_keys[0] == "truce"


def test_extract_events_checks_troops_sent_to_a_border_are_no_aid(nlp: Any) -> None:
    text = "Norland sent 2,000 troops to the border with Estmark on Monday."
    kinds = {e.type for e in _events(nlp, text)}
    assert "AID" not in kinds and "MOBILIZE" in kinds


@pytest.mark.parametrize(
    "text",
    [
        "Ana Ruiz said she was ready to meet Tom Weiss.",
        "Tom Weiss threatened to impose tariffs on Norland if talks failed.",
        "Norland accused Estmark of shelling the town.",
    ],
)
def test_extract_events_checks_ready_supposed_or_alleged_did_not_happen(
    nlp: Any, text: str
) -> None:
    assert not [e for e in _events(nlp, text) if e.type in ("CONSULT", "ASSAULT")]
