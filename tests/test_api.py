from __future__ import annotations

import newsprism


def test_api_exports_are_pinned() -> None:
    # The public surface is small on purpose; growing it is a decision, not an accident.
    assert newsprism.__all__ == [
        "SCHEMA",
        "Brief",
        "Document",
        "Entity",
        "NewsprismError",
        "Options",
        "SkipDocument",
        "UsageError",
        "__version__",
        "brief",
        "sample_corpus",
    ]
    for name in newsprism.__all__:
        assert hasattr(newsprism, name)


def test_api_schema_name_matches_contract() -> None:
    assert newsprism.SCHEMA == "newsprism.brief/1"


def test_api_sample_corpus_ships_inside_the_package() -> None:
    folder = newsprism.sample_corpus()
    assert folder.is_dir()
    assert len([p for p in folder.iterdir() if p.is_file()]) >= 5
