"""Event coding on ECB+: trigger precision and cross-document event merging (B-cubed).

ECB+ annotates, in selected sentences (``ECBplus_coreference_sentences.csv``),
every action mention (ACTION_* / NEG_ACTION_*) and chains the mentions of one
real event across documents (``CROSS_DOC_COREF`` with an ``ACT…`` instance id).

* **Trigger precision**: of the event triggers we extract inside annotated
  sentences, the share whose characters overlap a gold action mention.
  Recall (gold action mentions overlapped by a trigger) is reported, not gated:
  ECB+ marks every action ("checked into", "told"); we code only political
  event types, so recall is low by design.
* **Merging B-cubed**: per topic (both of its real events), the extracted
  events whose trigger overlaps a gold mention with a cross-document instance
  and that end up in a brief ``Event`` (an actor was named); each is scored
  against its gold instance chain: B³ precision, recall and F1 over those items.

The first ``N_TOPICS`` topics keep the run near a minute on one core.
"""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

FLOORS = Path(__file__).with_name("floors.json")
N_TOPICS = 12


@dataclass
class _Doc:
    doc_id: str
    text: str
    # gold action mentions: (start, end, instance id or "")
    actions: list[tuple[int, int, str]]
    # character ranges of the annotated sentences
    annotated: list[tuple[int, int]]


def _annotated(csv_path: Path) -> dict[str, set[int]]:
    out: dict[str, set[int]] = defaultdict(set)
    with csv_path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            out[f"{row['Topic']}_{row['File']}"].add(int(row["Sentence Number"]))
    return out


def _load(path: Path, annotated: set[int]) -> _Doc:
    root = ET.parse(path).getroot()
    pos: dict[str, tuple[int, int]] = {}
    sent_span: dict[int, list[int]] = {}
    parts: list[str] = []
    cursor, last_sentence = 0, None
    for tok in root.iter("token"):
        s = int(tok.get("sentence", "0"))
        if last_sentence is not None:
            sep = " " if s == last_sentence else "\n"
            parts.append(sep)
            cursor += 1
        word = tok.text or ""
        pos[tok.get("t_id", "")] = (cursor, cursor + len(word))
        span = sent_span.setdefault(s, [cursor, cursor + len(word)])
        span[1] = cursor + len(word)
        parts.append(word)
        cursor += len(word)
        last_sentence = s
    instance: dict[str, str] = {}
    for rel in root.iter("CROSS_DOC_COREF"):
        note = rel.get("note", "")
        if note.startswith("ACT") or note.startswith("NEG"):
            for src in rel.iter("source"):
                instance[src.get("m_id", "")] = note
    actions = []
    markables = root.find("Markables")
    for el in list(markables) if markables is not None else []:
        if el.tag.startswith(("ACTION", "NEG_ACTION")):
            spans = [
                pos[a.get("t_id", "")] for a in el.iter("token_anchor") if a.get("t_id") in pos
            ]
            if spans:
                start, end = min(s for s, _ in spans), max(e for _, e in spans)
                actions.append((start, end, instance.get(el.get("m_id", ""), "")))
    ranges = [(a, b) for s, (a, b) in sorted(sent_span.items()) if s in annotated]
    return _Doc(f"d-{path.stem}", "".join(parts), actions, ranges)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate(ecb_dir: Path, csv_path: Path, nlp: Any, n_topics: int = N_TOPICS) -> dict[str, float]:
    from newsprism.crossdoc.events import merge_events
    from newsprism.crossdoc.link import entity_index, link_entities
    from newsprism.extract.entities import extract_mentions
    from newsprism.extract.events import extract_events

    sentences = _annotated(csv_path)
    topics = sorted((p for p in ecb_dir.iterdir() if p.is_dir()), key=lambda p: int(p.name))
    predicted = correct = gold_total = gold_hit = 0
    b3_p: list[float] = []
    b3_r: list[float] = []
    for topic in topics[:n_topics]:
        docs = [_load(p, sentences.get(p.stem, set())) for p in sorted(topic.glob("*.xml"))]
        mentions, events = [], []
        for d, sdoc in zip(docs, nlp.pipe([d.text for d in docs], batch_size=16), strict=True):
            ms = extract_mentions(d.doc_id, sdoc)
            mentions.extend(ms)
            found = extract_events(d.doc_id, sdoc, ms, None)
            events.extend(found)
            inside = [e for e in found if any(_overlap(e.trigger, r) for r in d.annotated)]
            predicted += len(inside)
            correct += sum(1 for e in inside if any(_overlap(e.trigger, a[:2]) for a in d.actions))
            gold = [a for a in d.actions if any(_overlap(a[:2], r) for r in d.annotated)]
            gold_total += len(gold)
            gold_hit += sum(1 for a in gold if any(_overlap(e.trigger, a[:2]) for e in found))
        entities = link_entities(mentions, {d.doc_id: d.text for d in docs})
        merged = merge_events(events, entities, entity_index(entities))
        cluster_of = {(ev.document, ev.span): i for i, m in enumerate(merged) for ev in m.evidence}
        by_doc = {d.doc_id: d for d in docs}
        items: list[tuple[int, str]] = []
        for e in events:
            cluster = cluster_of.get((e.document, e.evidence))
            gold_ids = [
                a[2] for a in by_doc[e.document].actions if a[2] and _overlap(e.trigger, a[:2])
            ]
            if cluster is not None and gold_ids:
                items.append((cluster, gold_ids[0]))
        for c, g in items:
            same_c = [x for x in items if x[0] == c]
            same_g = [x for x in items if x[1] == g]
            both = sum(1 for x in same_c if x[1] == g)
            b3_p.append(both / len(same_c))
            b3_r.append(both / len(same_g))
    p = sum(b3_p) / len(b3_p) if b3_p else 0.0
    r = sum(b3_r) / len(b3_r) if b3_r else 0.0
    return {
        "trigger_precision": correct / predicted if predicted else 0.0,
        "trigger_recall": gold_hit / gold_total if gold_total else 0.0,
        "triggers": float(predicted),
        "b3_precision": p,
        "b3_recall": r,
        "b3_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "b3_items": float(len(b3_p)),
    }


@pytest.mark.shared
def test_eval_events_ecbplus(evaldata_dir: Path, nlp: Any) -> None:
    root = evaldata_dir / "ecbplus"
    result = evaluate(
        root / "ECB+", root / "ECB+_LREC2014" / "ECBplus_coreference_sentences.csv", nlp
    )
    print(json.dumps(result, indent=1))
    floors = json.loads(FLOORS.read_text(encoding="utf-8")).get("events_ecbplus", {})
    for key, floor in floors.items():
        assert result[key] >= floor, f"{key} {result[key]:.3f} fell below its floor {floor}"
