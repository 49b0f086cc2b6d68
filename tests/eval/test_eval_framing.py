"""Framing on annotated data: opinion and bias on BABE, tone toward a person on NewsMTSC.

Each figure is measured beside the method the package used before issue 15
(``framing_baseline``: a frozen copy of the old ``extract/sentences.py``), in
the same run, and gated by floors in ``floors.json``.

**BABE** (Spinde et al. 2021, ``../shared/evaldata/babe_mbic``, AGPL: read from
``../shared`` only, never copied). 3,674 news sentences (expert group SG2) with
a bias label, an opinion label and the biased words marked. Split: the SG2
sentences that also appear in SG1 are *dev* (used to set the thresholds of
``sources.subjectivity``), the rest (≈1,980) are *test*, the reported part.

* ``opinion_f1`` — macro-F1 of "the sentence is the author's opinion" (our
  ``voice == "opinion"``) against "Entirely factual" vs the two opinionated
  labels ("No agreement" dropped).
* ``bias_f1`` — macro-F1 of "has a word-choice cue in the author's voice"
  (``evaluative`` or ``loaded`` marker) against Biased / Non-biased.
* ``word_p`` / ``word_r`` / ``word_f1`` — the words we mark ``evaluative`` or
  ``loaded`` against the annotators' biased words, per sentence, micro over all
  test sentences (a mark in a non-biased sentence is a false positive).

**NewsMTSC** (Hamborg & Donnay 2021, MIT), real-world split: the sentiment
toward a target person in one news sentence (negative / neutral / positive).
``targeted`` is ``sources.targeted.target_tone`` as the product runs it (only
words tied to the mention); ``clause`` the same scorer with the rest of the
mention's clause at ``RECALL_CLAUSE_WEIGHT`` (more calls, fewer right);
``baseline`` the old method (the sentence's VADER compound over its own
words, counted only when the person is the sentence's subject or target).
``*_f1`` is macro-F1 on the test split; each method's two thresholds are
chosen on the dev split only.
``*_direction_p`` — of the method's polar calls, the share whose polarity is
the gold's; ``*_wrong_way`` — the share that point opposite to the gold
(reported: the error a reader of a tone cannot see).
"""

from __future__ import annotations

import ast
import csv
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

from newsprism.sources.subjectivity import WORD_CHOICE

FLOORS = Path(__file__).with_name("floors.json")
Row = tuple[str, bool | None, bool | None, frozenset[str]]


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh, delimiter=";"))


def load_babe(root: Path) -> tuple[list[Row], list[Row]]:
    """(dev, test) rows: text, biased?, opinion?, lowercase biased words."""
    data = root / "data"
    in_sg1 = {r["text"] for r in _rows(data / "final_labels_SG1.csv")}
    dev: list[Row] = []
    test: list[Row] = []
    for r in _rows(data / "final_labels_SG2.csv"):
        bias = {"Biased": True, "Non-biased": False}.get(r["label_bias"])
        op_label = r["label_opinion"]
        opinion = None if op_label == "No agreement" else op_label != "Entirely factual"
        try:
            marked = ast.literal_eval(r["biased_words"] or "[]")
        except (ValueError, SyntaxError):
            marked = []
        words = frozenset(w.lower() for phrase in marked for w in str(phrase).split())
        (dev if r["text"] in in_sg1 else test).append((r["text"], bias, opinion, words))
    return dev, test


def macro_f1(pairs: Iterable[tuple[Any, Any]], labels: Iterable[Any]) -> float:
    pairs = list(pairs)
    scores = []
    for lab in labels:
        tp = sum(1 for g, p in pairs if g == lab and p == lab)
        fp = sum(1 for g, p in pairs if g != lab and p == lab)
        fn = sum(1 for g, p in pairs if g == lab and p != lab)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return round(sum(scores) / len(scores), 4)


def sentence_cues(sdoc: Any, features: Iterable[Any]) -> tuple[bool, set[str]]:
    """(any sentence is opinion, lowercase words marked evaluative/loaded) of one text."""
    text = sdoc.text
    opinion = False
    words: set[str] = set()
    for f in features:
        opinion |= bool(getattr(f, "opinion", f.voice == "opinion"))
        for m in f.markers:
            if m.kind in WORD_CHOICE:
                words |= {
                    w.lower().strip(".,;:!?\"'“”‘’") for w in text[m.span[0] : m.span[1]].split()
                }
    return opinion, words


def score_babe(rows: list[Row], predictions: list[tuple[bool, set[str]]]) -> dict[str, float]:
    op = [(g, p[0]) for (_, _, g, _), p in zip(rows, predictions, strict=True) if g is not None]
    bias = [
        (g, bool(p[1])) for (_, g, _, _), p in zip(rows, predictions, strict=True) if g is not None
    ]
    tp = fp = fn = 0
    for (_, _, _, gold), (_, words) in zip(rows, predictions, strict=True):
        tp += len(words & gold)
        fp += len(words - gold)
        fn += len(gold - words)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "sentences": float(len(rows)),
        "opinion_f1": macro_f1(op, (True, False)),
        "bias_f1": macro_f1(bias, (True, False)),
        "word_p": round(p, 4),
        "word_r": round(r, 4),
        "word_f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "opinion_rate": round(sum(1 for _, x in op if x) / len(op), 4) if op else 0.0,
    }


def evaluate_babe(root: Path, nlp: Any, part: str = "test") -> dict[str, dict[str, float]]:
    from framing_baseline import sentence_features as old_features

    from newsprism.extract.sentences import sentence_features

    dev, test = load_babe(root)
    rows = dev if part == "dev" else test
    new: list[tuple[bool, set[str]]] = []
    old: list[tuple[bool, set[str]]] = []
    for sdoc in nlp.pipe((r[0] for r in rows), batch_size=64):
        new.append(sentence_cues(sdoc, sentence_features(sdoc)))
        old.append(sentence_cues(sdoc, old_features(sdoc)))
    return {"new": score_babe(rows, new), "baseline": score_babe(rows, old)}


# --- NewsMTSC ---------------------------------------------------------------

POLARITY = {2.0: "neg", 4.0: "neu", 6.0: "pos"}


def load_newsmtsc(root: Path, split: str) -> list[tuple[str, int, int, str]]:
    """(sentence, target start, target end, gold label) of one split of the real-world set."""
    out = []
    path = root / "splits" / "newsmtsc-rw" / f"{split}.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        targets = item["targets"]
        target = next((t for t in targets if t["Input.gid"] == item["primary_gid"]), targets[0])
        label = POLARITY.get(float(target["polarity"]))
        if label:
            out.append((item["sentence_normalized"], target["from"], target["to"], label))
    return out


def _label(score: float, neg: float, pos: float) -> str:
    return "neg" if score <= -neg else "pos" if score >= pos else "neu"


def _thresholds(scores: list[float], gold: list[str]) -> tuple[float, float]:
    """The (neg, pos) cut-offs that maximise macro-F1 on ``scores`` (the dev split)."""
    grid = [0.0001, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6]
    best = (-1.0, 0.05, 0.05)
    for neg in grid:
        for pos in grid:
            f1 = macro_f1(
                ((g, _label(s, neg, pos)) for s, g in zip(scores, gold, strict=True)),
                ("neg", "neu", "pos"),
            )
            if f1 > best[0]:
                best = (f1, neg, pos)
    return best[1], best[2]


def _targeted(sdoc: Any, start: int, end: int) -> float:
    from newsprism.sources.targeted import target_tone

    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return 0.0
    return target_tone(span, lambda _t: True)[0]


def _clause(sdoc: Any, start: int, end: int) -> float:
    from newsprism.sources.targeted import RECALL_CLAUSE_WEIGHT, target_tone

    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return 0.0
    return target_tone(span, lambda _t: True, RECALL_CLAUSE_WEIGHT)[0]


def _old_tone(sdoc: Any, start: int, end: int) -> float:
    from framing_baseline import _role
    from framing_baseline import sentence_features as old_features

    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or _role(span.root) is None:
        return 0.0
    feats = [f for f in old_features(sdoc) if f.span[0] <= start < f.span[1]]
    return feats[0].tone if feats else 0.0


def evaluate_newsmtsc(root: Path, nlp: Any) -> dict[str, float]:
    methods: dict[str, Callable[[Any, int, int], float]] = {
        "targeted": _targeted,
        "clause": _clause,
        "baseline": _old_tone,
    }
    scores: dict[str, dict[str, list[float]]] = {m: {} for m in methods}
    gold: dict[str, list[str]] = {}
    for split in ("dev", "test"):
        items = load_newsmtsc(root, split)
        gold[split] = [g for *_, g in items]
        for name in methods:
            scores[name][split] = []
        for (_, start, end, _), sdoc in zip(items, nlp.pipe(i[0] for i in items), strict=True):
            for name, fn in methods.items():
                scores[name][split].append(fn(sdoc, start, end))
    out: dict[str, float] = {"test_items": float(len(gold["test"]))}
    for name in methods:
        neg, pos = _thresholds(scores[name]["dev"], gold["dev"])
        preds = [_label(s, neg, pos) for s in scores[name]["test"]]
        out[f"{name}_f1"] = macro_f1(zip(gold["test"], preds, strict=True), ("neg", "neu", "pos"))
        made = [(g, p) for g, p in zip(gold["test"], preds, strict=True) if p != "neu"]
        # Of the polar calls, the share that point the gold's way / the opposite way.
        out[f"{name}_direction_p"] = round(sum(g == p for g, p in made) / len(made), 4)
        out[f"{name}_wrong_way"] = round(sum(g not in ("neu", p) for g, p in made) / len(made), 4)
        out[f"{name}_neg_cut"], out[f"{name}_pos_cut"] = neg, pos
    return out


def test_eval_framing_babe_floors(evaldata_dir: Path, nlp: Any) -> None:
    root = evaldata_dir / "babe_mbic"
    if not (root / "data" / "final_labels_SG2.csv").exists():
        pytest.skip(f"BABE not found at {root}")
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))["framing_babe_test"]
    figures = evaluate_babe(root, nlp)
    new, old = figures["new"], figures["baseline"]
    low = {k: (new[k], v) for k, v in floors.items() if new[k] < v}
    assert not low, f"BABE framing below floor (measured, floor): {low}; baseline {old}"
    assert new["opinion_f1"] > old["opinion_f1"] and new["word_f1"] > old["word_f1"]


def test_eval_framing_newsmtsc_floors(evaldata_dir: Path, nlp: Any) -> None:
    root = evaldata_dir / "newsmtsc"
    if not (root / "splits" / "newsmtsc-rw" / "test.jsonl").exists():
        pytest.skip(f"NewsMTSC not found at {root}")
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))["framing_newsmtsc_rw_test"]
    figures = evaluate_newsmtsc(root, nlp)
    low = {k: (figures[k], v) for k, v in floors.items() if figures[k] < v}
    assert not low, f"NewsMTSC tone below floor (measured, floor): {low}"
    assert figures["targeted_direction_p"] > figures["baseline_direction_p"]
    assert figures["targeted_wrong_way"] < figures["baseline_wrong_way"]
    assert figures["clause_f1"] > figures["baseline_f1"]


if (
    __name__ == "__main__"
):  # print the figures: python tests/eval/test_eval_framing.py [babe|mtsc] [dev]
    sys.path.insert(0, str(Path(__file__).parent))
    from newsprism.nlp import load_model

    shared = Path(__file__).resolve().parents[3] / "shared" / "evaldata"
    which = sys.argv[1] if len(sys.argv) > 1 else "babe"
    part = sys.argv[2] if len(sys.argv) > 2 else "test"
    if which == "babe":
        print(json.dumps(evaluate_babe(shared / "babe_mbic", load_model(), part), indent=1))
    else:
        print(json.dumps(evaluate_newsmtsc(shared / "newsmtsc", load_model()), indent=1))
