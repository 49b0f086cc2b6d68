"""Per-document throughput vs nlp.pipe, and engines with 1 vs 2 workers, on real texts.

(1) ``nlp.pipe`` alone over the texts, then the whole per-document stage
(``perdoc.extract_documents``: the same parse plus every extractor) over the
same texts, in one run: the ratio is the share of the model's own throughput
the pipeline keeps. (3) ``engines.extract_all`` with processes and Ray, 1 and
2 workers; model load and Ray start-up are timed separately (warm-up run on a
few documents first), so the figures are steady-state throughput.

Usage: python benchmarks/bench_engines.py [--docs 200] [--skip-ray]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


def main() -> int:
    from corpus_sample import real_texts

    from newsprism.engines import Engine, extract_all, shutdown
    from newsprism.models import Document
    from newsprism.nlp import load_model
    from newsprism.perdoc import extract_documents

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--skip-ray", action="store_true")
    args = parser.parse_args()
    texts = real_texts()[: args.docs]
    words = sum(len(t.split()) for t in texts)
    docs = [Document(id=f"d-{i}", input=f"{i}", text=t) for i, t in enumerate(texts)]
    nlp = load_model()
    list(nlp.pipe(texts[:5]))
    t = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    pipe_s = time.perf_counter() - t
    t = time.perf_counter()
    for _ in extract_documents(docs, 1, 32):
        pass
    perdoc_s = time.perf_counter() - t
    print(f"{len(docs)} documents, {words} words")
    print(
        f"nlp.pipe: {pipe_s:.1f} s ({len(docs) / pipe_s:.2f} docs/s, {words / pipe_s:.0f} words/s)"
    )
    print(f"per-document stage: {perdoc_s:.1f} s ({len(docs) / perdoc_s:.2f} docs/s)")
    print(f"ratio (pipeline throughput / nlp.pipe throughput): {pipe_s / perdoc_s:.2f}")
    engines = [("inline", 1), ("processes", 1), ("processes", 2)]
    if not args.skip_ray:
        engines += [("ray", 1), ("ray", 2)]
    print("| engine | workers | warm-up s | docs/s |")
    print("|---|---:|---:|---:|")
    for name, workers in engines:
        if name == "ray":
            import ray

            if ray.is_initialized():
                ray.shutdown()
            ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)
        engine = Engine(name, workers, 16)
        t = time.perf_counter()
        list(extract_all(docs[:4], engine))
        warm = time.perf_counter() - t
        t = time.perf_counter()
        found = list(extract_all(docs, engine))
        run_s = time.perf_counter() - t
        assert [f.document for f in found] == [d.id for d in docs]
        print(f"| {name} | {workers} | {warm:.1f} | {len(docs) / run_s:.2f} |", flush=True)
        shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
