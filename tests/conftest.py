"""Shared fixtures. Tests that need ../shared skip with a reason when it is absent."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from newsprism.models import Brief

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXED_NOW = dt.datetime(2026, 3, 10, 12, 0, tzinfo=dt.UTC)


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


@pytest.fixture(scope="session")
def sample_gold(sample_dir: Path) -> dict[str, Any]:
    """The sample corpus's gold file: what a correct brief of it contains."""
    data: dict[str, Any] = json.loads((sample_dir.parent / "gold.json").read_text("utf-8"))
    return data


@pytest.fixture(scope="session")
def sample_brief(sample_dir: Path) -> Brief:
    """One pipeline run over the sample corpus, shared by every test that reads it."""
    from newsprism.pipeline import run

    return run([str(sample_dir)], now=FIXED_NOW)
