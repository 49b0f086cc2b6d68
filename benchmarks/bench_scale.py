"""Scaling of ingest + stories + briefs with corpus size; time and peak memory per size.

Each size runs in a fresh subprocess so its peak RSS is its own. Usage:
    python benchmarks/bench_scale.py --sizes 1000,2000 [--engine inline --workers 1]
Prints one Markdown table row per size (paste into docs/performance.md).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


def one(size: int, engine: str, workers: int, folder: Path) -> dict[str, float]:
    from corpus_sample import write_jsonl

    from newsprism.corpus import ingest
    from newsprism.engines import Engine
    from newsprism.store import Store
    from newsprism.storyrun import stories_of_store, write_briefs

    dump = folder / "corpus.jsonl"
    write_jsonl(dump, size)
    out: dict[str, float] = {"docs": size}
    with Store(folder / "c.duckdb") as store:
        t = time.perf_counter()
        report = ingest([str(dump)], store, engine=Engine(engine, workers), batch_size=256)
        out["ingest_s"] = time.perf_counter() - t
        out["copies"] = report.copies
        t = time.perf_counter()
        stories = stories_of_store(store)
        out["stories_s"] = time.perf_counter() - t
        out["stories"] = len(stories)
        t = time.perf_counter()
        write_briefs(
            stories,
            lambda ids: list(store.documents(ids)),
            lambda ids: list(store.extractions(ids).values()),
            folder / "briefs",
            ("json",),
        )
        out["briefs_s"] = time.perf_counter() - t
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out["db_mb"] = (folder / "c.duckdb").stat().st_size / 2**20
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000")
    parser.add_argument("--engine", default="inline")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--one", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        with tempfile.TemporaryDirectory(prefix="newsprism-scale-") as tmp:
            print(json.dumps(one(args.one, args.engine, args.workers, Path(tmp))))
        return 0
    print(
        "| docs | ingest s | stories s | briefs s | total s | docs/s | stories | copies "
        "| peak RSS MB | store MB |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in (int(s) for s in args.sizes.split(",")):
        cmd = [
            sys.executable,
            __file__,
            "--one",
            str(size),
            "--engine",
            args.engine,
            "--workers",
            str(args.workers),
        ]
        r = json.loads(
            subprocess.run(cmd, check=True, capture_output=True, text=True)
            .stdout.strip()
            .splitlines()[-1]
        )
        total = r["ingest_s"] + r["stories_s"] + r["briefs_s"]
        print(
            f"| {size} | {r['ingest_s']:.0f} | {r['stories_s']:.0f} | {r['briefs_s']:.0f} "
            f"| {total:.0f} | {size / total:.1f} | {r['stories']:.0f} | {r['copies']:.0f} "
            f"| {r['peak_rss_mb']:.0f} | {r['db_mb']:.0f} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
