"""HTML main-text extraction and page metadata, scored against public benchmarks.

* scrapinghub article-extraction-benchmark (181 news pages): the whole clean
  stage (trafilatura + our plain-text trimmer) against ``articleBody``. The
  metric re-implements the benchmark's own ``evaluate.py``
  (github.com/scrapinghub/article-extraction-benchmark, MIT): tokens are
  ``\\w+`` matches, text is compared as multisets of 4-token shingles, each
  page's TP/FP/FN are normalised to sum to 1 so long pages weigh no more,
  precision and recall are averaged over pages, and F1 is the harmonic mean of
  those two averages (not a mean of per-page F1), so our figure is comparable
  with the table in that README.
* readability.js test pages: the share of returned authors that appear in the
  expected byline (a wrong author is worse than none), and title agreement.

Floors live in floors.json; figures and their reading in docs/evaluation.md.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from pathlib import Path

import pytest

from newsprism.clean import clean_document
from newsprism.errors import SkipDocument
from newsprism.models import RawDocument

FLOORS = json.loads(Path(__file__).with_name("floors.json").read_text(encoding="utf-8"))
_TOKEN = re.compile(r"\w+")
_SHINGLE = 4

Counts = tuple[float, float, float]


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    # As in the benchmark: a text shorter than one shingle is one short shingle.
    spans = range(max(1, len(tokens) - _SHINGLE + 1))
    return Counter(t for i in spans if (t := tuple(tokens[i : i + _SHINGLE])))


def _counts(true: str, pred: str) -> Counts:
    gold, got = _shingles(true), _shingles(pred)
    tp = sum((gold & got).values())
    fp = sum((got - gold).values())
    fn = sum((gold - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def benchmark_scores(pairs: list[tuple[str, str]]) -> dict[str, float]:
    """``{"f1", "precision", "recall"}`` over ``(gold, predicted)`` text pairs."""
    counts = [_counts(gold, pred) for gold, pred in pairs]
    precision = statistics.mean(_precision(*c) for c in counts if c[0] + c[1] > 0)
    recall = statistics.mean(_recall(*c) for c in counts if c[0] + c[2] > 0)
    total = precision + recall
    return {
        "f1": 2 * precision * recall / total if total else 0.0,
        "precision": precision,
        "recall": recall,
    }


def test_eval_extraction_metric_matches_benchmark_definition() -> None:
    same = "one two three four five six"
    assert benchmark_scores([(same, same)]) == {"f1": 1.0, "precision": 1.0, "recall": 1.0}
    half = benchmark_scores([("a b c d e f g h", "a b c d e")])
    assert half["precision"] == 1.0 and half["recall"] == pytest.approx(2 / 5)
    assert benchmark_scores([("a b c d", "w x y z")])["f1"] == 0.0


def _clean_text(raw: RawDocument) -> str:
    try:
        return clean_document(raw).text
    except SkipDocument:
        return ""


def test_eval_extraction_scrapinghub_f1(evaldata_dir: Path) -> None:
    folder = evaldata_dir / "scrapinghub_aeb"
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pairs = []
    for key in sorted(gold):
        html = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8")
        raw = RawDocument(input=key, content=html, kind="html", url=gold[key].get("url"))
        pairs.append((gold[key].get("articleBody", ""), _clean_text(raw)))
    scores = benchmark_scores(pairs)
    print(
        f"scrapinghub_aeb pages={len(pairs)} " + " ".join(f"{k}={v:.4f}" for k, v in scores.items())
    )
    assert len(pairs) == 181
    assert scores["f1"] >= FLOORS["extraction_f1"]


def _key(text: str | None) -> str:
    return re.sub(r"\W+", " ", (text or "").casefold()).strip()


def test_eval_extraction_readability_metadata(evaldata_dir: Path) -> None:
    pages = evaldata_dir / "readability_testpages" / "test" / "test-pages"
    if not pages.is_dir():
        pytest.skip(f"readability test pages not found at {pages}")
    given = right = titles = titled = 0
    for page in sorted(pages.iterdir()):
        source = page / "source.html.gz"
        if not source.exists():
            continue
        expected = json.loads((page / "expected-metadata.json").read_text(encoding="utf-8"))
        html = gzip.decompress(source.read_bytes()).decode("utf-8", "replace")
        try:
            doc = clean_document(RawDocument(input=page.name, content=html, kind="html"))
        except SkipDocument:
            continue
        byline = _key(expected.get("byline"))
        if doc.authors and byline:
            given += 1
            right += all(_key(a) in byline for a in doc.authors)
        if expected.get("title"):
            titles += 1
            titled += bool(doc.title) and _key(doc.title) in _key(expected["title"])
    precision = right / given
    print(f"readability authors given={given} right={right} precision={precision:.3f} "
          f"titles={titled}/{titles}")  # fmt: skip
    assert precision >= FLOORS["extraction_author_precision"]
