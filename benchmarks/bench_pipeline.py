"""Pipeline throughput against the NLP model's own ``nlp.pipe``, in one run.

The baseline is what any spaCy-based tool pays at minimum: parsing the cleaned
texts with ``nlp.pipe``. We report the whole pipeline's time as a ratio of it,
and the share each stage takes, so regressions show up as ratios that do not
depend on the machine. Peak memory is the process's max RSS.

Usage: python benchmarks/bench_pipeline.py [--docs N] [--out docs/benchmarks.md]
The corpus is the shipped sample corpus, copied N/len(sample) times with a
distinct closing paragraph per copy (so every copy is a separate document, and
near-copy detection has real work to do).
"""

from __future__ import annotations

import argparse
import platform
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import newsprism
from newsprism.crossdoc.dedup import mark_duplicates
from newsprism.crossdoc.facts import align_facts
from newsprism.crossdoc.link import entity_index, link_entities
from newsprism.crossdoc.quotes import attach_speakers, group_quotes
from newsprism.extract.claims import attach_attribution, extract_claims
from newsprism.extract.entities import extract_mentions
from newsprism.extract.quotes import extract_quotes
from newsprism.nlp import load_model
from newsprism.pipeline import Options, collect
from newsprism.summarize import summarize

T = TypeVar("T")


def _timed(fn: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - start


def build_corpus(folder: Path, n_docs: int) -> int:
    sample = newsprism.sample_corpus()
    files = sorted(p for p in sample.rglob("*") if p.suffix in {".txt", ".html", ".htm"})
    i = 0
    while i < n_docs:
        for src in files:
            if i >= n_docs:
                break
            text = src.read_text(encoding="utf-8")
            # A sentence in mid-body, where cleaning keeps it: a closing line would
            # be trimmed as a tail prompt, leaving identical copies that collect() skips.
            extra = f" Copy {i} of this report was filed for benchmark run {i * 7919}."
            at = text.find(". ", len(text) // 2) + 1
            text = text[:at] + extra + text[at:]
            (folder / f"{i:05d}{src.suffix}").write_text(text, encoding="utf-8")
            i += 1
    return i


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("docs/benchmarks.md"))
    args = parser.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="newsprism-bench-"))
    try:
        n = build_corpus(tmp, args.docs)
        opts = Options(n_process=args.processes)
        _, t_load = _timed(load_model)
        (docs, _skipped), t_collect = _timed(lambda: collect([str(tmp)], opts))
        texts = [d.text for d in docs]
        words = sum(len(t.split()) for t in texts)

        nlp = load_model()
        parsed, t_base = _timed(
            lambda: list(nlp.pipe(texts, batch_size=opts.batch_size, n_process=args.processes))
        )
        docs, t_dedup = _timed(lambda: mark_duplicates(docs))
        pairs = list(zip(docs, parsed, strict=True))
        mentions_by_doc, t_mentions = _timed(
            lambda: [extract_mentions(d.id, sd) for d, sd in pairs]
        )
        mentions = [m for ms in mentions_by_doc for m in ms]
        quotes, t_quotes = _timed(
            lambda: [
                q
                for (d, sd), ms in zip(pairs, mentions_by_doc, strict=True)
                for q in extract_quotes(d.id, sd, ms)
            ]
        )
        claims, t_claims = _timed(
            lambda: [
                c
                for (d, sd), ms in zip(pairs, mentions_by_doc, strict=True)
                for c in extract_claims(d.id, sd, d.published, ms)
            ]
        )
        text_by_id = {d.id: d.text for d in docs}
        entities, t_link = _timed(lambda: link_entities(mentions, text_by_id))
        index = entity_index(entities)
        dups = {d.id: d.duplicate_of for d in docs}
        _, t_group = _timed(lambda: group_quotes(attach_speakers(quotes, index), text_by_id, dups))
        facts, t_facts = _timed(lambda: align_facts(claims, docs, index, entities))
        _, t_summary = _timed(lambda: summarize(docs, attach_attribution(claims, index), facts))
        _, t_total = _timed(lambda: newsprism.brief([str(tmp)], options=opts))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows = [
        ("ingest + clean", t_collect),
        ("near-duplicates", t_dedup),
        ("entity mentions (per doc, on the parse)", t_mentions),
        ("quotes (per doc, on the parse)", t_quotes),
        ("claims and values (per doc, on the parse)", t_claims),
        ("entity linking", t_link),
        ("quote speakers + groups across outlets", t_group),
        ("fact alignment", t_facts),
        ("summary", t_summary),
    ]
    lines = [
        "# Benchmarks",
        "",
        "Written by `benchmarks/bench_pipeline.py` (`make bench`); numbers are from one run on",
        f"{platform.machine()} / Python {platform.python_version()}, {args.processes} process(es).",
        "Ratios against the model's own `nlp.pipe` on the same cleaned texts are what to",
        "compare across machines.",
        "",
        f"Corpus: {n} documents ({words:,} words of cleaned text), sample corpus copies.",
        "",
        "| measure | seconds | docs/s | ratio to `nlp.pipe` |",
        "|---|---:|---:|---:|",
        f"| baseline: `nlp.pipe` alone | {t_base:.2f} | {n / t_base:.1f} | 1.00 |",
        f"| whole pipeline (`newsprism.brief`) | {t_total:.2f} | {n / t_total:.1f} |"
        f" {t_total / t_base:.2f} |",
    ]
    for name, secs in rows:
        lines.append(f"| stage: {name} | {secs:.2f} | {n / secs:.1f} | {secs / t_base:.2f} |")
    lines += [
        "",
        f"Model load: {t_load:.2f} s (once per process). Peak RSS: {peak_mb:.0f} MB.",
        f"Parsing throughput: {words / t_base:,.0f} words/s. Quote extraction adds"
        f" {100 * t_quotes / t_base:.1f}% to parsing; pipeline time without quote extraction"
        f" would be {(t_total - t_quotes - t_group) / t_total:.2f} of the total.",
        "",
    ]
    report = "\n".join(lines)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    sys.stdout.write(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
