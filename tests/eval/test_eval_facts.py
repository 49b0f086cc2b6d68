"""Facts alignment on ECB+: do aligned claims report the same real event?

Each ECB+ topic holds reports of two different real events of the same kind
(two earthquakes, two arrests of one actor …): the ``ecb`` files describe one,
the ``ecbplus`` files the other. We run claims → link → ``align_facts`` on every
document of a topic at once, as one "story", and score every pair of claims from
different documents that a fact puts together:

* ``event_precision``: the two documents report the same seminal event;
* ``action_precision``: the two sentences share a gold cross-document action
  instance (ECB+ ``CROSS_DOC_COREF`` on ACTION/NEG mentions) — a much stricter
  test, since gold only covers the annotated sentences;
* ``baseline_event_precision``: the same rate for all cross-document pairs of
  claims with a slot of the same kind, i.e. what blocking by kind alone gives.

Topics: the first ``N_TOPICS`` by number, to stay within the two-minute budget
(parsing dominates). Figures and their reading are in docs/evaluation.md.
"""

from __future__ import annotations

import bisect
import json
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest

FLOORS = Path(__file__).with_name("floors.json")
N_TOPICS = 12


@dataclass
class _EcbDoc:
    doc_id: str
    event: str  # "<topic>" or "<topic>+"
    text: str
    line_starts: list[int]
    actions: dict[int, set[str]]  # line index → gold action instance ids


def _load(path: Path) -> _EcbDoc:
    root = ET.parse(path).getroot()
    sentences: dict[int, list[tuple[int, str]]] = {}
    token_sentence: dict[str, int] = {}
    for tok in root.iter("token"):
        s = int(tok.get("sentence", "0"))
        sentences.setdefault(s, []).append((int(tok.get("number", "0")), tok.text or ""))
        token_sentence[tok.get("t_id", "")] = s
    order = sorted(sentences)
    lines = [" ".join(w for _, w in sorted(sentences[s])) for s in order]
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    mention_sentences: dict[str, set[int]] = {}
    markables = root.find("Markables")
    for el in list(markables) if markables is not None else []:
        if el.tag.startswith(("ACTION", "NEG")):
            anchors = {token_sentence.get(a.get("t_id", ""), -1) for a in el.iter("token_anchor")}
            mention_sentences[el.get("m_id", "")] = anchors
    actions: dict[int, set[str]] = {}
    for rel in root.iter("CROSS_DOC_COREF"):
        note = rel.get("note", "")
        for src in rel.iter("source"):
            for s in mention_sentences.get(src.get("m_id", ""), set()):
                if s in order:
                    actions.setdefault(order.index(s), set()).add(note)
    topic, name = path.parent.name, path.stem
    event = topic + ("+" if name.endswith("plus") else "")
    return _EcbDoc(f"d-{name}", event, "\n".join(lines), starts, actions)


def _cross_pairs(items: list[tuple[str, str]]) -> tuple[int, int]:
    """(all cross-document pairs, same-event pairs) among (doc, event) items, by counting."""
    def pairs(counts: Counter[Any]) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    by_doc = Counter(d for d, _ in items)
    by_event = Counter(e for _, e in items)
    by_both = Counter(items)
    return pairs(Counter({0: len(items)})) - pairs(by_doc), pairs(by_event) - pairs(by_both)


def evaluate(ecb_dir: Path, nlp: Any, n_topics: int = N_TOPICS) -> dict[str, float]:
    from newsprism.crossdoc.facts import align_facts
    from newsprism.crossdoc.link import entity_index, link_entities
    from newsprism.extract.claims import extract_claims
    from newsprism.extract.entities import extract_mentions
    from newsprism.models import Document

    topics = sorted((p for p in ecb_dir.iterdir() if p.is_dir()), key=lambda p: int(p.name))
    stats: Counter[str] = Counter()
    for topic in topics[:n_topics]:
        ecb = [_load(p) for p in sorted(topic.glob("*.xml"))]
        docs = [Document(id=d.doc_id, input=d.doc_id, text=d.text) for d in ecb]
        by_id = {d.doc_id: d for d in ecb}
        claims, mentions = [], []
        for d, sdoc in zip(ecb, nlp.pipe([d.text for d in ecb], batch_size=16), strict=True):
            found = extract_mentions(d.doc_id, sdoc)
            mentions += found
            claims += extract_claims(d.doc_id, sdoc, None, found)
        entities = link_entities(mentions, {d.id: d.text for d in docs})
        facts = align_facts(claims, docs, entity_index(entities), entities)
        claim_by_id = {c.id: c for c in claims}
        for kind in sorted({s.kind for c in claims for s in c.slots if s.kind != "place"}):
            items = [(c.document, by_id[c.document].event) for c in claims
                     if any(s.kind == kind for s in c.slots)]
            total, same = _cross_pairs(items)
            stats["baseline_pairs"] += total
            stats["baseline_same"] += same
        for fact in facts:
            stats["facts"] += 1
            stats[f"status_{fact.status}"] += 1
            members = sorted({c for v in fact.values for c in v.claims})
            if len({claim_by_id[c].document for c in members}) < 2:
                continue
            stats["multi_doc_facts"] += 1
            for a, b in combinations(members, 2):
                ca, cb = claim_by_id[a], claim_by_id[b]
                if ca.document == cb.document:
                    continue
                da, db = by_id[ca.document], by_id[cb.document]
                stats["pairs"] += 1
                stats["same_event"] += da.event == db.event
                la = bisect.bisect_right(da.line_starts, ca.span[0]) - 1
                lb = bisect.bisect_right(db.line_starts, cb.span[0]) - 1
                stats["same_action"] += bool(da.actions.get(la, set()) & db.actions.get(lb, set()))
        stats["documents"] += len(ecb)
        stats["claims"] += len(claims)
    pairs = max(1, stats["pairs"])
    return {
        "documents": stats["documents"], "claims": stats["claims"], "facts": stats["facts"],
        "multi_doc_facts": stats["multi_doc_facts"], "pairs": stats["pairs"],
        "event_precision": round(stats["same_event"] / pairs, 3),
        "action_precision": round(stats["same_action"] / pairs, 3),
        "baseline_event_precision": round(
            stats["baseline_same"] / max(1, stats["baseline_pairs"]), 3),
        "conflicts": stats["status_conflict"], "corroborated": stats["status_corroborated"],
    }


@pytest.mark.shared
def test_eval_facts_ecbplus_alignment(evaldata_dir: Path, nlp: Any) -> None:
    result = evaluate(evaldata_dir / "ecbplus" / "ECB+", nlp)
    print(json.dumps(result, indent=2))
    floors = json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.exists() else {}
    assert result["multi_doc_facts"] >= floors.get("facts_ecbplus_multi_doc_facts", 1)
    assert result["event_precision"] >= floors.get("facts_ecbplus_event_precision", 0.0)
    assert result["event_precision"] > result["baseline_event_precision"]
