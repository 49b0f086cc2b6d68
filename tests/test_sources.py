"""Source profiles: sentence voices, tone lexicon, loaded terms, coverage, charts."""

from __future__ import annotations

from typing import Any

import pytest

from newsprism.extract.entities import extract_mentions
from newsprism.extract.quotes import extract_quotes
from newsprism.extract.sentence_types import SentenceFeatures
from newsprism.extract.sentences import sentence_features
from newsprism.models import Document, Entity, Fact, FactValue, Mention
from newsprism.render.charts import coverage_chart, opinion_chart, tone_chart
from newsprism.sources.lexicon import compound, valence
from newsprism.sources.profile import build_sources


def _features(nlp: Any, text: str) -> tuple[SentenceFeatures, ...]:
    sdoc = nlp(text)
    return sentence_features(sdoc, extract_mentions("d-x", sdoc))


def _voice_of(feats: tuple[SentenceFeatures, ...], text: str, needle: str) -> SentenceFeatures:
    for f in feats:
        if needle in text[f.span[0] : f.span[1]]:
            return f
    raise AssertionError(f"no sentence with {needle!r}")


OPINION_TEXT = (
    "The harbour board approved the new ferry timetable on Monday. "
    "Why would anyone trust a board that broke every promise it made? "
    "The council should scrap the plan before winter. "
    "We have seen this failure before. "
    "The decision is reckless. "
    '"The new timetable must start in May," the mayor said. '
    "According to the board, crossings will double."
)


def test_sources_sentence_voices_follow_the_markers(nlp: Any) -> None:
    feats = _features(nlp, OPINION_TEXT)
    t = OPINION_TEXT
    assert _voice_of(feats, t, "approved the new ferry").voice == "factual"
    question = _voice_of(feats, t, "Why would anyone")
    assert question.voice == "opinion"
    assert "question" in {m.kind for m in question.markers}
    modal = _voice_of(feats, t, "should scrap")
    assert modal.voice == "opinion"
    assert [t[m.span[0] : m.span[1]] for m in modal.markers if m.kind == "modal"] == ["should"]
    assert _voice_of(feats, t, "We have seen").markers[0].kind == "first_person"
    reckless = _voice_of(feats, t, "reckless")
    assert reckless.voice == "opinion"
    assert "reckless" in {t[m.span[0] : m.span[1]] for m in reckless.markers}


def test_sources_attribution_wins_over_markers_in_reported_speech(nlp: Any) -> None:
    feats = _features(nlp, OPINION_TEXT)
    quoted = _voice_of(feats, OPINION_TEXT, "must start in May")
    assert quoted.voice == "attributed"
    assert _voice_of(feats, OPINION_TEXT, "According to the board").voice == "attributed"
    text = "The minister insisted that the treaty must be signed this week."
    assert _features(nlp, text)[0].voice == "attributed"


def test_sources_prescribed_speech_is_opinion_not_attribution(nlp: Any) -> None:
    text = "The minister should say so plainly before the vote."
    assert _features(nlp, text)[0].voice == "opinion"


def test_sources_marker_spans_are_exact(nlp: Any) -> None:
    feats = _features(nlp, OPINION_TEXT)
    for f in feats:
        assert OPINION_TEXT[f.span[0] : f.span[1]].strip() == OPINION_TEXT[f.span[0] : f.span[1]]
        for m in f.markers:
            assert f.span[0] <= m.span[0] < m.span[1] <= f.span[1]


def test_sources_tone_lexicon_is_neutral_on_news_topic_words() -> None:
    assert compound("Three soldiers were killed in the attack on the border post.") == 0.0
    assert compound("The two sides agreed to support the proposal.") == 0.0
    assert valence("capitulation") < 0
    assert compound("It was a shameful capitulation.") < -0.3


def test_sources_actor_roles_mark_subject_and_target(nlp: Any) -> None:
    text = "President Amara Kell praised Governor Jorin Vasse at the meeting."
    (feat,) = _features(nlp, text)
    roles = {text[s:e]: role for (s, e), role in feat.actors}
    assert roles.get("Amara Kell") == "subject"
    assert roles.get("Jorin Vasse") == "target"


def _doc(doc_id: str, outlet: str | None, text: str, dup: str | None = None) -> Document:
    return Document(id=doc_id, input=f"{doc_id}.txt", outlet=outlet, text=text, duplicate_of=dup)


def test_sources_loaded_terms_come_from_contrast_and_copies_count_once(nlp: Any) -> None:
    base = "The port authority opened the new pier on Friday after two years of work."
    texts = {
        "d-a": base + " The ceremony was a farce, and the deal is appeasement.",
        "d-b": base + " Officials said the pier cost more than planned.",
        "d-c": base + " Fishing crews welcomed the extra berths.",
        "d-d": base + " The ceremony was a farce, and the deal is appeasement.",
    }
    docs = [
        _doc("d-a", "Harbour Voice", texts["d-a"]),
        _doc("d-b", "Pier Times", texts["d-b"]),
        _doc("d-c", None, texts["d-c"]),
        _doc("d-d", "Reprint Daily", texts["d-d"], dup="d-a"),
    ]
    feats = {d.id: sentence_features(nlp(d.text), ()) for d in docs}
    profiles = build_sources(docs, feats, [], [], [], [], [])
    by = {p.outlet: p for p in profiles}
    assert set(by) == {"Harbour Voice", "Pier Times", "d-c.txt", "Reprint Daily"}
    assert not by["d-c.txt"].outlet_known
    assert {"appeasement", "farce"} <= set(by["Harbour Voice"].loaded_terms)
    # The copy is contrasted with the others, not with its own original.
    assert "appeasement" in by["Reprint Daily"].loaded_terms
    assert by["Pier Times"].loaded_terms == []
    for term in by["Harbour Voice"].loaded_detail:
        for ex in term.evidence:
            start, end = ex.marks[0].span
            assert texts[ex.document][start:end] == term.term
    assert by["Harbour Voice"].opinion_share > by["Pier Times"].opinion_share
    # Deterministic whatever order the documents come in.
    again = build_sources(docs[::-1], feats, [], [], [], [], [])
    assert [p.model_dump_json() for p in again] == [p.model_dump_json() for p in profiles]


def test_sources_coverage_unique_and_omitted_need_most_others(nlp: Any) -> None:
    texts = {f"d-{k}": f"Report {k}. The crews rescued 12 fishermen near the reef." for k in "abcd"}
    texts["d-e"] = "Report e. Storm warnings stay in force along the coast."
    docs = [_doc(d, f"Outlet {d[-1].upper()}", t) for d, t in sorted(texts.items())]
    feats = {d.id: sentence_features(nlp(d.text), ()) for d in docs}
    carried = Fact(
        id="f-rescue",
        about="number of fishermen",
        status="corroborated",
        independent_sources=4,
        values=[FactValue(value="12 fisherman", claims=[], documents=["d-a", "d-b", "d-c", "d-d"])],
    )
    alone = Fact(
        id="f-only",
        about="number of boats",
        status="single_source",
        independent_sources=1,
        values=[FactValue(value="3 boat", claims=[], documents=["d-a"])],
    )
    profiles = {p.outlet: p for p in build_sources(docs, feats, [], [], [], [], [carried, alone])}
    assert profiles["Outlet A"].unique_facts == ["f-only"]
    # No claim heads to check the wording against: unknown beats a wrong "omitted".
    assert profiles["Outlet E"].omitted_facts == []


def test_sources_tone_comes_from_words_tied_to_the_actor(nlp: Any) -> None:
    text = (
        "Mayor Ostra Bellin shamefully betrayed the fishermen. Rain fell in the harbour. "
        "Bellin, a reckless and dishonest official, then blamed the weather."
    )
    sdoc = nlp(text)
    mentions = extract_mentions("d-t", sdoc)
    feats = {"d-t": sentence_features(sdoc, mentions)}
    ent = Entity(
        id="e-bellin",
        name="Ostra Bellin",
        type="PERSON",
        mentions=[
            Mention(document="d-t", span=(m.start, m.end)) for m in mentions if "Bellin" in m.text
        ],
    )
    other = _doc("d-u", "Other", "Ostra Bellin visited the harbour.")
    docs = [_doc("d-t", "Coast Post", text), other]
    feats["d-u"] = sentence_features(nlp(other.text), ())
    ent.mentions.append(Mention(document="d-u", span=(0, 12)))
    (coast, other_p) = sorted(
        build_sources(docs, feats, [], [ent], [], [], []), key=lambda p: p.outlet
    )
    assert coast.tone["e-bellin"] < 0
    (detail,) = coast.tone_detail
    behind = {p.text for p in detail.phrases}
    assert {"shamefully betrayed", "reckless", "dishonest"} <= behind
    assert all(text[p.span[0] : p.span[1]] == p.text for p in detail.phrases)
    assert not any("Bellin" in p or "Rain" in p for p in behind)
    assert all(p.polarity < 0 for p in detail.phrases)
    ex = detail.evidence[0]
    assert text[ex.span[0] : ex.span[1]].startswith(("Mayor Ostra Bellin", "Bellin, a reckless"))
    # One flat sentence is no evidence: the other outlet's tone is withheld, not 0.
    assert "e-bellin" not in other_p.tone and other_p.tone_withheld == ["e-bellin"]


def test_sources_tone_with_one_tied_word_is_withheld(nlp: Any) -> None:
    text = "Mayor Ostra Bellin shamefully betrayed the fishermen. Rain fell in the harbour."
    sdoc = nlp(text)
    mentions = extract_mentions("d-t", sdoc)
    ent = Entity(
        id="e-b",
        name="Ostra Bellin",
        type="PERSON",
        mentions=[Mention(document="d-t", span=(m.start, m.end)) for m in mentions],
    )
    ent.mentions.append(Mention(document="d-u", span=(0, 12)))
    docs = [_doc("d-t", "Coast Post", text), _doc("d-u", "Other", "Ostra Bellin visited.")]
    feats = {"d-t": sentence_features(sdoc, mentions), "d-u": ()}
    (coast, _) = sorted(build_sources(docs, feats, [], [ent], [], [], []), key=lambda p: p.outlet)
    assert coast.tone == {} and coast.tone_withheld == ["e-b"]


def test_sources_charts_are_deterministic_escaped_svg() -> None:
    hostile = '<script>alert(1)</script> & "$x$"'
    first = opinion_chart([hostile, "B"], [(0.5, 0.3, 0.2), (0.0, 0.5, 0.5)])
    assert first == opinion_chart([hostile, "B"], [(0.5, 0.3, 0.2), (0.0, 0.5, 0.5)])
    assert first.startswith("<svg") and "<script" not in first and "&lt;script" in first
    tone = tone_chart(["A", "B"], ["X", hostile], [[0.5, None], [-0.2, 0.1]])
    assert "<image" not in tone and "<script" not in tone
    grid = coverage_chart(["fact one"], ["A", "B"], [["carried", "omitted"]])
    ids = [chunk.split('"', 1)[0] for chunk in (first + tone + grid).split(' id="')[1:]]
    assert len(ids) == len(set(ids))
    assert opinion_chart([], []) == ""


@pytest.mark.parametrize("needle", ["appeasement", "capitulation", "mirage"])
def test_sources_sample_planted_loaded_terms(
    sample_brief: Any, sample_gold: Any, needle: str
) -> None:
    opinion = _profile(sample_brief, sample_gold["sources"]["opinion_doc"])
    assert needle in opinion.loaded_terms


def _doc_id(brief: Any, key: str) -> str:
    for d in brief.documents:
        if d.input.replace("\\", "/").rsplit("/", 1)[-1] == key:
            return str(d.id)
    raise KeyError(key)


def _profile(brief: Any, key: str) -> Any:
    doc_id = _doc_id(brief, key)
    return next(p for p in brief.sources if doc_id in p.documents)


def test_sources_sample_opinion_piece_scores_above_straight_reports(
    sample_brief: Any, sample_gold: Any
) -> None:
    gold = sample_gold["sources"]
    opinion = _profile(sample_brief, gold["opinion_doc"])
    assert opinion.opinion_share >= 0.25
    for key in gold["straight_reports"]:
        assert _profile(sample_brief, key).opinion_share < opinion.opinion_share / 3, key
    shown = {
        sample_brief.document(e.document).text[e.span[0] : e.span[1]]
        for e in opinion.opinion_examples
    }
    markers = [m["text"] for m in gold["opinion_markers"]]
    assert any(any(m in s for s in shown) for m in markers)


def test_sources_sample_omitting_outlet_and_unique_fact(
    sample_brief: Any, sample_gold: Any
) -> None:
    gold = sample_gold["sources"]
    omitted = gold["omitted_fact"]
    fact_ids = {f.id for f in sample_brief.facts if "prisoner" in f.about}
    assert fact_ids
    omitter = _profile(sample_brief, omitted["omitted_by"])
    assert set(omitter.omitted_facts) & fact_ids
    for key in omitted["carried_by"]:
        assert not set(_profile(sample_brief, key).omitted_facts) & fact_ids, key
    unique = gold["unique_fact"]
    marched = {f.id for f in sample_brief.facts if "marched" in f.about}
    assert marched & set(_profile(sample_brief, unique["document"]).unique_facts)


def test_sources_sample_every_example_span_is_exact(sample_brief: Any) -> None:
    assert sample_brief.sources
    for p in sample_brief.sources:
        examples = list(p.opinion_examples)
        examples += [e for t in p.tone_detail for e in t.evidence]
        examples += [e for t in p.loaded_detail for e in t.evidence]
        for ex in examples:
            text = sample_brief.document(ex.document).text
            sentence = text[ex.span[0] : ex.span[1]]
            assert sentence and sentence == sentence.strip()
            for mark in ex.marks:
                assert ex.span[0] <= mark.span[0] < mark.span[1] <= ex.span[1]
        for term in p.loaded_detail:
            for ex in term.evidence:
                word = sample_brief.document(ex.document).text[slice(*ex.marks[0].span)]
                # Each use is marked with the word it pairs with there ("fragile doorway").
                assert word.lower() == term.term or term.term in word.lower().split()


def _actor_id(brief: Any, name: str) -> str:
    return str(next(e.id for e in brief.entities if e.name == name))


def test_sources_sample_partisan_tone_points_the_right_way_with_its_phrases(
    sample_brief: Any, sample_gold: Any
) -> None:
    for gold in sample_gold["sources"]["tone"]:
        profile = _profile(sample_brief, gold["document"])
        actor = _actor_id(sample_brief, gold["actor"])
        tone = next(t for t in profile.tone_detail if t.actor == actor)
        assert (tone.tone < 0) == (gold["sign"] == "negative"), gold["actor"]
        assert profile.tone[actor] == tone.tone
        shown = [p.text for p in tone.phrases]
        for phrase in gold["phrases"]:
            assert any(phrase in s for s in shown), (gold["actor"], phrase, shown)
        for phrase in gold["not_phrases"]:
            assert not any(phrase in s for s in shown), (gold["actor"], phrase)
        for p in tone.phrases:
            assert sample_brief.document(p.document).text[p.span[0] : p.span[1]] == p.text
            assert (p.polarity < 0) == (gold["sign"] == "negative")


def test_sources_sample_tone_is_shown_only_with_evidence(sample_brief: Any) -> None:
    for profile in sample_brief.sources:
        assert not set(profile.tone) & set(profile.tone_withheld)
        for tone in profile.tone_detail:
            assert len(tone.phrases) >= 2 and tone.evidence, profile.outlet
    # The straight reports name the leaders often but judge them in no own-voice word.
    herald = _profile(sample_brief, "01-sarn-herald.txt")
    assert herald.tone == {}
    assert _actor_id(sample_brief, "Oleksandr Marchenko") in herald.tone_withheld


def test_sources_sample_partisan_word_choices_with_where_and_instead(
    sample_brief: Any, sample_gold: Any
) -> None:
    for gold in sample_gold["sources"]["partisan_loaded_terms"]:
        profile = _profile(sample_brief, gold["document"])
        term = next(t for t in profile.loaded_detail if t.term == gold["term"])
        text = sample_brief.document(term.evidence[0].document).text
        assert gold["text"] in text[slice(*term.evidence[0].span)]
        for alt in term.alternatives:
            assert alt.term != term.term and alt.sources >= 1
            for ex in alt.evidence:
                assert ex.document not in profile.documents
                other = sample_brief.document(ex.document).text
                assert other[slice(*ex.marks[0].span)].lower() == alt.term


def test_sources_headline_is_own_voice_and_quotes_are_someone_elses(nlp: Any) -> None:
    text = (
        "RECKLESS MAYOR SINKS THE FERRY DEAL\n\n"
        'The mayor signed the deal on Monday. "It is a disgrace," said Ana Ruiz, a councillor.'
    )
    sdoc = nlp(text)
    mentions = extract_mentions("d-h", sdoc)
    quotes = extract_quotes("d-h", sdoc, mentions)
    feats = sentence_features(sdoc, mentions, quotes, "RECKLESS MAYOR SINKS THE FERRY DEAL")
    head = feats[0]
    assert head.headline and head.voice == "opinion" and head.opinion
    quoted = _voice_of(feats, text, "disgrace")
    assert quoted.voice == "attributed"
    (other,) = [o for o in quoted.others if o.kind == "quoted"]
    assert "disgrace" in text[other.span[0] : other.span[1]]
    assert other.speaker is not None and text[other.speaker[0] : other.speaker[1]] == "Ana Ruiz"
    assert not any(text[m.span[0] : m.span[1]] == "disgrace" for m in quoted.markers)
    # Without the title the same line is a fragment, not counted.
    assert sentence_features(sdoc, mentions)[0].voice == "other"


def _marked(nlp: Any, text: str) -> dict[str, str]:
    """Word → marker kind of every sentence of ``text``."""
    sdoc = nlp(text)
    feats = sentence_features(sdoc, extract_mentions("d-m", sdoc))
    return {text[m.span[0] : m.span[1]].lower(): m.kind for f in feats for m in f.markers}


def test_sources_attributive_evaluative_words_are_opinion_cues(nlp: Any) -> None:
    text = (
        "The governor made a desperate attempt to save the plan. "
        "Her rival answered with a bombastic call for new elections. "
        "The ruling dealt a stinging blow to the council after a scathing speech."
    )
    marked = _marked(nlp, text)
    for word in ("desperate", "bombastic", "stinging", "scathing"):
        assert marked.get(word) == "evaluative", (word, marked)
    sdoc = nlp(text)
    assert all(f.opinion for f in sentence_features(sdoc) if f.voice != "other")


def test_sources_descriptive_and_literal_words_are_not_cues(nlp: Any) -> None:
    text = (
        "The new ferry left the old harbour at noon. "
        "In this delay lies the problem for the port. "
        "The wind made the gate slam shut before the ferry left."
    )
    marked = _marked(nlp, text)
    assert not {"new", "old", "lies", "slam"} & set(marked), marked


def test_sources_names_are_never_tone_words(nlp: Any) -> None:
    text = (
        "Senator Tom Justice of the United Party praised the harbour plan. "
        "Tom Justice is a reckless and dishonest politician."
    )
    sdoc = nlp(text)
    feats = sentence_features(sdoc, extract_mentions("d-n", sdoc))
    words = {text[s:e].lower() for f in feats for t in f.targets for (s, e), _ in t.phrases}
    assert {"reckless", "dishonest"} <= words
    assert not words & {"justice", "tom", "united", "party", "senator"}


def test_sources_loaded_term_shows_what_other_outlets_wrote_instead(nlp: Any) -> None:
    texts = {
        "d-a": "Gunmen carried out a massacre at the Vesna market on Friday night. "
        "The regime imposed a curfew across the harbour district.",
        "d-b": "Gunmen carried out a shooting at the Vesna market on Friday night. "
        "The government imposed a curfew across the harbour district.",
        "d-c": "Gunmen carried out an attack at the Vesna market on Friday night. "
        "Officials said the harbour district would stay closed.",
    }
    docs = [_doc(d, f"Outlet {d[-1].upper()}", t) for d, t in texts.items()]
    feats = {d: sentence_features(nlp(t)) for d, t in texts.items()}
    profiles = {p.outlet: p for p in build_sources(docs, feats, [], [], [], [], [])}
    terms = {t.term: t for t in profiles["Outlet A"].loaded_detail}
    assert {"massacre", "regime"} <= set(terms)
    instead = {a.term for a in terms["massacre"].alternatives}
    assert {"shooting", "attack"} <= instead
    assert {a.term for a in terms["regime"].alternatives} == {"government"}
    for alt in terms["massacre"].alternatives:
        (ex,) = alt.evidence
        assert texts[ex.document][slice(*ex.marks[0].span)] == alt.term
    # The neutral outlets have no loaded terms.
    assert profiles["Outlet B"].loaded_terms == [] and profiles["Outlet C"].loaded_terms == []
