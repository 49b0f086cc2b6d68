"""Cross-document coreference of named entities on MEANTIME and ECB+, gated by floors.

What is scored: gold mentions of people, organisations and places whose
syntactic head is a proper noun (named mentions; pronouns and common-noun
mentions such as "the company" are out of scope for the linker). Each gold
mention is matched to the extracted mention that contains its head token; the
response cluster of a gold mention is the linked entity of that mention, or a
singleton when no extracted mention covers the head (a miss costs recall).
Key and response are over the same gold mentions, singletons included.

Metrics: MUC, B³ and CEAF-e (entity-based, φ4 similarity, optimal one-to-one
alignment), and CoNLL F1 = their average. Baseline in the same run: gold
mentions with the same casefolded string are one entity (exact string match),
within the same story.

Stories: MEANTIME's four Wikinews topics (120 articles); the first
``ECB_TOPICS`` ECB+ topics, each topic (its two sub-events together) linked as
one story. Run the figures with ``python tests/eval/test_eval_entities.py``.
"""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

FLOORS = Path(__file__).with_name("floors.json")
ECB_TOPICS = 10
MEANTIME_TYPES = frozenset({"PER", "ORG", "LOC"})
ECB_PREFIXES = ("HUMAN_PART_PER", "HUMAN_PART_ORG", "HUMAN_PART_GPE", "LOC_GEO", "LOC_FAC")


# ---------------------------------------------------------------- metrics


def _clusters(assign: dict[Hashable, Hashable]) -> list[set[Hashable]]:
    groups: dict[Hashable, set[Hashable]] = defaultdict(set)
    for item, cluster in assign.items():
        groups[cluster].add(item)
    return list(groups.values())


def muc(key: list[set[Hashable]], response: list[set[Hashable]]) -> tuple[float, float]:
    """MUC precision and recall (Vilain et al. 1995): links kept, links found."""

    def side(a: list[set[Hashable]], b: list[set[Hashable]]) -> float:
        where = {m: i for i, c in enumerate(b) for m in c}
        num = den = 0
        for c in a:
            parts = {where.get(m, ("alone", m)) for m in c}
            num += len(c) - len(parts)
            den += len(c) - 1
        return num / den if den else 0.0

    return side(response, key), side(key, response)


def b_cubed(key: list[set[Hashable]], response: list[set[Hashable]]) -> tuple[float, float]:
    """B³ precision and recall (Bagga and Baldwin 1998), averaged over mentions."""
    k_of = {m: c for c in key for m in c}
    r_of = {m: c for c in response for m in c}
    items = list(k_of)
    if not items:
        return 0.0, 0.0
    p = sum(len(k_of[m] & r_of[m]) / len(r_of[m]) for m in items) / len(items)
    r = sum(len(k_of[m] & r_of[m]) / len(k_of[m]) for m in items) / len(items)
    return p, r


def ceaf_e(key: list[set[Hashable]], response: list[set[Hashable]]) -> tuple[float, float]:
    """Entity-based CEAF (Luo 2005) with φ4 = 2|K∩R| / (|K| + |R|)."""
    from scipy.optimize import linear_sum_assignment  # type: ignore[import-untyped]

    if not key or not response:
        return 0.0, 0.0
    r_index = {m: j for j, c in enumerate(response) for m in c}
    scores: dict[tuple[int, int], float] = {}
    for i, k in enumerate(key):
        for j in {r_index[m] for m in k if m in r_index}:
            scores[(i, j)] = 2 * len(k & response[j]) / (len(k) + len(response[j]))
    rows = sorted({i for i, _ in scores})
    cols = sorted({j for _, j in scores})
    if not rows:
        return 0.0, 0.0
    import numpy as np

    matrix = np.zeros((len(rows), len(cols)))
    for (i, j), s in scores.items():
        matrix[rows.index(i), cols.index(j)] = s
    ri, ci = linear_sum_assignment(-matrix)
    total = float(matrix[ri, ci].sum())
    return total / len(response), total / len(key)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def scores(key: dict[Hashable, Hashable], response: dict[Hashable, Hashable]) -> dict[str, float]:
    """MUC, B³, CEAF-e and CoNLL F1 of ``response`` against ``key`` (mention → cluster)."""
    k, r = _clusters(key), _clusters(response)
    out: dict[str, float] = {}
    for name, fn in (("muc", muc), ("b3", b_cubed), ("ceafe", ceaf_e)):
        p, rec = fn(k, r)
        out[f"{name}_p"], out[f"{name}_r"], out[f"{name}_f1"] = p, rec, _f1(p, rec)
    out["conll_f1"] = (out["muc_f1"] + out["b3_f1"] + out["ceafe_f1"]) / 3
    return {name: round(v, 4) for name, v in out.items()}


# ---------------------------------------------------------------- data


@dataclass
class _Doc:
    doc_id: str
    story: str
    text: str
    # gold named mentions: (start, end, chain id, head start, head end)
    gold: list[tuple[int, int, str, int, int]] = field(default_factory=list)


def load_meantime(root: Path) -> list[_Doc]:
    tokens: dict[str, dict[tuple[int, int], tuple[int, int]]] = defaultdict(dict)
    texts: dict[str, list[str]] = defaultdict(list)
    lengths: dict[str, int] = defaultdict(int)
    last_sent: dict[str, int] = {}
    with (root / "conll.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            key, sent, tok = row["topic/subtopic_name"], int(row["sent_id"]), int(row["token_id"])
            if key in last_sent:
                sep = " " if last_sent[key] == sent else "\n"
                texts[key].append(sep)
                lengths[key] += 1
            word = row["token"]
            tokens[key][(sent, tok)] = (lengths[key], lengths[key] + len(word))
            texts[key].append(word)
            lengths[key] += len(word)
            last_sent[key] = sent
    docs = {k: _Doc(k, k.split("/")[0], "".join(v)) for k, v in texts.items()}
    mentions = json.loads((root / "entities_mentions.json").read_text(encoding="utf-8"))
    for m in mentions:
        if m["mention_type"] not in MEANTIME_TYPES or m["mention_head_pos"] != "PROPN":
            continue
        key = m["conll_doc_key"]
        pos = tokens.get(key, {})
        spans = [pos[(m["sent_id"], t)] for t in m["tokens_number"] if (m["sent_id"], t) in pos]
        head = pos.get((m["sent_id"], m["mention_head_id"]))
        if not spans or head is None:
            continue
        # "cross_", "cross_intra_" and "intra_" prefix one instance number.
        chain = re.sub(r"^(?:cross_intra_|cross_|intra_)", "", m["coref_chain"])
        docs[key].gold.append((spans[0][0], spans[-1][1], chain, *head))
    return [docs[k] for k in sorted(docs)]


def load_ecbplus(ecb_dir: Path, n_topics: int = ECB_TOPICS) -> list[_Doc]:
    topics = sorted((p for p in ecb_dir.iterdir() if p.is_dir()), key=lambda p: int(p.name))
    out: list[_Doc] = []
    for topic in topics[:n_topics]:
        for path in sorted(topic.glob("*.xml")):
            out.append(_load_ecb(path, topic.name))
    return out


def _load_ecb(path: Path, story: str) -> _Doc:
    root = ET.parse(path).getroot()
    pos: dict[str, tuple[int, int]] = {}
    sentence_start: set[str] = set()
    parts: list[str] = []
    cursor, last = 0, None
    for tok in root.iter("token"):
        s = tok.get("sentence", "0")
        if last is not None:
            parts.append(" " if s == last else "\n")
            cursor += 1
        if s != last:
            sentence_start.add(tok.get("t_id", ""))
        word = tok.text or ""
        pos[tok.get("t_id", "")] = (cursor, cursor + len(word))
        parts.append(word)
        cursor += len(word)
        last = s
    doc = _Doc(f"d-{path.stem}", story, "".join(parts))
    chain: dict[str, str] = {}
    # Mentions chained inside one document only point at a token-less target.
    for rel in root.iter("INTRA_DOC_COREF"):
        target = next((t.get("m_id", "") for t in rel.iter("target")), "")
        for src in rel.iter("source"):
            chain[src.get("m_id", "")] = f"{doc.doc_id}:{target}"
    for rel in root.iter("CROSS_DOC_COREF"):
        note = rel.get("note", "")
        for src in rel.iter("source"):
            chain[src.get("m_id", "")] = note
    markables = root.find("Markables")
    for el in list(markables) if markables is not None else []:
        if not el.tag.startswith(ECB_PREFIXES):
            continue
        ids = [a.get("t_id", "") for a in el.iter("token_anchor") if a.get("t_id") in pos]
        if not ids:
            continue
        m_id = el.get("m_id", "")
        head = _ecb_head(doc.text, ids, pos, sentence_start)
        if head is None:
            continue
        ident = chain.get(m_id) or f"{doc.doc_id}:{m_id}"
        doc.gold.append((pos[ids[0]][0], pos[ids[-1]][1], ident, *head))
    return doc


_PRONOUNS = frozenset(
    ["i", "i'm", "he", "she", "it", "we", "they", "you", "me", "him", "her", "us", "them"]
)


def _ecb_head(
    text: str, ids: list[str], pos: dict[str, tuple[int, int]], sentence_start: set[str]
) -> tuple[int, int] | None:
    """Head of a named ECB+ mention: the last word of its first capitalised run.

    None for mentions that are not names: no capitalised word other than a
    sentence-initial one or a pronoun ("She", "Police said").
    """
    run: list[tuple[int, int]] = []
    for t in ids:
        a, b = pos[t]
        word = text[a:b]
        capital = word[:1].isupper() and word.lower() not in _PRONOUNS
        if capital and not (t in sentence_start and len(ids) == 1):
            run.append((a, b))
        elif run:
            break
    return run[-1] if run else None


# ---------------------------------------------------------------- evaluation


def evaluate(docs: Sequence[_Doc], nlp: Any) -> dict[str, Any]:
    """System and exact-string baseline scores over every story of ``docs``."""
    from newsprism.crossdoc.link import entity_index, link_entities
    from newsprism.extract.entities import extract_mentions

    stories: dict[str, list[_Doc]] = defaultdict(list)
    for d in docs:
        stories[d.story].append(d)
    key: dict[Hashable, Hashable] = {}
    system: dict[Hashable, Hashable] = {}
    baseline: dict[Hashable, Hashable] = {}
    matched = 0
    for story in sorted(stories):
        members = stories[story]
        mentions = []
        parsed = nlp.pipe([d.text for d in members], batch_size=16)
        for d, sdoc in zip(members, parsed, strict=True):
            mentions.extend(extract_mentions(d.doc_id, sdoc))
        entities = link_entities(mentions, {d.doc_id: d.text for d in members})
        index = entity_index(entities)
        by_doc: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for (doc_id, s, e), ent in index.items():
            by_doc[doc_id].append((s, e, ent))
        for d in members:
            for n, (start, end, chain, hs, he) in enumerate(d.gold):
                item = (d.doc_id, n)
                key[item] = (story, chain)
                baseline[item] = (story, d.text[start:end].casefold())
                hit = _response(by_doc[d.doc_id], start, end, hs, he)
                if hit:
                    matched += 1
                    system[item] = hit[0]
                else:
                    system[item] = ("alone", item)
    return {
        "mentions": len(key),
        "matched": matched,
        "system": scores(key, system),
        "baseline": scores(key, baseline),
    }


def _response(
    spans: list[tuple[int, int, str]], start: int, end: int, hs: int, he: int
) -> list[str]:
    """Entities of the extracted mention over the gold head, else of the last one inside.

    A gold mention headed by a role word ("Apple CEO Steve Jobs", head "CEO")
    is matched through the name it contains, the last one as in English
    noun phrases.
    """
    hit = [ent for s, e, ent in spans if s < he and hs < e]
    if hit:
        return hit
    inside = sorted((s, e, ent) for s, e, ent in spans if start <= s and e <= end)
    return [inside[-1][2]] if inside else []


def _check(result: dict[str, Any], floors: dict[str, float]) -> None:
    print(json.dumps(result, indent=1))
    low = {k: (result["system"][k], v) for k, v in floors.items() if result["system"][k] < v}
    assert not low, f"entity coreference below floor (measured, floor): {low}"


def test_eval_entities_metrics_known_values() -> None:
    key: dict[Hashable, Hashable] = {1: "a", 2: "a", 3: "a", 4: "b", 5: "b"}
    perfect = scores(key, dict(key))
    assert perfect["conll_f1"] == 1.0
    merged = scores(key, {k: "x" for k in key})
    # One response cluster over two key clusters: all links found, one extra.
    assert merged["muc_r"] == 1.0 and merged["muc_p"] == 0.75
    assert merged["b3_r"] == 1.0 and merged["b3_p"] == round((3 * 3 / 5 + 2 * 2 / 5) / 5, 4)
    split = scores(key, {**key, 3: "c"})
    assert split["muc_p"] == 1.0 and split["muc_r"] == 0.6667


@pytest.mark.shared
def test_eval_entities_meantime_floors(evaldata_dir: Path, nlp: Any) -> None:
    root = evaldata_dir / "meantime_en"
    if not root.exists():
        pytest.skip(f"MEANTIME not found at {root}")
    floors = json.loads(FLOORS.read_text(encoding="utf-8")).get("entities_meantime", {})
    _check(evaluate(load_meantime(root), nlp), floors)


@pytest.mark.shared
def test_eval_entities_ecbplus_floors(evaldata_dir: Path, nlp: Any) -> None:
    root = evaldata_dir / "ecbplus" / "ECB+"
    if not root.exists():
        pytest.skip(f"ECB+ not found at {root}")
    floors = json.loads(FLOORS.read_text(encoding="utf-8")).get("entities_ecbplus", {})
    _check(evaluate(load_ecbplus(root), nlp), floors)


if __name__ == "__main__":  # python tests/eval/test_eval_entities.py [meantime|ecbplus]
    import sys

    from newsprism.nlp import load_model

    shared = Path(__file__).resolve().parents[3] / "shared" / "evaldata"
    which = sys.argv[1:] or ["meantime", "ecbplus"]
    model = load_model()
    if "meantime" in which:
        print("MEANTIME", json.dumps(evaluate(load_meantime(shared / "meantime_en"), model)))
    if "ecbplus" in which:
        print("ECB+", json.dumps(evaluate(load_ecbplus(shared / "ecbplus" / "ECB+"), model)))
