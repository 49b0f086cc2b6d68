"""Speakers after linking and quote groups across outlets."""

from __future__ import annotations

import time

from newsprism.crossdoc.quotes import attach_speakers, group_quotes, normalise
from newsprism.extract.quotes import ExtractedQuote, quote_id
from newsprism.models import Quote


def _ext(doc: str, text: str, quote: str, ref: tuple[int, int] | None = None) -> ExtractedQuote:
    start = text.index(quote)
    span = (start, start + len(quote))
    return ExtractedQuote(quote_id(doc, span), doc, span, quote, "direct", "said", ref, ref)


def _q(doc: str, texts: dict[str, str], quote: str, speaker: str | None = None) -> Quote:
    start = texts[doc].index(quote)
    span = (start, start + len(quote))
    return Quote(
        id=quote_id(doc, span), document=doc, span=span, text=quote, kind="direct", speaker=speaker
    )


def test_crossdoc_quotes_attach_speaker_exact_and_overlap() -> None:
    text = "Ann Lee said: \u201cWe are ready to sign the accord.\u201d"
    exact = _ext("d1", text, "We are ready to sign the accord.", (0, 7))
    loose = _ext("d2", text, "We are ready to sign the accord.", (4, 7))
    none = _ext("d3", text, "We are ready to sign the accord.")
    index = {("d1", 0, 7): "e-ann", ("d2", 0, 7): "e-ann"}
    out = {q.document: q.speaker for q in attach_speakers([exact, loose, none], index)}
    assert out == {"d1": "e-ann", "d2": "e-ann", "d3": None}


def test_crossdoc_quotes_normalise_ignores_style() -> None:
    assert normalise("\u201cMany, MANY points\u2014agreed!\u201d") == "many many points agreed"
    assert normalise("don\u2019t") == normalise("don't")


def test_crossdoc_quotes_trimmed_and_repunctuated_group() -> None:
    texts = {
        "d1": "He said \u201cthere were many, many points we agreed on\u201d today.",
        "d2": "He cited \u201cmany points we agreed on\u201d again.",
        "d3": "Unrelated: \u201cthe harbour will close at noon\u201d now.",
    }
    quotes = [
        _q("d1", texts, "there were many, many points we agreed on", "e-a"),
        _q("d2", texts, "many points we agreed on", "e-a"),
        _q("d3", texts, "the harbour will close at noon", "e-b"),
    ]
    groups = group_quotes(quotes, texts, {})
    assert len(groups) == 1
    g = groups[0]
    assert g.documents == ["d1", "d2"] and g.variants and not g.speaker_conflict
    assert g.speakers == ["e-a"] and g.id.startswith("qg-")
    assert g.quotes == sorted([quotes[0].id, quotes[1].id])


def test_crossdoc_quotes_speaker_conflict_and_reworded() -> None:
    texts = {
        "d1": "\u201cWe did not get there on the ceasefire,\u201d he said.",
        "d2": "\u201cWe didn't get there on the ceasefire,\u201d she said.",
    }
    quotes = [
        _q("d1", texts, "We did not get there on the ceasefire", "e-a"),
        _q("d2", texts, "We didn't get there on the ceasefire", "e-b"),
    ]
    (g,) = group_quotes(quotes, texts, {})
    assert g.speaker_conflict and g.variants and g.speakers == ["e-a", "e-b"]


def test_crossdoc_quotes_no_group_for_single_source_or_copies() -> None:
    texts = {
        "d1": "\u201cThe harbour will close at noon,\u201d he said.",
        "d2": "\u201cThe harbour will close at noon,\u201d he said.",
    }
    quotes = [
        _q("d1", texts, "The harbour will close at noon"),
        _q("d2", texts, "The harbour will close at noon"),
    ]
    assert group_quotes(quotes, texts, {"d2": "d1", "d1": None}) == []
    (g,) = group_quotes(quotes, texts, {})
    assert not g.variants


def test_crossdoc_quotes_short_quotes_need_exact_wording() -> None:
    texts = {
        "d1": "It was \u201cproductive\u201d talk.",
        "d2": "It was \u201cvery productive for everyone\u201d talk.",
    }
    quotes = [_q("d1", texts, "productive"), _q("d2", texts, "very productive for everyone")]
    assert group_quotes(quotes, texts, {}) == []


def test_crossdoc_quotes_skip_quote_whose_span_misses_text() -> None:
    texts = {"d1": "\u201cAlpha beta gamma delta\u201d", "d2": "\u201cAlpha beta gamma delta\u201d"}
    good = _q("d1", texts, "Alpha beta gamma delta")
    bad = Quote(
        id="q-bad", document="d2", span=(0, 3), text="Alpha beta gamma delta", kind="direct"
    )
    assert group_quotes([good, bad], texts, {}) == []


def test_crossdoc_quotes_deterministic_and_fast_on_many_quotes() -> None:
    texts: dict[str, str] = {}
    quotes: list[Quote] = []
    for i in range(3000):
        doc = f"d{i}"
        words = f"budget line {i} rises by {i % 97} units in district {i // 3}"
        texts[doc] = words
        quotes.append(
            Quote(id=f"q-{i:06d}", document=doc, span=(0, len(words)), text=words, kind="direct")
        )
    started = time.perf_counter()
    first = group_quotes(quotes, texts, {})
    assert time.perf_counter() - started < 10
    assert first == group_quotes(list(reversed(quotes)), texts, {})


def test_crossdoc_quotes_label_only_for_words_that_name_people() -> None:
    from newsprism.crossdoc.quotes import speaker_words

    text = (
        "Mr. Trump said it. The deal said more. A police spokesman said so. Critics say. "
        "Police said so too, and police said more, according to the Kettle County "
        "coroner's office. Ukraine's opposition figures argue."
    )

    def label(words: str) -> str | None:
        start = text.index(words)
        return speaker_words(text, (start, start + len(words)))

    assert label("Trump") == "Mr. Trump"
    # A described speaker reads in lower case: "Police" opening a sentence and
    # "police" inside one are one speaker group.
    assert label("A police spokesman") == "a police spokesman"
    assert label("Critics") == "critics"
    assert label("Police") == label("police") == "police"
    assert label("the Kettle County coroner's office") == "the Kettle County coroner's office"
    assert label("Ukraine's opposition figures") == "Ukraine's opposition figures"
    assert label("The deal") is None


def test_crossdoc_quotes_unresolved_speaker_gets_candidates_and_no_conflict() -> None:
    from newsprism.crossdoc.quotes import attach_speakers
    from newsprism.extract.quotes import ExtractedQuote

    text = '"We will be there," Reyes said.'
    start = text.index("Reyes")
    ref = (start, start + 5)
    q = ExtractedQuote("q-1", "d-1", (1, 18), text[1:18], "direct", "said", ref, ref)
    out = attach_speakers([q], {}, [], {("d-1", *ref): ("e-a", "e-b")}, {"d-1": text})
    assert out[0].speaker is None
    assert out[0].speaker_label == "Reyes"
    assert out[0].speaker_candidates == ["e-a", "e-b"]


def test_crossdoc_quotes_conflict_only_between_different_people() -> None:
    from newsprism.crossdoc.quotes import group_quotes
    from newsprism.models import Entity, Quote

    said = "No inch of the valley is for sale to anyone"
    texts = {"d-1": said, "d-2": said, "d-3": said}

    def person(eid: str, name: str) -> Entity:
        return Entity(id=eid, name=name, type="PERSON")

    def quote(n: int, speaker: str) -> Quote:
        return Quote(
            id=f"q-{n}",
            document=f"d-{n}",
            span=(0, len(said)),
            text=said,
            kind="direct",
            speaker=speaker,
        )

    people = [person("e-1", "Donald Trump"), person("e-2", "Trump"), person("e-3", "Ilse Varga")]
    split = group_quotes([quote(1, "e-1"), quote(2, "e-2")], texts, {}, people)
    assert len(split) == 1 and not split[0].speaker_conflict
    other = group_quotes([quote(1, "e-1"), quote(3, "e-3")], texts, {}, people)
    assert other[0].speaker_conflict
