"""Stories end to end: features from documents or a store, clustering, stories.json, briefs.

``stories.json`` (written by ``write_stories``)::

    {"stories": [{"id", "title", "documents": [ids], "start", "end"}],
     "documents": [{"id", "input", "source_id", "title", "published"}]}

A brief per story (``write_briefs``) runs the cross-document stages on that
story's documents only, with near-copies decided within the story, exactly as
``newsprism brief`` would on those documents.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from newsprism.crossdoc.dedup import mark_duplicates
from newsprism.embed import embed_documents
from newsprism.errors import UsageError
from newsprism.models import Document
from newsprism.perdoc import DocExtraction
from newsprism.pipeline import assemble, write_outputs
from newsprism.store import DocMeta, Store
from newsprism.stories import Params, Story, StoryInput, cluster, names_of

Progress = Callable[[str, int, int | None], None]
CHUNK = 256


def _noop(stage: str, done: int, total: int | None) -> None:
    return None


def _meta(doc: Document) -> DocMeta:
    return DocMeta(doc.id, doc.input, doc.source_id, doc.title, doc.published, doc.duplicate_of)


def _item(meta: DocMeta, vector: Any, found: DocExtraction | None) -> StoryInput:
    return StoryInput(
        id=meta.id,
        published=meta.published,
        title=meta.title,
        vector=vector,
        names=names_of(found) if found else frozenset(),
        duplicate_of=meta.duplicate_of,
        order_key=meta.input,
    )


def stories_of_documents(
    documents: Sequence[Document],
    extractions: Iterable[DocExtraction],
    params: Params | None = None,
) -> list[Story]:
    """Cluster in-memory documents (``duplicate_of`` set) with their extractions."""
    found = {e.document: e for e in extractions}
    vectors = embed_documents(documents)
    items = [_item(_meta(d), v, found.get(d.id)) for d, v in zip(documents, vectors, strict=True)]
    return cluster(items, params)


def stories_of_store(
    store: Store, params: Params | None = None, progress: Progress = _noop
) -> list[Story]:
    """Cluster every stored document; embeddings are computed once and kept in the store."""
    metas = store.metas()
    total = len(metas)
    items: list[StoryInput] = []
    for at in range(0, total, CHUNK):
        part = metas[at : at + CHUNK]
        ids = [m.id for m in part]
        vectors = store.vectors(ids)
        todo = [d for d in store.documents([i for i in ids if i not in vectors])]
        if todo:
            fresh = dict(zip([d.id for d in todo], embed_documents(todo), strict=True))
            store.put_vectors(fresh)
            vectors.update(fresh)
        found = store.extractions(ids)
        items.extend(_item(m, vectors[m.id], found.get(m.id)) for m in part)
        progress("embed", at + len(part), total)
    stories = cluster(items, params)
    store.put_stories(stories)
    return stories


def write_stories(stories: Sequence[Story], metas: Iterable[DocMeta], out_dir: Path) -> Path:
    """Write ``out_dir/stories.json`` in the documented shape."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create output folder {out_dir}: {exc.strerror}") from exc
    docs = sorted(metas, key=lambda m: (m.input, m.id))
    payload = {
        "stories": [
            {
                "id": s.id,
                "title": s.title,
                "documents": list(s.documents),
                "start": s.start,
                "end": s.end,
            }
            for s in stories
        ],
        "documents": [
            {
                "id": m.id,
                "input": m.input,
                "source_id": m.source_id,
                "title": m.title,
                "published": m.published,
            }
            for m in docs
        ],
    }
    path = out_dir / "stories.json"
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def write_briefs(
    stories: Sequence[Story],
    documents: Callable[[Sequence[str]], list[Document]],
    extractions: Callable[[Sequence[str]], Iterable[DocExtraction]],
    out_dir: Path,
    formats: Sequence[str],
    now: _dt.datetime | None = None,
    progress: Progress = _noop,
) -> list[Path]:
    """Brief every story into ``out_dir/<story id>/brief.<fmt>``; returns the folders."""
    folders = []
    for done, story in enumerate(stories, 1):
        docs = [d.model_copy(update={"duplicate_of": None}) for d in documents(story.documents)]
        brief = assemble(mark_duplicates(docs), [], list(extractions(story.documents)), now)
        folder = out_dir / story.id
        write_outputs(brief, folder, formats)
        folders.append(folder)
        progress("brief", done, len(stories))
    return folders
