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

Statement facts (the claim graph, issue 14) are scored as links between
sentences: every pair of claims from different documents that one statement
fact puts together is a predicted link.

* ``stmt_precision``: among predicted links where both sentences carry gold
  action mentions, the share whose sentences share a gold cross-document
  action instance (the same proposition);
* ``stmt_recall``: among gold links (two claim sentences of different
  documents sharing a gold action instance), the share predicted;
* ``stmt_cross_event``: the share of predicted links joining the two different
  events of a topic — the background-merge error;
* ``lexical_*``: the same figures for a lexical baseline in the same run,
  linking every cross-document pair of claims whose content lemmas overlap
  by at least ``LEXICAL_BASELINE`` Jaccard (all pairs: fine for an eval).

``event_precision``, ``action_precision`` and ``multi_doc_facts`` count every
fact (values and statements), as they did before statements had their own figures.

MEANTIME (``test_eval_facts_meantime_statements``) is a second, small check: the
same link scores against its cross-document event chains (8 gold links among the
claims of 120 documents), beside the same lexical baseline.

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
LEXICAL_BASELINE = 0.3


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
    from newsprism.crossdoc.graph import build_facts as align_facts
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
        gold = _gold_links(claims, by_id)
        stats["gold_links"] += len(gold)
        _score_links(stats, "stmt", _statement_links(facts, claim_by_id), claims, by_id, gold)
        _score_links(stats, "lexical", _lexical_links(claims), claims, by_id, gold)
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
        "gold_links": stats["gold_links"],
        **{f"{k}_{m}": v for k in ("stmt", "lexical") for m, v in _rates(stats, k).items()},
    }


def _line(doc: _EcbDoc, start: int) -> int:
    return bisect.bisect_right(doc.line_starts, start) - 1


def _statement_links(facts: list[Any], claims: dict[str, Any]) -> set[tuple[str, str]]:
    links: set[tuple[str, str]] = set()
    for fact in facts:
        if fact.kind != "statement":
            continue
        members = sorted({c for v in fact.values for c in v.claims})
        for a, b in combinations(members, 2):
            if claims[a].document != claims[b].document:
                links.add((a, b))
    return links


def _lexical_links(claims: list[Any]) -> set[tuple[str, str]]:
    bags = [(c.id, c.document, frozenset(c.lemmas)) for c in claims]
    links: set[tuple[str, str]] = set()
    for (ia, da, la), (ib, db, lb) in combinations(bags, 2):
        if da != db and la and lb and len(la & lb) / len(la | lb) >= LEXICAL_BASELINE:
            links.add((min(ia, ib), max(ia, ib)))
    return links


def _actions(claim: Any, docs: dict[str, _EcbDoc]) -> set[str]:
    doc = docs[claim.document]
    return doc.actions.get(_line(doc, claim.span[0]), set())


def _gold_links(claims: list[Any], docs: dict[str, _EcbDoc]) -> set[tuple[str, str]]:
    """Cross-document pairs of claim sentences that share a gold action instance."""
    by_action: dict[str, list[Any]] = {}
    for c in claims:
        for a in _actions(c, docs):
            by_action.setdefault(a, []).append(c)
    return {(min(x.id, y.id), max(x.id, y.id)) for group in by_action.values()
            for x, y in combinations(group, 2) if x.document != y.document}


def _score_links(stats: Counter[str], key: str, links: set[tuple[str, str]],
                 claims: list[Any], docs: dict[str, _EcbDoc], gold: set[tuple[str, str]]) -> None:
    by_id = {c.id: c for c in claims}
    for a, b in links:
        ca, cb = by_id[a], by_id[b]
        stats[f"{key}_links"] += 1
        stats[f"{key}_cross_event"] += docs[ca.document].event != docs[cb.document].event
        aa, ab = _actions(ca, docs), _actions(cb, docs)
        if aa and ab:
            stats[f"{key}_judged"] += 1
            stats[f"{key}_correct"] += bool(aa & ab)
    stats[f"{key}_found"] += len(gold & links)


def _rates(stats: Counter[str], key: str) -> dict[str, float]:
    return {
        "links": stats[f"{key}_links"],
        "precision": round(stats[f"{key}_correct"] / max(1, stats[f"{key}_judged"]), 3),
        "recall": round(stats[f"{key}_found"] / max(1, stats["gold_links"]), 3),
        "cross_event": round(stats[f"{key}_cross_event"] / max(1, stats[f"{key}_links"]), 3),
    }


@pytest.mark.shared
def test_eval_facts_ecbplus_alignment(evaldata_dir: Path, nlp: Any) -> None:
    result = evaluate(evaldata_dir / "ecbplus" / "ECB+", nlp)
    print(json.dumps(result, indent=2))
    floors = json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.exists() else {}
    assert result["multi_doc_facts"] >= floors.get("facts_ecbplus_multi_doc_facts", 1)
    assert result["event_precision"] >= floors.get("facts_ecbplus_event_precision", 0.0)
    assert result["event_precision"] > result["baseline_event_precision"]
    stmt = floors.get("facts_ecbplus_statements", {})
    assert result["stmt_precision"] >= stmt.get("precision", 0.0)
    assert result["stmt_recall"] >= stmt.get("recall", 0.0)
    assert result["stmt_cross_event"] <= stmt.get("cross_event_max", 1.0)
    assert result["stmt_precision"] > result["lexical_precision"]


# ---------------------------------------------------------------- MEANTIME (second check)


def load_meantime_events(root: Path) -> dict[str, list[_EcbDoc]]:
    """Per topic, documents with one line per sentence and, per line, the gold event
    chains mentioned in it (only chains that span documents matter for links)."""
    import csv

    words: dict[str, dict[int, list[str]]] = {}
    with (root / "conll.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            key = row["topic/subtopic_name"]
            words.setdefault(key, {}).setdefault(int(row["sent_id"]), []).append(row["token"])
    chains: dict[tuple[str, int], set[str]] = {}
    for m in json.loads((root / "event_mentions.json").read_text(encoding="utf-8")):
        chains.setdefault((m["conll_doc_key"], m["sent_id"]), set()).add(m["coref_chain"])
    topics: dict[str, list[_EcbDoc]] = {}
    for key in sorted(words):
        order = sorted(words[key])
        lines = [" ".join(words[key][s]) for s in order]
        starts, pos = [], 0
        for line in lines:
            starts.append(pos)
            pos += len(line) + 1
        actions = {i: chains[(key, s)] for i, s in enumerate(order) if (key, s) in chains}
        doc = _EcbDoc(f"d-{key.replace('/', '-')}", key, "\n".join(lines), starts, actions)
        topics.setdefault(key.split("/")[0], []).append(doc)
    return topics


def evaluate_meantime(root: Path, nlp: Any) -> dict[str, float]:
    """Statement links against MEANTIME's event chains, beside the lexical baseline."""
    from newsprism.crossdoc.graph import build_facts
    from newsprism.crossdoc.link import entity_index, link_entities
    from newsprism.extract.claims import extract_claims
    from newsprism.extract.entities import extract_mentions
    from newsprism.models import Document

    stats: Counter[str] = Counter()
    for docs_gold in load_meantime_events(root).values():
        docs = [Document(id=d.doc_id, input=d.doc_id, text=d.text) for d in docs_gold]
        by_id = {d.doc_id: d for d in docs_gold}
        claims, mentions = [], []
        for d, sdoc in zip(docs_gold, nlp.pipe([d.text for d in docs_gold], batch_size=16),
                           strict=True):
            found = extract_mentions(d.doc_id, sdoc)
            mentions += found
            claims += extract_claims(d.doc_id, sdoc, None, found)
        entities = link_entities(mentions, {d.id: d.text for d in docs})
        facts = build_facts(claims, docs, entity_index(entities), entities)
        claim_by_id = {c.id: c for c in claims}
        gold = _gold_links(claims, by_id)
        stats["gold_links"] += len(gold)
        _score_links(stats, "stmt", _statement_links(facts, claim_by_id), claims, by_id, gold)
        _score_links(stats, "lexical", _lexical_links(claims), claims, by_id, gold)
        stats["documents"] += len(docs)
        stats["claims"] += len(claims)
    # Every MEANTIME document is its own "event" label here: cross_event says nothing.
    return {"documents": stats["documents"], "claims": stats["claims"],
            "gold_links": stats["gold_links"], "stmt_judged": stats["stmt_judged"],
            **{f"{k}_{m}": v for k in ("stmt", "lexical") for m, v in _rates(stats, k).items()
               if m != "cross_event"}}


@pytest.mark.shared
def test_eval_facts_meantime_statements(evaldata_dir: Path, nlp: Any) -> None:
    result = evaluate_meantime(evaldata_dir / "meantime_en", nlp)
    print(json.dumps(result, indent=2))
    # Only 8 gold cross-document links fall between claims, and 2 to 6 of the graph's
    # links can be judged: too few for a precision floor (it moved from 0.33 to 0 with
    # upstream entity changes). The check is that the graph links, and links far more
    # selectively than word overlap in the same run.
    assert 1 <= result["stmt_links"] <= result["lexical_links"] // 5
