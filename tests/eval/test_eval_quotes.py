"""Quote and attribution quality on PolNeAR dev, gated by floors in floors.json.

Matching rule (also in docs/evaluation.md): a predicted quote matches a gold
Content when its span covers at least half of the gold content's characters
(discontinuous gold content counts only its fragments); matching is one-to-one,
greedy by overlap. "content + speaker" also needs the predicted speaker_span to
overlap the gold Source span (or both to be absent). "direct" compares gold
contents that begin and end with a quotation mark against predicted
direct/partial quotes. Predicted spans nested inside another prediction with the
same cue are not scored on their own, since PolNeAR gives every token to at
most one attribution. Where several annotators did one article, the first
annotation file in name order is the gold.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

FLOORS = Path(__file__).with_name("floors.json")
QUOTE_CHARS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"
_FRAG = re.compile(r"(\d+) (\d+)")


@dataclass(frozen=True)
class Gold:
    content: tuple[tuple[int, int], ...]
    source: tuple[tuple[int, int], ...]
    direct: bool


@dataclass(frozen=True)
class Pred:
    frags: tuple[tuple[int, int], ...]
    speaker: tuple[int, int] | None
    direct: bool


def read_ann(path: Path) -> list[Gold]:
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...], str]] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            frags = tuple((int(a), int(b)) for a, b in _FRAG.findall(offsets))
            spans[parts[0]] = (label, frags, parts[2] if len(parts) > 2 else "")
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(r.split(":", 1) for r in parts[1].split() if ":" in r)
            relations.append(roles)
    out: list[Gold] = []
    for roles in relations:
        if "Content" not in roles or roles["Content"] not in spans:
            continue
        _, content, text = spans[roles["Content"]]
        source = spans[roles["Source"]][1] if roles.get("Source") in spans else ()
        stripped = text.strip().rstrip(".,;:")
        direct = len(stripped) > 1 and stripped[0] in QUOTE_CHARS and stripped[-1] in QUOTE_CHARS
        out.append(Gold(content, source, direct))
    return out


def load_split(root: Path, split: str) -> list[tuple[str, str, list[Gold]]]:
    """``(name, text, gold)`` per article of a PolNeAR split, in name order."""
    base = root / "data" / split
    anns: dict[str, Path] = {}
    for ann in sorted((base / "attributions").glob("*.ann")):
        anns.setdefault(ann.name.rsplit("_", 1)[0], ann)
    docs = []
    for name, ann in sorted(anns.items()):
        txt = base / "text" / f"{name}.txt"
        if txt.exists():
            docs.append((name, txt.read_text(encoding="utf-8"), read_ann(ann)))
    return docs


def _overlap(span: tuple[int, int], frags: Iterable[tuple[int, int]]) -> int:
    return sum(max(0, min(span[1], b) - max(span[0], a)) for a, b in frags)


def _overlap_all(pred: Iterable[tuple[int, int]], gold: Iterable[tuple[int, int]]) -> int:
    gold = list(gold)
    return sum(_overlap(p, gold) for p in pred)


def score(golds: Sequence[Gold], preds: Sequence[Pred], with_speaker: bool) -> tuple[int, int, int]:
    """(true positives, predicted, gold) for one document."""
    pairs = []
    for gi, g in enumerate(golds):
        size = sum(b - a for a, b in g.content)
        for pi, p in enumerate(preds):
            ov = _overlap_all(p.frags, g.content)
            if size and ov * 2 >= size:
                if with_speaker:
                    if not g.source and p.speaker is not None:
                        continue
                    if g.source and (p.speaker is None or _overlap(p.speaker, g.source) == 0):
                        continue
                pairs.append((-ov, gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, gi, pi in sorted(pairs):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
    return len(used_g), len(preds), len(golds)


def predictions(doc_id: str, sdoc: Any) -> list[Pred]:
    from newsprism.extract.quotes import extract_quotes

    mentions = [_Mention(e.start_char, e.end_char, e.label_) for e in sdoc.ents]
    quotes = extract_quotes(doc_id, sdoc, mentions)
    # One attribution = one cue: “A,” she said, “B.” is one gold Content.
    by_cue: dict[object, list[Any]] = {}
    for q in quotes:
        nested = any(
            o is not q
            and o.cue_span == q.cue_span
            and o.span[0] <= q.span[0]
            and q.span[1] <= o.span[1]
            for o in quotes
        )
        if nested:
            continue
        key = ("cue", q.cue_span, q.kind == "direct") if q.cue_span else ("span", q.span)
        by_cue.setdefault(key, []).append(q)
    return [
        Pred(tuple(q.span for q in group), group[0].speaker_span, group[0].kind == "direct")
        for group in by_cue.values()
    ]


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    label: str


def evaluate(root: Path, split: str, nlp: Any, limit: int | None = None) -> dict[str, float]:
    docs = load_split(root, split)[:limit]
    totals = {k: [0, 0, 0] for k in ("direct", "direct_speaker", "all", "all_speaker")}
    for (name, _, golds), sdoc in zip(
        docs, nlp.pipe((d[1] for d in docs), batch_size=16), strict=True
    ):
        preds = predictions(name, sdoc)
        direct_g = [g for g in golds if g.direct]
        direct_p = [p for p in preds if p.direct]
        for key, gs, ps, spk in (
            ("direct", direct_g, direct_p, False),
            ("direct_speaker", direct_g, direct_p, True),
            ("all", golds, preds, False),
            ("all_speaker", golds, preds, True),
        ):
            tp, np_, ng = score(gs, ps, spk)
            totals[key][0] += tp
            totals[key][1] += np_
            totals[key][2] += ng
    out: dict[str, float] = {"docs": float(len(docs))}
    for key, (tp, np_, ng) in totals.items():
        p = tp / np_ if np_ else 0.0
        r = tp / ng if ng else 0.0
        out[f"{key}_p"] = round(p, 4)
        out[f"{key}_r"] = round(r, 4)
        out[f"{key}_f1"] = round(2 * p * r / (p + r) if p + r else 0.0, 4)
        out[f"{key}_gold"] = float(ng)
    return out


def test_eval_quotes_polnear_dev_floors(evaldata_dir: Path, nlp: Any) -> None:
    root = evaldata_dir / "polnear"
    if not root.exists():
        pytest.skip(f"PolNeAR not found at {root}")
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))["quotes_polnear_dev"]
    figures = evaluate(root, "dev", nlp)
    low = {k: (figures[k], v) for k, v in floors.items() if figures[k] < v}
    assert not low, f"quote quality below floor (measured, floor): {low}"


if (
    __name__ == "__main__"
):  # print the figures: python tests/eval/test_eval_quotes.py [split] [limit]
    import sys

    from newsprism.nlp import load_model

    split = sys.argv[1] if len(sys.argv) > 1 else "dev"
    lim = int(sys.argv[2]) if len(sys.argv) > 2 else None
    shared = Path(__file__).resolve().parents[3] / "shared" / "evaldata" / "polnear"
    print(json.dumps(evaluate(shared, split, load_model(), lim), indent=1))
