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

from newsprism.clean.boilerplate import find_boilerplate
from newsprism.clean.dates import normalise_date
from newsprism.clean.header import parse_header
from newsprism.clean.html import Page, extract_page
from newsprism.clean.metadata import clean_title, outlet_from_text, outlet_from_url
from newsprism.clean.text import Paragraph, join_paragraphs, split_paragraphs
from newsprism.errors import SkipDocument
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


def clean_text(
    paragraphs: list[Paragraph], known_title: str | None = None, lone_names: bool = True
) -> tuple[list[Paragraph], list[Removed], str | None, list[str], str | None]:
    """Split header and boilerplate off ``paragraphs``.

    Returns ``(kept, removed, title, authors, published)``; the metadata comes
    from the header only, so a date in a teaser at the end is never used.
    """
    head = parse_header(paragraphs, known_title, lone_names)
    reasons = dict(head.cuts)
    for cut in find_boilerplate(paragraphs, head.body_start):
        reasons.setdefault(cut.index, cut.reason)
    kept = [p for i, p in enumerate(paragraphs) if i not in reasons]
    removed = [Removed(text=paragraphs[i].text, reason=reasons[i]) for i in sorted(reasons)]
    return kept, _merge(removed), head.title, head.authors, head.published


def _document_id(text: str) -> str:
    return "d-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def clean_document(raw: RawDocument) -> Document:
    """Clean one input; raises ``SkipDocument`` when no article text remains."""
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
    kept, removed, title, authors, published = clean_text(
        paragraphs, known_title, lone_names=page is None
    )
    if not kept:
        raise SkipDocument("no article text found after removing boilerplate")
    text = join_paragraphs(kept)
    outlet = (
        raw.outlet
        or outlet_from_url(raw.url)
        or outlet_from_text([p.text for p in kept])
        or (page.sitename if page else None)
        or (outlet_from_url(page.url) if page else None)
    )
    return Document(
        id=_document_id(text),
        input=raw.input,
        url=raw.url,
        outlet=outlet,
        title=known_title or title,
        authors=list(raw.authors) or (page.authors if page and page.authors else authors),
        published=normalise_date(raw.published) or (page.published if page else None) or published,
        text=text,
        removed=removed,
    )
