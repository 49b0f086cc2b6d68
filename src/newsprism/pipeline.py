"""Stage order: ingest → clean → annotate → extract → link → group → align → summarize
→ events and positions → sources.

Each stage is a plain function with one contract; this module only wires them
together, reports progress and assembles the ``Brief``. Per-document stages are
pure, so the engine (inline, process pool, Ray) changes speed, never results.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsprism.clean import clean_document
from newsprism.crossdoc.dedup import keep_copies, mark_duplicates
from newsprism.crossdoc.facts import align_facts
from newsprism.crossdoc.link import entity_index, link_story
from newsprism.crossdoc.positions import events_and_positions
from newsprism.crossdoc.quotes import attach_speakers, group_quotes
from newsprism.errors import SkipDocument, UsageError
from newsprism.extract.claims import attach_attribution
from newsprism.ingest import IngestOptions, iter_inputs
from newsprism.ingest.hygiene import valid_item
from newsprism.models import Brief, Document, RawDocument, Skipped, Tool
from newsprism.nlp import fewer_collections
from newsprism.perdoc import DocExtraction, extract_documents
from newsprism.sources.profile import build_sources
from newsprism.summarize import summarize
from newsprism.version import __version__

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
    # Where the per-document stage runs: inline | processes | ray (newsprism.engines).
    engine: str = "inline"
    ray_address: str | None = None


def _noop(stage: str, done: int, total: int | None) -> None:
    return None


def collect(
    inputs: Sequence[str], options: Options, progress: Progress = _noop
) -> tuple[list[Document], list[Skipped]]:
    """Ingest and clean every input; bad inputs become ``Skipped`` entries."""
    return clean_all(iter_inputs(inputs, options.ingest), progress)


def clean_all(
    items: Iterable[RawDocument | Skipped], progress: Progress = _noop
) -> tuple[list[Document], list[Skipped]]:
    """Clean what ingest read; a byte-identical text from another input is kept as a copy.

    Any reader that yields ``RawDocument`` or ``Skipped`` (the CLI's inputs, the
    web app's uploads) goes through this one function, so both brief alike.
    """
    documents: list[Document] = []
    skipped: list[Skipped] = []
    seen: set[str] = set()
    for done, raw_item in enumerate(items, start=1):
        progress("read", done, None)
        item = valid_item(raw_item)
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        try:
            doc = clean_document(item)
            if item.record_id:
                doc = doc.model_copy(update={"source_id": item.record_id})
        except SkipDocument as exc:
            skipped.append(Skipped(input=item.input, reason=exc.message))
            continue
        key = f"{doc.id}\0{doc.input}"
        if key in seen:
            # The same input read twice (named twice on the command line).
            skipped.append(Skipped(input=item.input, reason="the same input was read twice"))
            continue
        seen.add(key)
        documents.append(doc)
    return keep_copies(documents), skipped


def extract(
    documents: list[Document], options: Options, progress: Progress = _noop
) -> list[DocExtraction]:
    """The per-document stage over every document, in order, with progress."""
    out: list[DocExtraction] = []
    total = len(documents)
    found_all = extract_documents(documents, options.n_process, options.batch_size)
    if options.engine != "inline":
        from newsprism.engines import Engine, extract_all

        engine = Engine(options.engine, options.n_process, options.batch_size, options.ray_address)
        found_all = extract_all(documents, engine)
    for found in found_all:
        out.append(found)
        progress("annotate", len(out), total)
    return out


def drop_failed(
    documents: Sequence[Document], skipped: Sequence[Skipped], found: Sequence[DocExtraction]
) -> tuple[list[Document], list[Skipped], list[DocExtraction]]:
    """A document whose parse or extraction raised leaves the brief, listed under ``skipped``.

    Its copies stay, each then standing for itself (the original they pointed to is gone).
    """
    errors = {e.document: e.error for e in found if e.error}
    if not errors:
        return list(documents), list(skipped), list(found)
    kept = [
        d.model_copy(update={"duplicate_of": None}) if d.duplicate_of in errors else d
        for d in documents
        if d.id not in errors
    ]
    lost = [Skipped(input=d.input, reason=str(errors[d.id])) for d in documents if d.id in errors]
    return kept, [*skipped, *lost], [e for e in found if not e.error]


def assemble(
    documents: Sequence[Document],
    skipped: Sequence[Skipped],
    extractions: Sequence[DocExtraction],
    now: _dt.datetime | None = None,
) -> Brief:
    """The cross-document stages, then the ``Brief``: link entities, attach speakers and
    group quotes, align facts, summarize, merge events into events and positions,
    profile the sources.

    ``documents`` carry ``duplicate_of`` already; ``extractions`` may come in any
    order and from any engine, the result depends only on their content.
    """
    documents = sorted(documents, key=lambda d: (d.input, d.id))
    order = {d.id: i for i, d in enumerate(documents)}
    found = sorted((e for e in extractions if e.document in order), key=lambda e: order[e.document])
    mentions = [m for e in found for m in e.mentions]
    found_quotes = [q for e in found for q in e.quotes]
    found_claims = [c for e in found for c in e.claims]
    texts = {d.id: d.text for d in documents}
    linked = link_story(mentions, texts)
    entities = linked.entities
    index = entity_index(entities)
    quotes = attach_speakers(found_quotes, index, entities, linked.unresolved, texts)
    duplicate_of = {d.id: d.duplicate_of for d in documents}
    quote_groups = group_quotes(quotes, texts, duplicate_of, entities)
    claims = attach_attribution(found_claims, index)
    facts = align_facts(found_claims, documents, index, entities)
    summary = summarize(documents, claims, facts)
    events, positions = events_and_positions([v for e in found for v in e.events], entities, index)
    sentences = {e.document: e.sentences for e in found}
    sources = build_sources(documents, sentences, found_claims, entities, quotes, claims, facts)
    stamp = (now or _dt.datetime.now(_dt.UTC)).replace(microsecond=0).isoformat()
    return Brief(
        tool=Tool(version=__version__),
        generated_at=stamp,
        documents=list(documents),
        skipped=sorted(skipped, key=lambda s: (s.input, s.reason)),
        entities=entities,
        quotes=quotes,
        quote_groups=quote_groups,
        claims=claims,
        facts=facts,
        events=events,
        positions=positions,
        sources=sources,
        summary=summary,
    )


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
    return brief_documents(documents, skipped, opts, report, now)


def brief_documents(
    documents: Sequence[Document],
    skipped: Sequence[Skipped],
    options: Options,
    progress: Progress = _noop,
    now: _dt.datetime | None = None,
) -> Brief:
    """Cleaned documents → ``Brief``: near-duplicates, per-document stage, assemble."""
    with fewer_collections():  # same results, less time collecting garbage
        marked = sorted(mark_duplicates(list(documents)), key=lambda d: (d.input, d.id))
        found = extract(marked, options, progress)
        marked, skipped, found = drop_failed(marked, skipped, found)
        progress("link", 0, 1)
        brief = assemble(marked, skipped, found, now)
        progress("link", 1, 1)
    return brief


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
