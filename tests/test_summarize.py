"""Extractive summary: verbatim sentences, citations to every document, no disputed values."""

from __future__ import annotations

from newsprism.models import Claim, Document, Fact, FactValue
from newsprism.summarize import summarize

A = (
    "The river authority opened the northern floodgates at dawn on Tuesday. "
    "Engineers from the authority monitored the dam wall through the night. "
    "Local farmers complained that the warning came too late for their herds."
)
B = (
    "The river authority opened the northern floodgates at dawn on Tuesday. "
    "Water levels in the lower valley rose by two metres within hours. "
    "The flood lasted four days, officials said."
)
C = (
    "Water levels in the lower valley rose sharply after the river authority opened "
    "the floodgates. The flood lasted nine days, according to residents."
)


def _claims(doc_id: str, text: str) -> list[Claim]:
    out, start = [], 0
    for n, sentence in enumerate(text.split(". ")):
        body = sentence if sentence.endswith(".") else sentence + "."
        s = text.index(body, start)
        out.append(Claim(id=f"c-{doc_id}{n}", document=doc_id, span=(s, s + len(body)), text=body))
        start = s + len(body)
    return out


def _setup() -> tuple[list[Document], list[Claim]]:
    docs = [
        Document(id=f"d-{k}", input=f"{k}.txt", text=t, outlet=f"o{k}")
        for k, t in (("a", A), ("b", B), ("c", C))
    ]
    claims = [c for d in docs for c in _claims(d.id, d.text)]
    return docs, claims


def test_summarize_sentences_are_verbatim_with_exact_citations() -> None:
    docs, claims = _setup()
    texts = {d.id: d.text for d in docs}
    summary = summarize(docs, claims, [])
    assert summary
    for sent in summary:
        assert sent.citations
        assert any(texts[c.document][c.span[0] : c.span[1]] == sent.text for c in sent.citations)
        for c in sent.citations:
            assert texts[c.document][c.span[0] : c.span[1]]


def test_summarize_same_sentence_cites_every_outlet_once() -> None:
    docs, claims = _setup()
    summary = summarize(docs, claims, [])
    gates = [s for s in summary if s.text.startswith("The river authority opened")]
    assert len(gates) == 1
    assert [c.document for c in gates[0].citations] == ["d-a", "d-b"]
    assert summary[0] is gates[0]  # lead and shared by two outlets: it comes first


def _flood_dispute(claims: list[Claim]) -> Fact:
    disputed = [c.id for c in claims if "flood lasted" in c.text]
    return Fact(
        id="f-x",
        about="length of the flood",
        status="conflict",
        independent_sources=2,
        values=[
            FactValue(value="4 day", claims=disputed[:1], documents=["d-b"]),
            FactValue(value="9 day", claims=disputed[1:], documents=["d-c"]),
        ],
    )


def test_summarize_shows_both_sides_of_every_dispute() -> None:
    docs, claims = _setup()
    summary = summarize(docs, claims, [_flood_dispute(claims)])
    sides = [s for s in summary if s.role == "dispute"]
    assert [s.text for s in sides] == [
        "The flood lasted four days, officials said.",
        "The flood lasted nine days, according to residents.",
    ]
    assert [[c.document for c in s.citations] for s in sides] == [["d-b"], ["d-c"]]
    assert all(s.fact == "f-x" and s.sources == 1 and s.of_sources == 3 for s in sides)


def test_summarize_main_event_first_cited_to_every_source() -> None:
    docs, claims = _setup()
    gates = [c for c in claims if "floodgates" in c.text]
    main = Fact(
        id="f-main",
        about="authority opened floodgates",
        status="corroborated",
        independent_sources=3,
        kind="statement",
        main_event=True,
        values=[
            FactValue(
                value="opened",
                claims=[c.id for c in gates],
                documents=sorted({c.document for c in gates}),
            )
        ],
    )
    summary = summarize(docs, claims, [main, _flood_dispute(claims)])
    first = summary[0]
    assert first.role == "main_event" and (first.sources, first.of_sources) == (3, 3)
    assert [c.document for c in first.citations] == ["d-a", "d-b", "d-c"]
    roles = [s.role for s in summary]
    assert roles.index("dispute") < roles.index("single_source")
    assert len({s.text for s in summary}) == len(summary)
    assert 3 <= len(summary) <= 12


def test_summarize_never_uses_a_caption_or_teaser() -> None:
    docs, claims = _setup()
    text = "Residents wade through the water in the lower valley (AP Photo/Jane Doe)."
    doc = Document(id="d-p", input="p.txt", text=text, outlet="op")
    cap = Claim(id="c-cap", document="d-p", span=(0, len(text)), text=text)
    summary = summarize([*docs, doc], [*claims, cap], [])
    assert all("AP Photo" not in s.text for s in summary)


def test_summarize_same_author_counts_once() -> None:
    docs, claims = _setup()
    docs = [
        d.model_copy(update={"outlet": None, "authors": ["Ann Lee"]}) if d.id != "d-c" else d
        for d in docs
    ]
    summary = summarize(docs, claims, [])
    gates = next(s for s in summary if s.text.startswith("The river authority opened"))
    assert gates.sources == 1 and gates.role == "single_source"


def test_summarize_is_deterministic_and_bounded() -> None:
    docs, claims = _setup()
    one = summarize(docs, claims, [], max_sentences=2)
    two = summarize(list(reversed(docs)), list(reversed(claims)), [], max_sentences=2)
    assert len(one) == 2
    assert [s.model_dump() for s in one] == [s.model_dump() for s in two]


def test_summarize_empty_inputs() -> None:
    assert summarize([], [], []) == []


def test_summarize_off_topic_page_never_enters() -> None:
    from newsprism.summarize import off_topic

    docs, claims = _setup()
    text = (
        "Bring a large pot of salted water to the boil for the spaghetti tonight. "
        "Warm olive oil in a wide pan with lemon zest and chilli flakes."
    )
    junk = Document(id="d-j", input="j.txt", text=text, outlet="oj")
    extra = _claims("d-j", text)
    assert off_topic([*docs, junk], [*claims, *extra], []) == {"d-j"}
    summary = summarize([*docs, junk], [*claims, *extra], [])
    assert all(c.document != "d-j" for s in summary for c in s.citations)


def test_summarize_two_facts_sharing_a_sentence_give_one_line() -> None:
    docs, claims = _setup()
    gates = [c for c in claims if "floodgates" in c.text]
    rose = [c for c in claims if "Water levels" in c.text]

    def fact(fid: str, members: list[Claim]) -> Fact:
        return Fact(
            id=fid,
            about=fid,
            status="corroborated",
            independent_sources=2,
            kind="statement",
            values=[
                FactValue(
                    value=fid,
                    claims=[c.id for c in members],
                    documents=sorted({c.document for c in members}),
                )
            ],
        )

    summary = summarize(docs, claims, [fact("f-a", gates), fact("f-b", [gates[0], *rose])])
    assert [s.fact for s in summary if s.fact] == ["f-a"]


def test_summarize_furniture_precheck_agrees_with_the_regex() -> None:
    from newsprism.summary_text import FURNITURE, furniture

    texts = [
        "Photo: Reuters",
        "The minister spoke at length about the budget on Tuesday.",
        "Related: the summit in pictures",
        "He said (AP) the talks failed.",
        "Image credit the agency",
        "Getty Images",
        "İmage: a man",  # İ, ı, ſ and the Kelvin sign: IGNORECASE matches, lower() does not
        "ſubscribe to our newsletter",
        "\u212alick here to read",
        "relatedly, nothing",
        "",
    ]
    for text in texts:
        assert furniture(text) == (FURNITURE.search(text) is not None), text


def test_summarize_off_topic_matches_the_term_by_term_rest() -> None:
    from collections import Counter

    from newsprism.crossdoc.graph import cosine, tfidf_vectors
    from newsprism.summarize import OFF_TOPIC, off_topic
    from newsprism.summary_text import words

    docs, claims = _setup()
    text = "Bring a large pot of salted water to the boil for the spaghetti tonight."
    junk = Document(id="d-j", input="j.txt", text=text, outlet="oj")
    every = [*docs, junk]
    both = [*claims, *_claims("d-j", text)]
    ids = sorted(d.id for d in every)
    bags = {i: set().union(*[words(c.text) for c in both if c.document == i]) for i in ids}
    vectors = dict(zip(ids, tfidf_vectors([bags[i] for i in ids]), strict=True))
    total: Counter[str] = Counter()
    for vec in vectors.values():
        total.update(vec)
    expected = set()
    for i in ids:
        rest = Counter(total)
        rest.subtract(vectors[i])
        if cosine(vectors[i], {k: v for k, v in rest.items() if v > 1e-9}) < OFF_TOPIC:
            expected.add(i)
    assert off_topic(every, both, []) == expected
