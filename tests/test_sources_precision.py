"""Precision of what the Sources section shows: whose words a cue is, and which words judge.

The texts are written for these tests (a fictional river-border story and a
courthouse item): neutral court and attribution words, views held by others,
framing in the outlet's own voice.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import newsprism
from newsprism.extract.sentence_types import SentenceFeatures
from newsprism.extract.sentences import sentence_features

_JUDGING = {"loaded", "evaluative", "intensity", "speculation", "subjective"}


def _sentence(nlp: Any, text: str) -> tuple[SentenceFeatures, str]:
    feats = sentence_features(nlp(text))
    return feats[0], text


def _cue_words(feat: SentenceFeatures, text: str) -> set[str]:
    return {text[m.span[0] : m.span[1]].lower() for m in feat.markers if m.kind in _JUDGING}


def test_sources_court_and_attribution_words_are_never_cues(nlp: Any) -> None:
    for text, word in [
        ("A Brennick man pleaded guilty on Tuesday to a charge of arson.", "guilty"),
        ("The store's manager could not be reached for comment.", "could"),
        ("The alleged getaway driver has not been found.", "alleged"),
        ("The suspect remains in critical condition at Mercy Hospital.", "critical"),
        ("The suspect was charged with assault on Monday.", "suspect"),
        ("A little-known group claimed responsibility for the blast.", "claimed"),
        ("Vask arrived with a plan that would hand the delta to Tessaly.", "would"),
    ]:
        feat, _ = _sentence(nlp, text)
        assert word not in _cue_words(feat, text), (text, feat.markers)
        assert not feat.opinion, text


def test_sources_views_held_by_others_are_theirs_not_the_outlets(nlp: Any) -> None:
    for text, word in [
        ("Regional officials were wary of the proposal.", "wary"),
        ("Ministers feared that the talks could collapse before winter.", "could"),
        ("Aid groups, united in their opposition to any premature withdrawal, met.", "premature"),
        ("The fear in the capital is that the council might fold.", "might"),
        ("Doctors worried the clinic would close.", "would"),
        ("Vask presented himself as the leader who might end the feud.", "might"),
        ("Vask made clear that Tessaly is willing to engage.", "willing"),
        ("But Governor Lida Maro stood firm: Calder would not sign the deal.", "would"),
    ]:
        feat, _ = _sentence(nlp, text)
        assert word not in _cue_words(feat, text), (text, feat.markers)
        assert not feat.opinion, text
        # What the view is about is someone else's stretch, so tone and loaded terms skip it
        # (a state-of-mind word itself describes its holder: never a cue, as above).
        start = text.lower().index(word if word != "wary" else "the proposal")
        assert any(o.span[0] <= start < o.span[1] for o in feat.others), (text, feat.others)
    # The same words in the outlet's own voice, or the author's own fear, are opinion.
    for text in (
        "The withdrawal is premature.",
        "I fear the talks could collapse.",
        "The lesson is clear: voters should punish the council.",
    ):
        feat, _ = _sentence(nlp, text)
        assert feat.opinion and not feat.others, text


_STORY = {
    "harbor-ledger.txt": (
        "Talks on Tessaly border end without deal\n\n"
        "Tessaly's President Oren Vask and Governor Lida Maro met for six hours in Port "
        "Calder on Friday but reached no agreement on the disputed river border, officials "
        "said.\n\nVask arrived with a plan that would hand the river delta to Tessaly. Maro "
        'told reporters the talks had been "frank" and that she would return next month.\n\n'
        "Regional officials were wary of the proposal. Opposition leaders in Calder called "
        "the move premature. Several ministers feared that the talks could collapse before "
        "winter.\n\nA spokesman for Vask could not be reached for comment. The next round "
        "is scheduled for March.\n"
    ),
    "calder-review.txt": (
        "Vask's border gambit is a trap, and Calder is walking into it\n\n"
        "President Oren Vask came to Port Calder on Friday as what he has always been: a "
        "ruthless autocrat who treats every negotiation as a siege. He brought a maximalist "
        "plan for the river delta and presented it as a compromise.\n\n"
        "Vask, an emboldened aggressor, has moved troops to the river twice this year. "
        "Autocrats like Vask thrive when their neighbours mistake talk for progress.\n\n"
        "Governor Lida Maro deserves credit for walking out without signing. But the talks "
        "themselves amount to appeasement. By inviting Maro to his capital, Vask sets a "
        "strategic trap.\n\nCalder should refuse the next round until the troops withdraw.\n"
    ),
    "county-wire.txt": (
        "Border talks in Port Calder end with no agreement\n\n"
        "President Oren Vask of Tessaly and Governor Lida Maro of Calder held talks in Port "
        "Calder on Friday that ended without an agreement on the river border, according to "
        "both delegations.\n\nVask proposed that the river delta be placed under Tessaly's "
        "control. Maro said Calder would study the plan.\n\nThe two sides said they would "
        "meet again in March. A man who threw a bottle at Vask's convoy pleaded guilty on "
        "Saturday to a charge of disorderly conduct, the county court said. Police said the "
        "suspect was charged and released.\n"
    ),
}


def test_sources_own_voice_framing_is_caught_with_its_phrase_and_tone(tmp_path: Path) -> None:
    for name, text in _STORY.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    brief = newsprism.brief([str(tmp_path)])
    profiles = {p.outlet: p for p in brief.sources}
    review = profiles["calder-review.txt"]
    phrases = {t.phrase or t.term for t in review.loaded_detail}
    assert {"strategic trap", "maximalist plan", "emboldened aggressor", "appeasement"} <= phrases
    for term in review.loaded_detail:
        for ex in term.evidence:
            text = brief.document(ex.document).text
            assert term.term in text[slice(*ex.marks[0].span)].lower().split()
        assert term.phrase is None or term.phrase in {
            brief.document(ex.document).text[slice(*ex.marks[0].span)].lower()
            for ex in term.evidence
        }
    # The straight reports show no loaded terms and no opinion: officials' wariness,
    # the opposition's "premature" and court words are not their voice.
    for name in ("harbor-ledger.txt", "county-wire.txt"):
        assert profiles[name].loaded_terms == [] and profiles[name].opinion_share == 0.0
    # Two own-voice sentences label Vask: the tone is shown, negative, with those phrases.
    vask = next(e.id for e in brief.entities if e.name == "Oren Vask")
    tone = next(t for t in review.tone_detail if t.actor == vask)
    assert tone.tone < 0 and all(p.polarity < 0 for p in tone.phrases)
    assert {"emboldened aggressor", "strategic trap"} <= {p.text for p in tone.phrases}
    assert vask in profiles["county-wire.txt"].tone_withheld
