"""Benchmark corpora sampled from the real texts in ../shared/evaldata (never committed).

Sources: PolNeAR articles (plain text) and ECB+ documents (tokens joined back
into sentences). Up to the number of distinct source texts, each document is
one real text. Beyond that, each new document splices the first half of one
real text onto the second half of another, chosen by a seeded generator; the
pair is never reused, so no text is duplicated and near-copy detection sees
realistic overlap (half of a text is below its 0.8 containment threshold).
Dates are spread over 60 days so the stories' time window does real work.
"""

from __future__ import annotations

import json
import random
import xml.etree.ElementTree as ET
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "evaldata"


def real_texts(shared: Path = SHARED) -> list[str]:
    texts = [
        p.read_text(encoding="utf-8", errors="replace")
        for p in sorted((shared / "polnear").rglob("*.txt"))
    ]
    for path in sorted((shared / "ecbplus" / "ECB+").rglob("*.xml")):
        sentences: dict[int, list[tuple[int, str]]] = {}
        for tok in ET.parse(path).getroot().iter("token"):
            s = int(tok.get("sentence", "0"))
            sentences.setdefault(s, []).append((int(tok.get("number", "0")), tok.text or ""))
        texts.append(
            "\n\n".join(" ".join(w for _, w in sorted(sentences[s])) for s in sorted(sentences))
        )
    return sorted({t.strip() for t in texts if len(t.split()) >= 50})


def write_jsonl(path: Path, n_docs: int, seed: int = 7) -> int:
    texts = real_texts()
    rng = random.Random(seed)
    used: set[tuple[int, int]] = set()
    with path.open("w", encoding="utf-8") as out:
        for i in range(n_docs):
            if i < len(texts):
                text = texts[i]
            else:
                while True:
                    a, b = rng.randrange(len(texts)), rng.randrange(len(texts))
                    if a != b and (a, b) not in used:
                        used.add((a, b))
                        break
                pa, pb = texts[a].split("\n\n"), texts[b].split("\n\n")
                text = "\n\n".join(pa[: max(1, len(pa) // 2)] + pb[len(pb) // 2 :])
            day = 1 + (i * 37) % 60
            record = {
                "id": f"bench-{i}",
                "published": f"2026-{1 + (day - 1) // 30:02d}-{1 + (day - 1) % 30:02d}",
                "text": text,
            }
            out.write(json.dumps(record) + "\n")
    return n_docs
