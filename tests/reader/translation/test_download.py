"""Downloading through an Argos index served on loopback: progress, cancel, failures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.translation.models import (
    DownloadCancelled,
    ModelDownloadError,
    download_model,
    installed_models,
)
from tests.loopback_index import LoopbackIndex

pytestmark = pytest.mark.slow
@pytest.fixture()
def index(argos_file: Path) -> Iterator[LoopbackIndex]:
    with LoopbackIndex(argos_file) as served:
        yield served


def test_download_installs_with_progress(index: LoopbackIndex, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    model = download_model(f"{index.url}/index.json", "zh", "en", tmp_path / "models",
                           progress=lambda done, total: seen.append((done, total)))
    size = index.package.stat().st_size
    assert seen[0] == (0, size) and seen[-1] == (size, size)
    assert all(a[0] <= b[0] for a, b in zip(seen, seen[1:], strict=False))
    assert model.id == "translate-zh_en@1.9"
    assert model.origin == f"downloaded from {index.url}/index.json"
    assert [p.name for p in (tmp_path / "models").iterdir()] == ["translate-zh_en-1_9"]


def test_cancel_leaves_nothing_behind(index: LoopbackIndex, tmp_path: Path) -> None:
    seen: list[int] = []
    with pytest.raises(DownloadCancelled):
        download_model(f"{index.url}/index.json", "zh", "en", tmp_path / "models",
                       progress=lambda done, total: seen.append(done),
                       is_cancelled=lambda: len(seen) > 3)
    assert list((tmp_path / "models").iterdir()) == []


def test_unreachable_index_is_a_clear_error(tmp_path: Path) -> None:
    with LoopbackIndex(tmp_path / "none") as served:
        url = served.url
    with pytest.raises(ModelDownloadError, match="Could not download the model index from"):
        download_model(f"{url}/index.json", "zh", "en", tmp_path / "models")


def test_missing_pair_and_missing_file(index: LoopbackIndex, tmp_path: Path) -> None:
    with pytest.raises(ModelDownloadError, match="has no French → English package"):
        download_model(f"{index.url}/index.json", "fr", "en", tmp_path / "models")
    with pytest.raises(ModelDownloadError, match="404"):
        download_model(f"{index.url}/index.json", "de", "en", tmp_path / "models")
    with pytest.raises(ModelDownloadError, match="404"):
        download_model(f"{index.url}/nothing.json", "zh", "en", tmp_path / "models")
    assert installed_models(tmp_path / "models") == []
    assert not (tmp_path / "models").exists() or list((tmp_path / "models").iterdir()) == []


def test_a_broken_connection_installs_nothing(index: LoopbackIndex, tmp_path: Path) -> None:
    with pytest.raises(ModelDownloadError, match="stopped at 3.0 of 74.5 MB"):
        download_model(f"{index.url}/index.json", "it", "en", tmp_path / "models")
    assert list((tmp_path / "models").iterdir()) == []
