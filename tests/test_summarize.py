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
    docs = [Document(id=f"d-{k}", input=f"{k}.txt", text=t, outlet=f"o{k}")
            for k, t in (("a", A), ("b", B), ("c", C))]
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


def test_summarize_leaves_out_disputed_values() -> None:
    docs, claims = _setup()
    disputed = [c.id for c in claims if "flood lasted" in c.text]
    fact = Fact(id="f-x", about="length of the flood", status="conflict", independent_sources=2,
                values=[FactValue(value="4 day", claims=disputed[:1], documents=["d-b"]),
                        FactValue(value="9 day", claims=disputed[1:], documents=["d-c"])])
    summary = summarize(docs, claims, [fact])
    assert not any("flood lasted" in s.text for s in summary)


def test_summarize_is_deterministic_and_bounded() -> None:
    docs, claims = _setup()
    one = summarize(docs, claims, [], max_sentences=2)
    two = summarize(list(reversed(docs)), list(reversed(claims)), [], max_sentences=2)
    assert len(one) == 2
    assert [s.model_dump() for s in one] == [s.model_dump() for s in two]


def test_summarize_empty_inputs() -> None:
    assert summarize([], [], []) == []
