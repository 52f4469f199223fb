"""Installing and listing the real zh→en Argos package."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.translation.models import (
    ModelFileError,
    ModelInfo,
    find_model,
    install_from_file,
    installed_models,
    uninstall,
)

pytestmark = pytest.mark.slow


def test_installed_package_is_listed(zh_model: ModelInfo) -> None:
    assert zh_model.id == "translate-zh_en@1.9"
    assert (zh_model.from_code, zh_model.to_code) == ("zh", "en")
    assert zh_model.path.name == "translate-zh_en-1_9"
    assert zh_model.size_bytes > 80_000_000
    assert zh_model.origin == "installed from file model_data.argosmodel"
    assert installed_models(zh_model.path.parent) == [zh_model]
    assert find_model("zh", "en", zh_model.path.parent) == zh_model
    assert find_model("fr", "en", zh_model.path.parent) is None


def test_wrong_pair_names_the_languages(argos_file: Path, tmp_path: Path) -> None:
    with pytest.raises(ModelFileError, match="Chinese → English .zh→en.*French → English"):
        install_from_file(argos_file, tmp_path / "models")
    assert not (tmp_path / "models").exists()


def test_reinstall_replaces_and_uninstall_removes(argos_file: Path, tmp_path: Path) -> None:
    models = tmp_path / "models"
    first = install_from_file(argos_file, models, expected_pair=("zh", "en"))
    again = install_from_file(argos_file, models, expected_pair=None, origin="test origin")
    assert again.path == first.path and again.origin == "test origin"
    assert [p.name for p in models.iterdir()] == ["translate-zh_en-1_9"]
    (models / "stray").mkdir()  # a foreign folder is skipped, not an error
    assert installed_models(models) == [again]
    uninstall(again)
    assert installed_models(models) == []


def test_default_folder_is_the_reader_data_dir(argos_file: Path, isolated_data_dir: Path) -> None:
    model = install_from_file(argos_file, expected_pair=None)
    assert model.path.parent == isolated_data_dir / "models"
    assert find_model("zh", "en") == model
