"""Stories: online clustering of documents by time, content embedding and shared names.

Documents arrive in published order (undated ones last) and each is compared
only with the stories still *open*: those whose last document is within
``window_days`` of it. A document joins the best open story when

    cosine(document, story centroid) + entity_weight × shared-name share ≥ threshold

and starts a new story otherwise. Memory is bounded by the open stories, not
the corpus, so a stream of millions can be clustered in one pass. A near-copy
(``duplicate_of``) joins its original's story without being scored: syndication
never splits a story. Shared names come from the per-document entity mentions
(people by surname, other names in full, lower-cased) so "Lohan" in one report
and "Lindsay Lohan" in another count as one name.

Parameters were chosen on the odd-numbered ECB+ topics and are reported on the
even ones (docs/evaluation.md); every choice is deterministic (sorted inputs,
ties broken by story creation order).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from newsprism.perdoc import DocExtraction

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NORP"})
# The names a document is known by: its most frequent few (the lead's actors and
# places); a long report's passing mentions would make everything overlap.
TOP_NAMES = 8


@dataclass(frozen=True)
class Params:
    """Clustering knobs (defaults tuned on ECB+ odd topics, see docs/evaluation.md)."""

    threshold: float = 0.75
    entity_weight: float = 0.3
    window_days: int = 7
    # Open stories compared per document at most (least recently grown closed first).
    max_open: int = 2000


@dataclass(frozen=True)
class StoryInput:
    """What clustering needs from one document: no text, so it stays small."""

    id: str
    published: str | None
    title: str | None
    vector: npt.NDArray[np.float32]
    names: frozenset[str]
    duplicate_of: str | None = None
    order_key: str = ""


@dataclass(frozen=True)
class Story:
    id: str
    title: str | None
    documents: tuple[str, ...]
    start: str | None
    end: str | None


@dataclass
class _Open:
    index: int
    total: npt.NDArray[np.float32]
    names: Counter[str]
    members: list[StoryInput] = field(default_factory=list)
    last_day: int | None = None
    touched: int = 0


def names_of(extraction: DocExtraction) -> frozenset[str]:
    """The lower-cased names a document mentions most (surnames for people)."""
    counts: Counter[str] = Counter()
    for m in extraction.mentions:
        if m.label not in NAME_LABELS:
            continue
        words = m.text.lower().split()
        if not words:
            continue
        counts[words[-1] if m.label == "PERSON" else " ".join(words)] += 1
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_NAMES]
    return frozenset(name for name, _ in top)


def _day(published: str | None) -> int | None:
    if not published:
        return None
    try:
        return _dt.date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def story_order(item: StoryInput) -> tuple[str, str, str]:
    """Published order, undated last, then a stable tie-break."""
    return (item.published or "9999-99-99", item.order_key, item.id)


class StoryClusterer:
    """Feed ``add`` documents in ``story_order``; ``finish`` returns the stories."""

    def __init__(self, params: Params | None = None) -> None:
        self.params = params or Params()
        self._open: list[_Open] = []
        self._closed: list[list[StoryInput]] = []
        self._story_of: dict[str, _Open] = {}
        self._count = 0
        self._clock = 0

    def add(self, item: StoryInput) -> None:
        self._clock += 1
        day = _day(item.published)
        if day is not None:
            self._close_before(day - self.params.window_days)
        original = self._story_of.get(item.duplicate_of or "")
        target = original or self._best(item, day)
        if target is None:
            target = _Open(self._count, np.zeros_like(item.vector), Counter())
            self._count += 1
            self._open.append(target)
        target.members.append(item)
        target.total = target.total + item.vector
        target.names.update(item.names)
        if day is not None:
            target.last_day = max(target.last_day or day, day)
        target.touched = self._clock
        self._story_of[item.id] = target
        if len(self._open) > self.params.max_open:
            stale = min(self._open, key=lambda s: (s.touched, s.index))
            self._close(stale)

    def _best(self, item: StoryInput, day: int | None) -> _Open | None:
        if not self._open:
            return None
        totals = np.stack([s.total for s in self._open])
        norms = np.linalg.norm(totals, axis=1)
        cos = totals @ item.vector / np.clip(norms, 1e-12, None)
        best: _Open | None = None
        best_score = self.params.threshold
        for story, sim in zip(self._open, cos.tolist(), strict=True):
            if (
                day is not None
                and story.last_day is not None
                and (day - story.last_day > self.params.window_days)
            ):
                continue
            shared = sum(1 for n in item.names if n in story.names)
            share = shared / len(item.names) if item.names else 0.0
            # Rounded so that float noise cannot flip a decision between machines.
            score = round(sim + self.params.entity_weight * share, 6)
            if score >= best_score and (best is None or score > best_score):
                best, best_score = story, score
        return best

    def _close_before(self, day: int) -> None:
        for story in [s for s in self._open if s.last_day is not None and s.last_day < day]:
            self._close(story)

    def _close(self, story: _Open) -> None:
        self._open.remove(story)
        self._closed.append(story.members)
        for member in story.members:
            self._story_of.pop(member.id, None)

    def finish(self) -> list[Story]:
        """Every story (closed and open), sorted by start date then id."""
        groups = self._closed + [s.members for s in self._open]
        self._open, self._closed = [], []
        return sorted((_story(g) for g in groups), key=lambda s: (s.start or "9999", s.id))


def _story(members: Sequence[StoryInput]) -> Story:
    ids = tuple(sorted(m.id for m in members))
    digest = hashlib.sha256("\n".join(ids).encode("utf-8")).hexdigest()[:12]
    dates = sorted(m.published[:10] for m in members if m.published)
    first = sorted(members, key=story_order)
    title = next((m.title for m in first if m.title), None)
    return Story(
        id=f"s-{digest}",
        title=title,
        documents=ids,
        start=dates[0] if dates else None,
        end=dates[-1] if dates else None,
    )


def cluster(items: Iterable[StoryInput], params: Params | None = None) -> list[Story]:
    """Cluster ``items`` (any order: they are sorted into published order first)."""
    clusterer = StoryClusterer(params)
    for item in sorted(items, key=story_order):
        clusterer.add(item)
    return clusterer.finish()
