"""Clean stage: ``RawDocument`` → ``Document`` (main text, metadata, removed parts).

HTML goes through trafilatura first; its text and plain text then share one
path: cut into paragraphs, read the header (title, byline, date line), trim
page furniture (mostly at the end), and join the paragraphs with blank lines.
Everything cut is listed under ``removed`` with its reason, so a reader can
audit the cleaning. Words are never rewritten: only whole paragraphs are
removed and whitespace is normalised.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from newsprism.clean.boilerplate import find_boilerplate
from newsprism.clean.dates import normalise_date
from newsprism.clean.header import parse_header, split_dateline
from newsprism.clean.html import Page, extract_page
from newsprism.clean.metadata import clean_title, outlet_from_text, outlet_from_url
from newsprism.clean.text import Paragraph, join_paragraphs, split_paragraphs
from newsprism.errors import SkipDocument
from newsprism.ingest.hygiene import nfc, valid_raw
from newsprism.models import Document, RawDocument, Removed

__all__ = ["clean_document", "clean_text"]


def _merge(removed: list[Removed]) -> list[Removed]:
    # Consecutive lines cut for the same reason read better as one block.
    merged: list[Removed] = []
    for item in removed:
        if merged and merged[-1].reason == item.reason:
            merged[-1] = Removed(text=merged[-1].text + "\n" + item.text, reason=item.reason)
        else:
            merged.append(item)
    return merged


@dataclass
class Cleaned:
    """Plain text split into article paragraphs, removed parts and header metadata."""

    kept: list[Paragraph]
    removed: list[Removed]
    title: str | None
    authors: list[str]
    published: str | None
    wire: str | None


def clean_text(
    paragraphs: list[Paragraph], known_title: str | None = None, lone_names: bool = True
) -> Cleaned:
    """Split header, dateline and boilerplate off ``paragraphs``.

    Metadata comes from the header only, so a date in a teaser at the end is
    never taken as the publication date.
    """
    head = parse_header(paragraphs, known_title, lone_names)
    reasons = dict(head.cuts)
    for cut in find_boilerplate(paragraphs, head.body_start):
        reasons.setdefault(cut.index, cut.reason)
    removed = [(i, Removed(text=paragraphs[i].text, reason=reasons[i])) for i in sorted(reasons)]
    kept_at = [i for i in range(len(paragraphs)) if i not in reasons]
    kept = [paragraphs[i] for i in kept_at]
    wire: str | None = None
    published = head.published
    split = split_dateline(kept[0].text) if kept else None
    if split is not None:
        dateline, rest = split
        kept[0] = Paragraph(rest, kept[0].blank_after)
        removed.append((kept_at[0], Removed(text=dateline.text, reason="dateline")))
        removed.sort(key=lambda item: item[0])
        wire = dateline.agency
        published = published or dateline.published
    return Cleaned(kept, _merge([r for _, r in removed]), head.title, head.authors, published, wire)


def _document_id(text: str) -> str:
    return "d-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def clean_document(raw: RawDocument) -> Document:
    """Clean one input; raises ``SkipDocument`` when no article text remains.

    The input is made valid Unicode first (readers other than ``iter_inputs``,
    such as web uploads, come straight here) and NFC-normalised, so the same
    word typed with a combining accent or a precomposed letter matches across
    outlets and every render can write the text.
    """
    raw = valid_raw(raw)
    if not raw.content.isascii():
        raw = replace(raw, content=nfc(raw.content))
    page: Page | None = None
    if raw.kind == "html":
        page = extract_page(raw.content, raw.url)
        if page is None:
            raise SkipDocument("no article text found in the HTML page")
        source = page.text
    else:
        source = raw.content
    known_title = clean_title(raw.title) or (page.title if page else None)
    paragraphs = split_paragraphs(source)
    if not paragraphs:
        raise SkipDocument("empty document: no text to read")
    cleaned = clean_text(paragraphs, known_title, lone_names=page is None)
    kept = cleaned.kept
    if not kept or not any(p.text for p in kept):
        raise SkipDocument("no article text found after removing boilerplate")
    text = join_paragraphs(kept)
    outlet = (
        raw.outlet
        or outlet_from_url(raw.url)
        or outlet_from_text([p.text for p in kept])
        or cleaned.wire
        or (page.sitename if page else None)
        or (outlet_from_url(page.url) if page else None)
    )
    return Document(
        id=_document_id(text),
        input=raw.input,
        url=raw.url,
        outlet=outlet,
        title=known_title or cleaned.title,
        authors=list(raw.authors) or (page.authors if page and page.authors else cleaned.authors),
        published=normalise_date(raw.published)
        or (page.published if page else None)
        or cleaned.published,
        text=text,
        removed=cleaned.removed,
    )
