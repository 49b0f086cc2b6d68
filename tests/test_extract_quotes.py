"""Quote extraction on invented sentences: each pattern, exact spans, scare quotes unattributed."""

from __future__ import annotations

from typing import Any

import pytest

from newsprism.extract.entities import extract_mentions
from newsprism.extract.quote_marks import find_quoted
from newsprism.extract.quotes import ExtractedQuote, extract_quotes


def _quotes(nlp: Any, text: str) -> list[ExtractedQuote]:
    sdoc = nlp(text)
    return extract_quotes("d-test", sdoc, extract_mentions("d-test", sdoc))


def _one(quotes: list[ExtractedQuote], words: str) -> ExtractedQuote:
    hits = [q for q in quotes if words in q.text]
    assert len(hits) == 1, f"expected one quote with {words!r}, got {[q.text for q in quotes]}"
    return hits[0]


def _say(text: str, span: tuple[int, int] | None) -> str | None:
    return text[span[0] : span[1]] if span else None


def test_extract_quotes_marks_in_every_style() -> None:
    text = (
        'He said "straight one" and \u201ccurly one\u201d and \u00abguillemet one\u00bb '
        "and \u2018single one\u2019 but not the leaders' plan or Russia's '90s."
    )
    found = [text[q.start : q.end] for q in find_quoted(text)]
    assert found == ["straight one", "curly one", "guillemet one", "single one"]


def test_extract_quotes_multi_paragraph_quote_is_one() -> None:
    text = "\u201cFirst part of it.\n\u201cSecond part of it,\u201d she said."
    found = [text[q.start : q.end] for q in find_quoted(text)]
    assert found == ["First part of it.\n\u201cSecond part of it"]


def test_extract_quotes_unclosed_mark_is_dropped() -> None:
    assert find_quoted("He said \u201cthis never closes.\nNext paragraph here.") == []


def test_extract_quotes_direct_after_and_before_cue(nlp: Any) -> None:
    text = (
        "Governor Maria Lopez toured the dam on Monday. "
        "\u201cWe have reached an understanding on water,\u201d Lopez said. "
        "Senator Tom Briggs said: \u201cThe canal will open in spring.\u201d "
        '"Nothing is settled yet," said Briggs.'
    )
    quotes = _quotes(nlp, text)
    a = _one(quotes, "understanding on water")
    assert a.kind == "direct" and a.cue == "said"
    assert _say(text, a.speaker_span) == "Lopez"
    assert _say(text, a.speaker_ref) in ("Maria Lopez", "Lopez")
    assert a.text == "We have reached an understanding on water"
    b = _one(quotes, "canal will open")
    assert b.kind == "direct" and _say(text, b.speaker_span) == "Tom Briggs"
    c = _one(quotes, "Nothing is settled")
    assert _say(text, c.speaker_span) == "Briggs"


def test_extract_quotes_pronoun_speaker_resolves_to_earlier_person(nlp: Any) -> None:
    text = (
        "Chancellor Peter Vogel met Premier Anna Kovac in Graz. "
        "He said, \u201cThe border stays open for trade.\u201d "
        "Later she warned that prices would rise."
    )
    quotes = _quotes(nlp, text)
    he = _one(quotes, "border stays open")
    assert _say(text, he.speaker_span) == "He"
    assert _say(text, he.speaker_ref) == "Peter Vogel"
    she = _one(quotes, "prices would rise")
    assert she.kind == "indirect" and she.cue == "warned"
    assert _say(text, she.speaker_ref) == "Anna Kovac"


def test_extract_quotes_role_noun_and_apposition(nlp: Any) -> None:
    text = (
        "Belarusian President Ivan Petrov met the envoy. "
        "The Belarusian president called the meeting a \u201cuseful start\u201d for the region. "
        "Tom Briggs, a retired navy admiral, declared that the bridge would never be built."
    )
    quotes = _quotes(nlp, text)
    partial = _one(quotes, "useful start")
    assert partial.kind == "partial" and partial.cue == "called"
    assert _say(text, partial.speaker_span) == "The Belarusian president"
    assert _say(text, partial.speaker_ref) == "Ivan Petrov"
    indirect = _one(quotes, "the bridge would never be built")
    assert indirect.kind == "indirect" and indirect.text == "the bridge would never be built"
    assert _say(text, indirect.speaker_ref) == "Tom Briggs"


def test_extract_quotes_according_to(nlp: Any) -> None:
    text = "According to Maria Lopez, the budget will double next year."
    q = _one(_quotes(nlp, text), "budget")
    assert q.text == "the budget will double next year"
    assert q.cue == "according to" and _say(text, q.speaker_ref) == "Maria Lopez"


def test_extract_quotes_scare_quotes_and_titles_have_no_speaker(nlp: Any) -> None:
    text = (
        "Critics fear the city might seek a \u201cquick fix\u201d that hurts farmers. "
        "A banner reading \u201cBuild Together\u201d hung over the stage. "
        "The council approved a plan called the \u201cGreen Mile\u201d on Friday. "
        "The district is what many describe as a \u201cdead zone\u201d at night."
    )
    for q in _quotes(nlp, text):
        for words in ("quick fix", "Build Together", "Green Mile", "dead zone"):
            if words in q.text:
                assert q.speaker_ref is None, f"{words!r} got a speaker"


def test_extract_quotes_single_quotes_keep_apostrophes(nlp: Any) -> None:
    text = (
        "Ms. Jane Roe spoke first. "
        "\u2018I won't resign over the mayor's plan,\u2019 she told reporters."
    )
    q = _one(_quotes(nlp, text), "resign")
    assert q.text == "I won't resign over the mayor's plan"
    assert _say(text, q.speaker_ref) == "Jane Roe"


def test_extract_quotes_continuation_quote_keeps_speaker(nlp: Any) -> None:
    text = (
        "\u201cThe harbour is too small,\u201d Mayor Olga Marsh said. "
        "\u201cWe will widen it before the winter storms arrive.\u201d"
    )
    q = _one(_quotes(nlp, text), "widen it")
    assert _say(text, q.speaker_ref) == "Olga Marsh"


@pytest.mark.parametrize(
    "text",
    [
        "\u201cWe will win,\u201d he said. "
        "She said that the vote was \u2018rigged\u2019 and \u00abunfair\u00bb.",
        "According to the mayor, \u201cthe plan\u201d is dead. "
        "\u201cSure,\u201d said Ann Lee, adding that it was.",
    ],
)
def test_extract_quotes_spans_cut_text_exactly(nlp: Any, text: str) -> None:
    for q in _quotes(nlp, text):
        assert text[q.span[0] : q.span[1]] == q.text
        assert q.span[0] < q.span[1]
        if q.speaker_span:
            assert q.speaker_span[0] < q.speaker_span[1] <= len(text)
        assert q.id.startswith("q-") and len(q.id) == 14


def test_extract_quotes_deterministic(nlp: Any) -> None:
    text = (
        "\u201cIt is done,\u201d said Ann Lee. "
        "She added that the fund \u201cwill grow\u201d next year."
    )
    first = _quotes(nlp, text)
    assert first and first == _quotes(nlp, text)
    assert [q.span for q in first] == sorted(q.span for q in first)


def test_extract_quotes_to_quote_carries_contract_fields(nlp: Any) -> None:
    text = "\u201cIt is done,\u201d said Ann Lee."
    q = _quotes(nlp, text)[0].to_quote("e-123")
    assert q.speaker == "e-123" and q.cue == "said" and q.kind == "direct"


def test_extract_quotes_twin_apostrophes_are_double_quotes() -> None:
    from newsprism.extract.quote_marks import find_quoted

    text = "''The port stays shut,'' she said. ''It won't reopen.'' It's the 'plan'."
    found = [text[q.start : q.end] for q in find_quoted(text)]
    assert found == ["The port stays shut", "It won't reopen.", "plan"]
    first = find_quoted(text)[0]
    assert text[first.open : first.close + 1] == "''The port stays shut,''"


def test_extract_quotes_paragraph_ending_in_colon_introduces_quote(nlp: Any) -> None:
    text = (
        "The mayor took the stage late.\n\nOkonjo continued:\n\n"
        "\u201cWe will rebuild the harbour wall before the winter storms arrive.\u201d"
    )
    q = _one(_quotes(nlp, text), "rebuild the harbour")
    assert q.cue == "continued" and _say(text, q.speaker_span) == "Okonjo"


def test_extract_quotes_recording_shows_the_named_speaker(nlp: Any) -> None:
    # The parse hangs "asking" on "uses" (xcomp), whose subject is the ad.
    text = (
        "The ad uses footage of Lena Brask asking, "
        "\u201cWhat difference at this point does it make?\u201d"
    )
    q = _one(_quotes(nlp, text), "What difference")
    assert _say(text, q.speaker_span) == "Lena Brask"


def test_extract_quotes_thought_verb_clause_is_cognition_not_speech(nlp: Any) -> None:
    text = (
        "They know that the harbour cannot stay closed. "
        "The port authority said that the ferries would run on Sunday. "
        "The accord demanded that Kestovia withdraw its troops."
    )
    quotes = _quotes(nlp, text)
    assert _one(quotes, "harbour cannot stay closed").cognition
    assert not _one(quotes, "ferries would run").cognition
    assert not [q for q in quotes if "withdraw its troops" in q.text]


def test_extract_quotes_plea_is_no_quote(nlp: Any) -> None:
    # Both the plea ("pleaded guilty") and the clause before the semicolon that
    # the parse hangs on it are the reporter's narrative, nobody's words.
    text = (
        "It is not the first fight at the pier. In 2019, a 30-year-old woman was hurt in a "
        "brawl in the pier's car park; a Sarn man later pleaded guilty to assault in that case."
    )
    assert [q.text for q in _quotes(nlp, text)] == []


def test_extract_quotes_negation_inside_the_quote_does_not_deny_the_cue(nlp: Any) -> None:
    # The parse hangs the quoted "not" on "said"; only a negation before the
    # verb and outside the marks ("did not say") denies it.
    text = (
        'The events ran late.\n\n"Are we where we need to be? Probably not," Ms. Brask said. '
        '"Are we going to get there? Absolutely."\n\nVoss did not say "we will win" on Monday.'
    )
    quotes = _quotes(nlp, text)
    assert _say(text, _one(quotes, "Are we where").speaker_span) == "Brask"
    assert not [q for q in quotes if q.speaker_span and _say(text, q.speaker_span) == "Voss"]


def test_extract_quotes_name_between_quote_and_cue_speaks(nlp: Any) -> None:
    # When the parse gives the cue no usable subject (PolNeAR has one that takes
    # a quoted show title), the name right after the closing mark, before its
    # apposition, is the speaker.
    from newsprism.extract.speakers import SpeakerContext

    text = (
        "\u201cThere's a severe disconnect between this council and our port,\u201d "
        "Voss, a senior port adviser, said on Thursday."
    )
    sdoc = nlp(text)
    d = SpeakerContext("d", sdoc, extract_mentions("d", sdoc))
    tokens = sdoc.char_span(1, text.index(",\u201d") + 1, alignment_mode="expand")
    cue = next(t for t in sdoc if t.text == "said")
    name = d.name_before_cue(tokens, cue)
    assert name is not None and name.text == "Voss"
    # Nothing but words of the quote or a common noun: no name.
    other = "\u201cWe are ready for the storms this winter,\u201d the adviser said."
    sdoc = nlp(other)
    d = SpeakerContext("d", sdoc, [])
    tokens = sdoc.char_span(1, other.index(",\u201d") + 1, alignment_mode="expand")
    assert d.name_before_cue(tokens, next(t for t in sdoc if t.text == "said")) is None
