"""Who said it, on hard cases written for the project (tests/data/identity_cases.json).

Each case is a small story run through the whole per-document and linking
pipeline. A quote's speaker must be the named entity the case expects, or
``None`` where the text does not say who spoke unambiguously: a guess is a
defect. Cases cover people sharing a surname, a speaker and the person they
talk about in one sentence, nicknames, initials and suffixes, role speakers and
negated speech.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsprism.models import Brief, Document

CASES = json.loads(
    (Path(__file__).parent / "data" / "identity_cases.json").read_text(encoding="utf-8")
)["cases"]


def _brief(texts: list[str]) -> Brief:
    from newsprism.pipeline import Options, brief_documents

    docs = [
        Document(id=f"d-{n}", input=f"case{n}.txt", text=text, outlet=f"Outlet {n}")
        for n, text in enumerate(texts)
    ]
    return brief_documents(docs, [], Options())


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_identity_hardcase(case: dict[str, Any]) -> None:
    brief = _brief(case["docs"])
    names = {e.id: e.name for e in brief.entities}
    for want in case["expect"]:
        hits = [q for q in brief.quotes if want["quote"] in q.text]
        assert hits, f"no quote containing {want['quote']!r}: {[q.text for q in brief.quotes]}"
        q = hits[0]
        got = names.get(q.speaker) if q.speaker else None
        assert got == want["speaker"], (want["quote"], got, q.speaker_label)
        if "label" in want:
            assert q.speaker_label == want["label"]
        if "candidates" in want:
            assert len(q.speaker_candidates) == want["candidates"]
    for words in case.get("no_quote_text", []):
        # Thoughts, things and frames are nobody's words: no quote carries them.
        said = [q.text for q in brief.quotes if words.lower() in q.text.lower()]
        assert not said, f"{words!r} listed as a quote: {said}"
    for person in case.get("no_quote_by", []):
        credited = [q.text for q in brief.quotes if q.speaker and names[q.speaker] == person]
        assert not credited, f"{person} credited with {credited}"
