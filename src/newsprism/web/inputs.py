"""What one job briefs: uploaded files, pasted texts and URLs, run through the library.

The stages are ``newsprism.pipeline``'s own (clean, mark duplicates, extract,
assemble); only reading differs from ``pipeline.collect``: uploads keep the
name the user gave them rather than their path in the job folder, pasted text
never goes near the file system, and a URL is always a URL (a pasted
``/etc/passwd`` is refused, never read) fetched through the address guard.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsprism.errors import SkipDocument
from newsprism.ingest import IngestOptions
from newsprism.ingest.decode import looks_like_html
from newsprism.ingest.files import classify, iter_file
from newsprism.ingest.skips import guarded
from newsprism.ingest.web import Fetcher
from newsprism.models import Brief, RawDocument, Skipped
from newsprism.pipeline import Options, Progress, brief_documents, clean_all
from newsprism.web.fetch import iter_url, make_fetcher


@dataclass(frozen=True)
class Upload:
    """An uploaded file: ``name`` as the browser sent it, ``path`` where it was saved."""

    name: str
    path: Path


@dataclass(frozen=True)
class Submission:
    files: tuple[Upload, ...] = ()
    texts: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()

    def input_names(self) -> list[str]:
        """What the user submitted, in the order it is read."""
        texts = [text_name(i) for i in range(1, len(self.texts) + 1)]
        return [u.name for u in self.files] + texts + list(self.urls)


def text_name(number: int) -> str:
    return f"pasted text {number}"


def split_urls(raw: str) -> list[str]:
    """URLs pasted one per line (or separated by spaces), blanks and duplicates dropped."""
    out: list[str] = []
    for item in raw.split():
        if item not in out:
            out.append(item)
    return out


def _pasted(name: str, text: str) -> Iterator[RawDocument]:
    if not text.strip():
        raise SkipDocument("empty text")
    yield RawDocument(input=name, content=text, kind="html" if looks_like_html(text) else "text")


def _upload(upload: Upload, fetcher: Fetcher) -> Iterator[RawDocument | Skipped]:
    size = upload.path.stat().st_size
    kind = classify(upload.path, upload.name)
    yield from iter_file(upload.name, upload.path, kind, size, fetcher)


def iter_raw(submission: Submission, fetcher: Fetcher) -> Iterator[RawDocument | Skipped]:
    """Every document of ``submission`` or a ``Skipped`` with its reason, in input order."""
    for upload in submission.files:
        yield from guarded(upload.name, _upload(upload, fetcher))
    for number, text in enumerate(submission.texts, start=1):
        yield from guarded(text_name(number), _pasted(text_name(number), text))
    for url in submission.urls:
        yield from iter_url(url, fetcher)


def build_brief(
    submission: Submission,
    progress: Progress,
    *,
    options: Options,
    allow_private_urls: bool,
    now: _dt.datetime | None = None,
) -> Brief:
    """The brief of one submission: ``pipeline.run`` with the web app's reading."""
    fetcher = make_fetcher(options.ingest, allow_private_urls)
    try:
        documents, skipped = clean_all(iter_raw(submission, fetcher), progress)
    finally:
        fetcher.close()
    return brief_documents(documents, skipped, options, progress, now)


def pipeline_options(max_file_bytes: int, url_timeout: float) -> Options:
    return Options(ingest=IngestOptions(max_bytes=max_file_bytes, timeout=url_timeout))
