"""Shared fixtures: an isolated data directory per test, the seed articles, the spaCy model."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted((REPO / "articles").glob("*.txt"))


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own READER_DATA_DIR so nothing touches the user's real data."""
    data = tmp_path / "data"
    monkeypatch.setenv("READER_DATA_DIR", str(data))
    return data


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy pipeline (loaded once per test session)."""
    from reader.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_articles():
    """The two bundled seed articles, parsed."""
    from reader.corpus import read_bundled

    return read_bundled()


@pytest.fixture(scope="session")
def argos_file() -> Path:
    """Path of the real zh→en Argos 1.9 .argosmodel (74 MB), fetched once and cached."""
    from tests.argos_package import ensure_test_package

    return ensure_test_package()
