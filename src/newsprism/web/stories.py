"""Stories of a corpus store (``newsprism serve --db corpus.duckdb``): search and briefs.

The store is written by ``newsprism ingest`` and clustered by ``newsprism
stories --db``; this module only reads it. Each request opens the file
read-only and closes it again, so an ingest can run between two page views
(while one is writing, reads answer 503 ``store_busy`` instead of waiting).

The story list reads the store's documented ``stories``, ``story_documents``
and ``documents`` tables; a story's brief is built the way ``newsprism
stories --brief`` builds it (``storyrun.write_briefs``): the cross-document
stages over that story's documents, near-copies decided within the story.
"""

from __future__ import annotations

import datetime as _dt
import threading
from collections import OrderedDict
from pathlib import Path

import duckdb
from pydantic import BaseModel, Field

from newsprism.crossdoc.dedup import mark_duplicates
from newsprism.errors import UsageError
from newsprism.models import Brief
from newsprism.pipeline import assemble
from newsprism.store import Store
from newsprism.web.errors import WebError

MAX_LIMIT = 500
_CACHE = 32


class StorySummary(BaseModel):
    """One story as the index lists it."""

    id: str
    title: str | None
    start: str | None = Field(description="Earliest published date (YYYY-MM-DD) or null.")
    end: str | None
    documents: int
    outlets: list[str]


class StoryList(BaseModel):
    total: int = Field(description="Stories in the store, before the search.")
    query: str
    stories: list[StorySummary]


def _like(query: str) -> str:
    escaped = query.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


_LIST = """
SELECT s.id, s.title, s.start, s."end", s.size FROM stories s
WHERE ? = '' OR lower(coalesce(s.title, '')) LIKE ? ESCAPE '\\'
   OR s.id IN (
     SELECT sd.story FROM story_documents sd JOIN documents d ON d.id = sd.document
     WHERE lower(coalesce(d.title, '')) LIKE ? ESCAPE '\\'
        OR lower(coalesce(d.outlet, '')) LIKE ? ESCAPE '\\'
        OR lower(d.text) LIKE ? ESCAPE '\\')
ORDER BY s.start DESC NULLS LAST, s.size DESC, s.id
LIMIT ?
"""


class StoryIndex:
    """Read access to the stories of one store file, with a small cache of briefs."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise UsageError(
                f"no store at {path}: create it with `newsprism ingest … --db {path}` "
                f"and cluster it with `newsprism stories --db {path}`"
            )
        self.path = path
        self._briefs: OrderedDict[str, Brief] = OrderedDict()
        self._lock = threading.Lock()

    def _connect(self) -> duckdb.DuckDBPyConnection:
        try:
            return duckdb.connect(str(self.path), read_only=True)
        except duckdb.Error as exc:
            raise _busy(exc) from None

    def search(self, query: str = "", limit: int = 100) -> StoryList:
        """Stories whose title, or a document's title, outlet or text, contains ``query``."""
        query = query.strip()[:200]
        limit = max(1, min(limit, MAX_LIMIT))
        like = _like(query)
        con = self._connect()
        try:
            total_row = con.execute("SELECT count(*) FROM stories").fetchone()
            rows = con.execute(_LIST, [query, like, like, like, like, limit]).fetchall()
            outlets = self._outlets(con, [r[0] for r in rows])
        except duckdb.Error as exc:
            raise _busy(exc) from None
        finally:
            con.close()
        stories = [
            StorySummary(
                id=r[0],
                title=r[1],
                start=r[2],
                end=r[3],
                documents=r[4],
                outlets=outlets.get(r[0], []),
            )
            for r in rows
        ]
        return StoryList(total=int(total_row[0]) if total_row else 0, query=query, stories=stories)

    @staticmethod
    def _outlets(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, list[str]]:
        if not ids:
            return {}
        marks = ", ".join("?" for _ in ids)
        rows = con.execute(
            "SELECT DISTINCT sd.story, d.outlet FROM story_documents sd"
            " JOIN documents d ON d.id = sd.document"
            f" WHERE d.outlet IS NOT NULL AND sd.story IN ({marks})",
            ids,
        ).fetchall()
        out: dict[str, list[str]] = {}
        for story, outlet in sorted(rows):
            out.setdefault(story, []).append(outlet)
        return out

    def _members(self, story_id: str) -> list[str]:
        con = self._connect()
        try:
            rows = con.execute(
                "SELECT document FROM story_documents WHERE story = ? ORDER BY document",
                [story_id],
            ).fetchall()
        except duckdb.Error as exc:
            raise _busy(exc) from None
        finally:
            con.close()
        return [r[0] for r in rows]

    def brief(self, story_id: str, now: _dt.datetime | None = None) -> Brief:
        """The brief of one story; a 404 ``WebError`` when the store has no such story."""
        with self._lock:
            cached = self._briefs.get(story_id)
            if cached is not None:
                self._briefs.move_to_end(story_id)
                return cached
        ids = self._members(story_id[:100])
        if not ids:
            raise WebError(404, "story_not_found", f"no story {story_id!r} in {self.path.name}")
        try:
            with Store(self.path, read_only=True) as store:
                docs = [d.model_copy(update={"duplicate_of": None}) for d in store.documents(ids)]
                found = list(store.extractions(ids).values())
        except (duckdb.Error, UsageError) as exc:
            raise _busy(exc) from None
        # A story id is a hash of its documents: the same id always briefs the same texts.
        brief = assemble(mark_duplicates(docs), [], found, now)
        with self._lock:
            self._briefs[story_id] = brief
            while len(self._briefs) > _CACHE:
                self._briefs.popitem(last=False)
        return brief


def _busy(exc: Exception) -> WebError:
    first = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
    return WebError(
        503, "store_busy",
        f"cannot read the store right now (is `newsprism ingest` or `stories` writing it?): "
        f"{first}",
    )  # fmt: skip
