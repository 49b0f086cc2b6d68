"""Stage order: ingest → clean → annotate → extract → link → group → align → summarize.

Each stage is a plain function with one contract; this module only wires them
together, reports progress and assembles the ``Brief``. Per-document stages are
pure, so the engine (in-process, process pool) changes speed, never results.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsprism import __version__
from newsprism.clean import clean_document
from newsprism.crossdoc.dedup import mark_duplicates
from newsprism.crossdoc.facts import align_facts
from newsprism.crossdoc.link import entity_index, link_entities
from newsprism.crossdoc.quotes import attach_speakers, group_quotes
from newsprism.errors import SkipDocument, UsageError
from newsprism.extract.claims import ExtractedClaim, attach_attribution, extract_claims
from newsprism.extract.entities import EntityMention, extract_mentions
from newsprism.extract.quotes import ExtractedQuote, extract_quotes
from newsprism.ingest import IngestOptions, iter_inputs
from newsprism.models import Brief, Document, Skipped, Tool
from newsprism.nlp import annotate
from newsprism.summarize import summarize

Progress = Callable[[str, int, int | None], None]
"""``progress(stage, done, total)``; ``total`` is None while it is unknown."""

FORMATS = ("json", "html", "md")


@dataclass(frozen=True)
class Options:
    """Knobs of a run. Defaults suit a laptop and five to five hundred articles."""

    ingest: IngestOptions = field(default_factory=IngestOptions)
    # Multi-process parsing only pays off once the model load is amortised.
    n_process: int = 1
    batch_size: int = 32


def _noop(stage: str, done: int, total: int | None) -> None:
    return None


def collect(
    inputs: Sequence[str], options: Options, progress: Progress = _noop
) -> tuple[list[Document], list[Skipped]]:
    """Ingest and clean every input; bad inputs become ``Skipped`` entries."""
    documents: list[Document] = []
    skipped: list[Skipped] = []
    seen: dict[str, str] = {}
    done = 0
    for item in iter_inputs(inputs, options.ingest):
        done += 1
        progress("read", done, None)
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        try:
            doc = clean_document(item)
        except SkipDocument as exc:
            skipped.append(Skipped(input=item.input, reason=exc.message))
            continue
        if doc.id in seen:
            # Identical cleaned text has the same id; a second copy adds nothing.
            skipped.append(Skipped(input=item.input, reason=f"identical text to {seen[doc.id]}"))
            continue
        seen[doc.id] = doc.input
        documents.append(doc)
    return documents, skipped


@dataclass
class Extracted:
    """What the per-document stages found, before cross-document linking."""

    mentions: list[EntityMention]
    quotes: list[ExtractedQuote]
    claims: list[ExtractedClaim]


def extract(documents: list[Document], options: Options, progress: Progress = _noop) -> Extracted:
    """Parse every document once and run the per-document extractors on the parse."""
    out = Extracted([], [], [])
    total = len(documents)
    texts = (d.text for d in documents)
    parsed = annotate(texts, n_process=options.n_process, batch_size=options.batch_size)
    for i, (doc, sdoc) in enumerate(zip(documents, parsed, strict=True), start=1):
        mentions = extract_mentions(doc.id, sdoc)
        out.mentions.extend(mentions)
        out.quotes.extend(extract_quotes(doc.id, sdoc, mentions))
        out.claims.extend(extract_claims(doc.id, sdoc, doc.published, mentions))
        progress("annotate", i, total)
    return out


def run(
    inputs: Sequence[str],
    options: Options | None = None,
    progress: Progress | None = None,
    now: _dt.datetime | None = None,
) -> Brief:
    """Run the whole pipeline over ``inputs`` and return the ``Brief``."""
    if not inputs:
        raise UsageError("no inputs given: pass files, folders, URLs, or '-' for stdin")
    opts = options or Options()
    report = progress or _noop
    documents, skipped = collect(inputs, opts, report)
    documents = sorted(mark_duplicates(documents), key=lambda d: (d.input, d.id))
    found = extract(documents, opts, report)
    texts = {d.id: d.text for d in documents}
    report("link", 0, 1)
    entities = link_entities(found.mentions, texts)
    index = entity_index(entities)
    quotes = attach_speakers(found.quotes, index)
    quote_groups = group_quotes(quotes, texts, {d.id: d.duplicate_of for d in documents})
    claims = attach_attribution(found.claims, index)
    facts = align_facts(found.claims, documents, index, entities)
    summary = summarize(documents, claims, facts)
    report("link", 1, 1)
    stamp = (now or _dt.datetime.now(_dt.UTC)).replace(microsecond=0).isoformat()
    return Brief(
        tool=Tool(version=__version__),
        generated_at=stamp,
        documents=documents,
        skipped=sorted(skipped, key=lambda s: (s.input, s.reason)),
        entities=entities,
        quotes=quotes,
        quote_groups=quote_groups,
        claims=claims,
        facts=facts,
        summary=summary,
    )


def parse_formats(spec: str | Iterable[str]) -> tuple[str, ...]:
    """``"html,json"`` → ``("html", "json")``; unknown names are a ``UsageError``."""
    names = spec.split(",") if isinstance(spec, str) else list(spec)
    out: list[str] = []
    for raw in names:
        name = raw.strip().lower()
        if name == "markdown":
            name = "md"
        if not name:
            continue
        if name not in FORMATS:
            raise UsageError(f"unknown format {raw!r}: choose from {', '.join(FORMATS)}")
        if name not in out:
            out.append(name)
    if not out:
        raise UsageError(f"no output format given: choose from {', '.join(FORMATS)}")
    return tuple(out)


def write_outputs(brief: Brief, out_dir: Path, formats: Sequence[str] = FORMATS) -> list[Path]:
    """Write ``brief.<fmt>`` files into ``out_dir`` and return their paths."""
    from newsprism.render import render

    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create output folder {out_dir}: {exc.strerror}") from exc
    written = []
    for fmt in formats:
        path = out_dir / f"brief.{fmt}"
        path.write_text(render(brief, fmt), encoding="utf-8")
        written.append(path)
    return written
