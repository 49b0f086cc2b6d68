"""Rendering at scale: ``brief.html`` and ``brief.md`` of a synthetic 5,000-document brief.

The brief is built directly (no parsing): many small documents, most of them
without a known outlet (pasted texts, files) so the Sources stage makes one
source per document, plus a few outlets with many documents each, entities
mentioned across documents, quotes, claims and facts. That is the shape that
once kept ``brief.html`` drawing charts for over 300 s. Usage:

    python benchmarks/bench_render.py [--docs 5000]

Prints one Markdown table row (paste into docs/performance.md).
"""

from __future__ import annotations

import argparse
import hashlib
import platform
import sys
import time

from newsprism.models import (
    ActorTone,
    Brief,
    Claim,
    Document,
    Entity,
    Evidence,
    Example,
    Fact,
    FactValue,
    Mention,
    Quote,
    QuoteGroup,
    Slot,
    SourceProfile,
    SummarySentence,
    Tool,
)

OUTLETS = [f"Outlet {chr(65 + i)} News" for i in range(20)]
PEOPLE = ["Mara Velt", "Ion Kestrel", "Dana Ruho", "Petr Alven", "Lia Orsk", "Tom Brandt"]


def _id(prefix: str, *parts: object) -> str:
    return f"{prefix}-" + hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:12]


def synthetic_brief(n_docs: int = 5000, known_share: float = 0.2) -> Brief:
    """A deterministic brief with ``n_docs`` small documents; see the module docstring."""
    docs: list[Document] = []
    mentions: dict[str, list[Mention]] = {p: [] for p in PEOPLE}
    quotes: list[Quote] = []
    claims: list[Claim] = []
    profiles: dict[str, SourceProfile] = {}
    known = int(n_docs * known_share)
    for i in range(n_docs):
        person = PEOPLE[i % len(PEOPLE)]
        hours = 3 + i % 4
        said = f'"We will meet again next week," {person} said.'
        text = (
            f"Talks between the delegations in the capital lasted {hours} hours on Tuesday. "
            f"{said} The summit closed with a joint statement on trade and border crossings."
        )
        doc_id = _id("d", i)
        outlet = OUTLETS[i % len(OUTLETS)] if i < known else None
        docs.append(
            Document(id=doc_id, input=f"upload-{i:05d}.txt", outlet=outlet, title=f"Talks {i}",
                     text=text)
        )  # fmt: skip
        p0 = text.index(person)
        mentions[person].append(Mention(document=doc_id, span=(p0, p0 + len(person))))
        q0 = text.index(said)
        quotes.append(
            Quote(id=_id("q", i), document=doc_id, span=(q0 + 1, q0 + 29), text=said[1:29],
                  kind="direct", speaker=_id("e", person), cue="said")
        )  # fmt: skip
        c1 = text.index(".") + 1
        s0 = text.index(f"{hours} hours")
        claims.append(
            Claim(id=_id("c", i), document=doc_id, span=(0, c1), text=text[:c1],
                  slots=[Slot(kind="duration", text=f"{hours} hours", span=(s0, s0 + 7),
                              value=hours, unit="hour")])
        )  # fmt: skip
        name = outlet or f"upload-{i:05d}.txt"
        prof = profiles.setdefault(
            name, SourceProfile(outlet=name, documents=[], outlet_known=outlet is not None)
        )
        prof.documents.append(doc_id)
        prof.voices = {"opinion": i % 3, "attributed": 2, "factual": 3}
        prof.tone = {_id("e", person): round(((i % 7) - 3) / 5, 2)}
        prof.tone_detail = [
            ActorTone(actor=_id("e", person), tone=prof.tone[_id("e", person)], sentences=1,
                      evidence=[Example(document=doc_id, span=(q0, q0 + len(said)), kind="tone")])
        ]  # fmt: skip
    entities = [
        Entity(id=_id("e", p), name=p, type="PERSON", mentions=mentions[p]) for p in PEOPLE
    ]
    facts = []
    for hours in range(3, 7):
        group = [c for c in claims if c.slots[0].value == hours]
        facts.append(
            Fact(id=_id("f", hours), about=f"length of the talks ({hours} h)",
                 status="conflict" if hours > 3 else "corroborated",
                 independent_sources=len(group),
                 values=[FactValue(value=f"{hours} hour", claims=[c.id for c in group],
                                   documents=[c.document for c in group])])
        )  # fmt: skip
    groups = [
        QuoteGroup(id=_id("qg", p), quotes=[q.id for q in quotes if q.speaker == _id("e", p)],
                   speakers=[_id("e", p)])
        for p in PEOPLE
    ]  # fmt: skip
    summary = [
        SummarySentence(text=claims[0].text,
                        citations=[Evidence(document=claims[0].document, span=claims[0].span)])
    ]  # fmt: skip
    return Brief(
        tool=Tool(version="bench"), generated_at="2026-01-01T00:00:00+00:00", documents=docs,
        entities=entities, quotes=quotes, quote_groups=groups, claims=claims, facts=facts,
        sources=sorted(profiles.values(), key=lambda p: p.outlet), summary=summary,
    )  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=5000)
    args = parser.parse_args()

    from newsprism.render import render_html, render_markdown

    t = time.perf_counter()
    render_html(synthetic_brief(10))  # imports matplotlib and compiles the templates
    warm_s = time.perf_counter() - t
    brief = synthetic_brief(args.docs)
    t = time.perf_counter()
    page = render_html(brief)
    html_s = time.perf_counter() - t
    t = time.perf_counter()
    md = render_markdown(brief)
    md_s = time.perf_counter() - t
    charts = page.count("<svg")
    print(f"# {platform.processor() or platform.machine()}, Python {sys.version.split()[0]}")
    print(
        "| documents | sources | first page s | brief.html s | HTML MB | charts"
        " | brief.md s | MD MB |"
    )
    print(
        f"| {len(brief.documents):,} | {len(brief.sources):,} | {warm_s:.1f} | {html_s:.1f} |"
        f" {len(page.encode()) / 1e6:.1f} | {charts} | {md_s:.1f} | {len(md.encode()) / 1e6:.1f} |"
    )


if __name__ == "__main__":
    main()
