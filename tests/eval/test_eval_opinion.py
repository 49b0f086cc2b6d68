"""Opinion / reporting sentence voices on PolNeAR dev, gated by floors in floors.json.

PolNeAR annotates attributions (Source, Cue, Content) in political news; it does
not annotate opinion. So the check is what the annotation can tell us:

* ``attributed_p`` / ``attributed_r`` — a sentence is *gold attributed* when it
  holds an annotated Cue, or at least half of its non-space characters lie in
  annotated Content. Precision and recall of the sentences we call
  ``attributed``.
* ``opinion_outside`` — of the sentences we call ``opinion`` (the author's own
  evaluation), the share that are not gold attributed: an "opinion" sentence
  that the annotators gave to a quoted source is a clear error.
* ``factual_outside`` — the same for ``factual`` sentences.
* ``opinion_rate`` — opinion sentences over all counted sentences: these are
  news reports, so it should stay low (reported, not gated);
  ``gold_attributed_rate`` — the share of sentences that are gold attributed,
  the chance level the two ``*_outside`` figures compare with.

Where several annotators did one article, the first annotation file in name
order is the gold (as in ``test_eval_quotes``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

FLOORS = Path(__file__).with_name("floors.json")
_FRAG = re.compile(r"(\d+) (\d+)")


def read_spans(path: Path) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(content fragments, cue fragments) of one brat annotation file."""
    content: list[tuple[int, int]] = []
    cues: list[tuple[int, int]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if not line.startswith("T") or len(parts) < 2:
            continue
        label, _, offsets = parts[1].partition(" ")
        frags = [(int(a), int(b)) for a, b in _FRAG.findall(offsets)]
        if label == "Content":
            content += frags
        elif label == "Cue":
            cues += frags
    return content, cues


def load_split(root: Path, split: str) -> list[tuple[str, str, Path]]:
    base = root / "data" / split
    anns: dict[str, Path] = {}
    for ann in sorted((base / "attributions").glob("*.ann")):
        anns.setdefault(ann.name.rsplit("_", 1)[0], ann)
    out = []
    for name, ann in sorted(anns.items()):
        txt = base / "text" / f"{name}.txt"
        if txt.exists():
            out.append((name, txt.read_text(encoding="utf-8"), ann))
    return out


def gold_attributed(text: str, span: tuple[int, int], content: list[bool], cue: list[bool]) -> bool:
    chars = [i for i in range(*span) if not text[i].isspace()]
    if any(cue[i] for i in range(*span)):
        return True
    return bool(chars) and 2 * sum(content[i] for i in chars) >= len(chars)


def evaluate(root: Path, split: str, nlp: Any, limit: int | None = None) -> dict[str, float]:
    from newsprism.extract.entities import extract_mentions
    from newsprism.extract.sentences import sentence_features

    docs = load_split(root, split)[:limit]
    counts = {
        k: 0 for k in ("sent", "gold", "attr", "attr_hit", "op", "op_out", "fact", "fact_out")
    }
    for (name, text, ann), sdoc in zip(
        docs, nlp.pipe((d[1] for d in docs), batch_size=16), strict=True
    ):
        content_spans, cue_spans = read_spans(ann)
        content = [False] * (len(text) + 1)
        cue = [False] * (len(text) + 1)
        for spans, mask in ((content_spans, content), (cue_spans, cue)):
            for a, b in spans:
                for i in range(a, min(b, len(text))):
                    mask[i] = True
        for feat in sentence_features(sdoc, extract_mentions(name, sdoc)):
            if feat.voice == "other":
                continue
            gold = gold_attributed(text, feat.span, content, cue)
            counts["sent"] += 1
            counts["gold"] += gold
            if feat.voice == "attributed":
                counts["attr"] += 1
                counts["attr_hit"] += gold
            elif feat.voice == "opinion":
                counts["op"] += 1
                counts["op_out"] += not gold
            else:
                counts["fact"] += 1
                counts["fact_out"] += not gold

    def ratio(a: int, b: int) -> float:
        return round(a / b, 4) if b else 0.0

    return {
        "docs": float(len(docs)),
        "sentences": float(counts["sent"]),
        "attributed_p": ratio(counts["attr_hit"], counts["attr"]),
        "attributed_r": ratio(counts["attr_hit"], counts["gold"]),
        "opinion_outside": ratio(counts["op_out"], counts["op"]),
        "factual_outside": ratio(counts["fact_out"], counts["fact"]),
        "opinion_rate": ratio(counts["op"], counts["sent"]),
        "gold_attributed_rate": ratio(counts["gold"], counts["sent"]),
        "opinion_sentences": float(counts["op"]),
    }


def test_eval_opinion_polnear_dev_floors(evaldata_dir: Path, nlp: Any) -> None:
    root = evaldata_dir / "polnear"
    if not root.exists():
        pytest.skip(f"PolNeAR not found at {root}")
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))["opinion_polnear_dev"]
    figures = evaluate(root, "dev", nlp)
    low = {k: (figures[k], v) for k, v in floors.items() if figures[k] < v}
    assert not low, f"opinion/reporting quality below floor (measured, floor): {low}"


if (
    __name__ == "__main__"
):  # print the figures: python tests/eval/test_eval_opinion.py [split] [limit]
    import sys

    from newsprism.nlp import load_model

    split = sys.argv[1] if len(sys.argv) > 1 else "dev"
    lim = int(sys.argv[2]) if len(sys.argv) > 2 else None
    shared = Path(__file__).resolve().parents[3] / "shared" / "evaldata" / "polnear"
    print(json.dumps(evaluate(shared, split, load_model(), lim), indent=1))
