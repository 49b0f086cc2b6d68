"""Turning a submitted form (API or page) into a queued job, within the upload limits.

Limits answer before any work starts: too many files or URLs, or nothing at
all, is a 422; a file or pasted text over the size limit is a 413; a full
job queue is a 429. What is
within the limits but unusable (a PDF, an unreachable URL) is not an error:
it becomes a ``skipped`` entry of the brief, and the other inputs are briefed.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Sequence
from pathlib import Path

from starlette.datastructures import UploadFile

from newsprism.ingest.files import suffix_of
from newsprism.web.errors import WebError
from newsprism.web.inputs import Submission, Upload, split_urls
from newsprism.web.jobs import Job, JobManager
from newsprism.web.settings import WebSettings

_CHUNK = 1 << 20
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _mb(n: int) -> str:
    return f"{n / 1_000_000:g} MB"


def upload_name(raw: str | None, number: int) -> str:
    """The name to show for an upload: the browser's file name without any folder part."""
    name = _CONTROL.sub("", (raw or "").replace("\\", "/").rsplit("/", 1)[-1]).strip()
    return name[:200] or f"upload {number}"


def _chosen(files: Sequence[UploadFile]) -> list[UploadFile]:
    # A form whose file picker was left empty still sends one nameless, empty part.
    return [f for f in files if f.filename or (f.size or 0) > 0]


async def _save(file: UploadFile, name: str, path: Path, limit: int) -> None:
    size = 0
    with path.open("wb") as out:
        while chunk := await file.read(_CHUNK):
            size += len(chunk)
            if size > limit:
                raise WebError(
                    413, "file_too_large", f"file {name!r} is larger than the {_mb(limit)} limit"
                )
            out.write(chunk)


def check_limits(
    files: list[UploadFile], texts: list[str], urls: list[str], settings: WebSettings
) -> None:
    """422 for counts and empty submissions, 413 for an oversized pasted text."""
    if len(files) > settings.max_files:
        raise WebError(
            422, "too_many_files",
            f"{len(files)} files sent; the limit is {settings.max_files} per job",
        )  # fmt: skip
    if len(urls) > settings.max_urls:
        raise WebError(
            422, "too_many_urls", f"{len(urls)} URLs sent; the limit is {settings.max_urls} per job"
        )
    for number, text in enumerate(texts, start=1):
        if len(text) > settings.max_text_chars:
            raise WebError(
                413, "text_too_large",
                f"pasted text {number} has {len(text):,} characters; "
                f"the limit is {settings.max_text_chars:,}",
            )  # fmt: skip
    if not (files or texts or urls):
        raise WebError(
            422, "empty_submission", "nothing to brief: add files, paste text or paste URLs"
        )


async def create_job(
    manager: JobManager,
    settings: WebSettings,
    files: Sequence[UploadFile] | None,
    texts: list[str] | None,
    urls: list[str] | None,
) -> Job:
    """Validate the submission, save its uploads into a new job folder and queue it."""
    chosen = _chosen(files or [])
    pasted = [t for t in texts or [] if t.strip()]
    url_list = [u for raw in urls or [] for u in split_urls(raw)]
    check_limits(chosen, pasted, url_list, settings)
    manager.check_room()  # before any upload is saved: a full queue costs no disk
    job_id = manager.new_id()
    folder = manager.folder(job_id) / "uploads"
    uploads: list[Upload] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for number, file in enumerate(chosen, start=1):
            name = upload_name(file.filename, number)
            # The stored name keeps only a vetted suffix: readers key on it (.gz, .warc).
            path = folder / f"{number:03d}{suffix_of(name)}"
            await _save(file, name, path, settings.max_file_bytes)
            uploads.append(Upload(name=name, path=path))
    except BaseException:
        shutil.rmtree(manager.folder(job_id), ignore_errors=True)
        raise
    return manager.submit(job_id, Submission(tuple(uploads), tuple(pasted), tuple(url_list)))
