"""RSS / Atom / RDF feeds: parse what we already hold, then fetch each entry's page.

feedparser only ever sees bytes we read ourselves (wrapped in a stream, because
it treats a bare string or bytes as a possible file name or URL and would open
it). The entry's title, date and authors travel with the page as metadata.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin

import feedparser

from newsprism.errors import SkipDocument
from newsprism.ingest.skips import skip_for
from newsprism.ingest.web import Fetcher, Meta, is_feed, page_document
from newsprism.models import RawDocument, Skipped


def _text(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _authors(entry: Any) -> list[str]:
    names: list[str] = []
    for author in entry.get("authors") or []:
        name = _text(author.get("name")) if hasattr(author, "get") else None
        if name and "@" not in name and name not in names:
            names.append(name)
    if not names:
        single = _text(entry.get("author"))
        # A bare e-mail address names nobody we can show.
        if single and "@" not in single:
            names.append(single)
    return names


def entry_meta(entry: Any) -> Meta:
    """What a feed entry states about its article; ``published`` is the raw date string."""
    # "updated" is deliberately ignored: an edit date is not the publication date.
    return Meta(
        title=_text(entry.get("title")),
        published=_text(entry.get("published")),
        authors=_authors(entry),
    )


def parse_entries(data: bytes) -> list[Any]:
    """The entries of a feed document; a skip when it is not a usable feed."""
    parsed = feedparser.parse(io.BytesIO(data))
    entries = list(parsed.entries)
    if entries:
        return entries
    if parsed.get("bozo"):
        problem = str(parsed.get("bozo_exception", "")).strip().splitlines()
        detail = f": {problem[0][:160]}" if problem else ""
        raise SkipDocument(f"not a readable RSS or Atom feed{detail}")
    raise SkipDocument("feed has no entries")


def iter_feed(
    name: str, data: bytes, base_url: str | None, fetcher: Fetcher
) -> Iterator[RawDocument | Skipped]:
    """Fetch the page behind each entry of the feed ``data`` (read from ``name``).

    Pages are named by their link; entries past ``max_feed_items`` are counted
    in one skip for the feed rather than silently dropped.
    """
    entries = parse_entries(data)
    limit = fetcher.options.max_feed_items
    seen: set[str] = set()
    for number, entry in enumerate(entries[:limit], start=1):
        raw_link = _text(entry.get("link"))
        if raw_link is None:
            yield Skipped(input=f"{name}#{number}", reason="feed entry has no link")
            continue
        link = urljoin(base_url, raw_link) if base_url else raw_link
        if link in seen:
            yield Skipped(input=f"{name}#{number}", reason=f"{link} is listed twice in the feed")
            continue
        seen.add(link)
        try:
            fetched = fetcher.fetch(link)
            if is_feed(fetched):
                raise SkipDocument("the feed entry links to another feed, which is not followed")
            yield page_document(fetched, link, entry_meta(entry))
        except Exception as exc:  # one bad page must not cost the other entries
            yield skip_for(link, exc)
    if len(entries) > limit:
        yield Skipped(
            input=name,
            reason=f"{len(entries) - limit} of {len(entries)} feed entries not read: "
            f"the limit is {limit} (--max-feed-items)",
        )
