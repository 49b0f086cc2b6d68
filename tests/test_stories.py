"""Story clustering: time window, content, shared names, copies; stories.json shape."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from click.testing import CliRunner

from newsprism.cli import main
from newsprism.stories import Params, StoryInput, cluster


def _vec(*weights: float) -> np.ndarray:
    v = np.zeros(8, dtype=np.float32)
    v[: len(weights)] = weights
    return v / np.linalg.norm(v)


def _item(
    i: str, vec: np.ndarray, day: str | None, names: str = "", dup: str | None = None
) -> StoryInput:
    return StoryInput(
        id=i,
        published=day,
        title=f"title {i}",
        vector=vec,
        names=frozenset(names.split()),
        duplicate_of=dup,
        order_key=i,
    )


def _groups(items: list[StoryInput], params: Params | None = None) -> list[list[str]]:
    return sorted(sorted(s.documents) for s in cluster(items, params))


def test_stories_group_by_content() -> None:
    items = [
        _item("a1", _vec(1, 0.1), "2026-01-01"),
        _item("a2", _vec(1, 0.2), "2026-01-02"),
        _item("b1", _vec(0, 0, 1), "2026-01-02"),
        _item("b2", _vec(0.1, 0, 1), "2026-01-03"),
    ]
    assert _groups(items) == [["a1", "a2"], ["b1", "b2"]]


def test_stories_time_window_splits_same_topic() -> None:
    items = [
        _item("x1", _vec(1, 0.1), "2026-01-01"),
        _item("x2", _vec(1, 0.1), "2026-01-03"),
        _item("x3", _vec(1, 0.1), "2026-03-01"),
    ]
    assert _groups(items) == [["x1", "x2"], ["x3"]]


def test_stories_shared_names_tip_a_borderline_match() -> None:
    base, near = _vec(1, 0), _vec(1, 0.9)  # cosine about 0.74: just under the threshold
    apart = [_item("p1", base, "2026-01-01", "reyes dravik"), _item("p2", near, "2026-01-01")]
    assert _groups(apart) == [["p1"], ["p2"]]
    shared = [
        _item("p1", base, "2026-01-01", "reyes dravik"),
        _item("p2", near, "2026-01-01", "reyes dravik"),
    ]
    assert _groups(shared) == [["p1", "p2"]]


def test_stories_copy_joins_its_original() -> None:
    items = [
        _item("o", _vec(1, 0), "2026-01-01"),
        _item("c", _vec(0, 1), "2026-01-02", dup="o"),
    ]
    assert _groups(items) == [["c", "o"]]


def test_stories_are_deterministic_whatever_the_input_order() -> None:
    items = [
        _item(f"d{i}", _vec(1, i % 3, (i * 7) % 5), f"2026-01-0{1 + i % 5}") for i in range(12)
    ]
    first = cluster(items, Params(threshold=0.9))
    again = cluster(list(reversed(items)), Params(threshold=0.9))
    assert first == again
    assert all(s.id.startswith("s-") and s.start and s.end for s in first)


def test_stories_command_writes_stories_json(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    records = [
        {
            "id": "r-1",
            "title": "Ferry strike halts island crossings",
            "published": "2026-02-10",
            "text": "Ferry crews on the Saltmere route walked out on Monday, halting all "
            "crossings to the island, the union leader Mara Quill said.",
        },
        {
            "id": "r-2",
            "title": "Island ferries stopped by crew walkout",
            "published": "2026-02-10",
            "text": "All ferries between Saltmere and the island stood idle on Monday after "
            "crews went on strike over pay, Mara Quill of the crew union said.",
        },
        {
            "id": "r-3",
            "title": "Orchard growers report record apple harvest",
            "published": "2026-02-11",
            "text": "Apple growers in the Vellan valley picked a record harvest this autumn, "
            "the growers' cooperative said, citing a mild spring.",
        },
    ]
    dump.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["stories", str(dump), "-o", str(out), "-q", "--brief"])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "stories.json").read_text(encoding="utf-8"))
    assert set(data) == {"stories", "documents"}
    docs = {d["source_id"]: d for d in data["documents"]}
    assert docs["r-1"]["input"] == f"{dump}#1"
    assert set(docs["r-1"]) == {"id", "input", "source_id", "title", "published"}
    groups = sorted(
        sorted(
            docs_by["source_id"] for docs_by in data["documents"] if docs_by["id"] in s["documents"]
        )
        for s in data["stories"]
    )
    assert groups == [["r-1", "r-2"], ["r-3"]]
    for story in data["stories"]:
        assert set(story) == {"id", "title", "documents", "start", "end"}
        brief = json.loads((out / story["id"] / "brief.json").read_text(encoding="utf-8"))
        assert sorted(d["id"] for d in brief["documents"]) == story["documents"]
