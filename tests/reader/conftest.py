"""Fixtures of the core tests: a library on disk holding the two seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.corpus import ensure_bundled
from reader.storage import Library


@pytest.fixture
def library(tmp_path: Path) -> Library:
    """A fresh library file with the bundled seed articles."""
    lib = Library(tmp_path / "reader.db")
    ensure_bundled(lib)
    yield lib
    lib.close()
