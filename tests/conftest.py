"""Shared fixtures. Tests that need ../shared skip with a reason when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _need(path: Path, what: str) -> Path:
    if not path.exists():
        pytest.skip(f"{what} not found at {path} (../shared sits beside the repo only in CI/dev)")
    return path


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return _need(SHARED, "../shared")


@pytest.fixture(scope="session")
def alaska_dir() -> Path:
    return _need(SHARED / "corpus" / "alaska-summit", "the alaska-summit corpus")


@pytest.fixture(scope="session")
def evaldata_dir() -> Path:
    return _need(SHARED / "evaldata", "../shared/evaldata")


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    from newsprism import sample_corpus

    return sample_corpus()


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from newsprism.nlp import load_model

    return load_model()
