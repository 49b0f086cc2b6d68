"""Engines change speed, never results: every engine's brief equals the inline one."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest

from newsprism.engines import Engine, extract_all
from newsprism.errors import UsageError
from newsprism.models import Document
from newsprism.pipeline import Options, run

NOW = _dt.datetime(2026, 1, 1, tzinfo=_dt.UTC)


def _brief_json(sample_dir: Path, options: Options) -> str:
    return run([str(sample_dir)], options, now=NOW).model_dump_json(indent=2)


@pytest.fixture(scope="module")
def inline_json(sample_dir: Path) -> str:
    return _brief_json(sample_dir, Options())


def test_engines_unknown_name_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown engine 'spark'"):
        Engine("spark")


def test_engines_keep_document_order() -> None:
    docs = [
        Document(
            id=f"d-{i}", input=f"n{i}.txt", text=f"Mayor Ana Ruiz{i} spoke in Lyon on day {i}."
        )
        for i in range(5)
    ]
    found = list(extract_all(docs, Engine("processes", workers=2, batch_size=2)))
    assert [f.document for f in found] == [d.id for d in docs]
    assert found == list(extract_all(docs, Engine("inline")))


def test_engines_processes_brief_equals_inline(sample_dir: Path, inline_json: str) -> None:
    options = Options(engine="processes", n_process=2, batch_size=3)
    assert _brief_json(sample_dir, options) == inline_json


def test_engines_ray_brief_equals_inline(sample_dir: Path, inline_json: str) -> None:
    ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'newsprism[ray]')")
    try:
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    except Exception as exc:  # pragma: no cover - depends on the machine
        pytest.skip(f"a local Ray could not start here: {exc}")
    try:
        options = Options(engine="ray", n_process=2, batch_size=3)
        assert _brief_json(sample_dir, options) == inline_json
    finally:
        ray.shutdown()


def _fragile(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the extractors raise on any document that mentions 'Kestrel'."""
    from newsprism.extract.entities import extract_mentions
    from newsprism.nlp.parsed import Parsed

    def fragile(doc_id: str, sdoc: object) -> object:
        if "Kestrel" in Parsed.of(sdoc).text:
            raise RuntimeError("injected\nfault")
        return extract_mentions(doc_id, sdoc)

    monkeypatch.setattr("newsprism.perdoc.extract_mentions", fragile)


@pytest.mark.parametrize("engine", ["inline", "processes"])
def test_engines_one_failing_document_is_skipped_not_the_run(
    engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsprism.engines import shutdown

    docs = [
        Document(id=f"d-{i}", input=f"n{i}.txt", text=f"Mayor Ana Ruiz spoke in {town} on Monday.")
        for i, town in enumerate(["Lyon", "Kestrel Bay", "Nantes"])
    ]
    _fragile(monkeypatch)
    shutdown()  # a fresh pool forks after the patch, so its workers carry it
    try:
        found = list(extract_all(docs, Engine(engine, workers=2, batch_size=2)))
    finally:
        shutdown()
    assert [f.document for f in found] == ["d-0", "d-1", "d-2"]
    assert found[1].error == "per-document extraction failed (RuntimeError: injected fault)"
    assert not found[1].mentions and found[0].mentions and found[2].mentions
    assert found[0].error is None and found[2].error is None


def test_engines_failing_document_lands_under_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, town in [("a.txt", "Lyon"), ("b.txt", "Kestrel Bay"), ("c.txt", "Nantes")]:
        (tmp_path / name).write_text(
            f"Mayor Ana Ruiz opened a new bridge in {town} on Monday. "
            f"The bridge cost 12 million euros, officials said.\n",
            encoding="utf-8",
        )
    _fragile(monkeypatch)
    brief = run([str(tmp_path)], Options(), now=NOW)
    assert sorted(Path(d.input).name for d in brief.documents) == ["a.txt", "c.txt"]
    (skip,) = [s for s in brief.skipped if s.input.endswith("b.txt")]
    assert skip.reason == "per-document extraction failed (RuntimeError: injected fault)"
    assert "\n" not in skip.reason


def test_engines_worker_that_dies_costs_only_its_document(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from newsprism.engines import shutdown
    from newsprism.perdoc import extract_document

    def deadly(doc: Document, sdoc: object) -> object:
        if "Kestrel" in doc.text:
            os._exit(9)  # what the kernel's OOM killer does to a worker
        return extract_document(doc, sdoc)

    docs = [
        Document(id=f"d-{i}", input=f"n{i}.txt", text=f"Mayor Ana Ruiz spoke in {town} on Monday.")
        for i, town in enumerate(["Lyon", "Kestrel Bay", "Nantes", "Metz"])
    ]
    monkeypatch.setattr("newsprism.perdoc.extract_document", deadly)
    shutdown()
    try:
        found = list(extract_all(docs, Engine("processes", workers=2, batch_size=2)))
    finally:
        shutdown()
    assert [f.document for f in found] == ["d-0", "d-1", "d-2", "d-3"]
    assert found[1].error is not None and "BrokenProcessPool" in found[1].error
    assert all(f.error is None and f.mentions for f in (found[0], found[2], found[3]))


def test_engines_missing_model_is_the_runs_error_not_a_skip(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from newsprism.errors import ModelNotInstalledError

    def missing() -> None:
        raise ModelNotInstalledError("spaCy model 'x' is not installed")

    monkeypatch.setattr("newsprism.perdoc.load_model", missing)
    docs = [Document(id="d-0", input="a.txt", text="Mayor Ana Ruiz spoke in Lyon.")]
    with pytest.raises(ModelNotInstalledError):
        list(extract_all(docs, Engine("inline")))
